/**
 * The Telegram Bot API as described by `../shared/data/telegram/api.json` (Bot API 10.1), used
 * by the Bot API stand-in to check every call a bot makes: the method exists, no unknown
 * parameter, every required one present, every value of the declared type (objects checked
 * field by field, unions against each subtype), and the limits the documentation states in
 * words ("1-4096 characters after entities parsing", "1-64 bytes").
 *
 * Written here rather than taken from a package: grammY's types are compile-time only, and no
 * maintained runtime validator of the Bot API exists; the description file is the reference.
 */
import { readFileSync } from 'node:fs';
import { parseTelegramHtml } from './telegram-html.ts';

interface FieldSpec {
  readonly name: string;
  readonly types: readonly string[];
  readonly required: boolean;
  readonly description: string;
}

interface TypeSpec {
  readonly name: string;
  readonly fields?: readonly FieldSpec[];
  readonly subtypes?: readonly string[];
}

interface MethodSpec {
  readonly name: string;
  readonly fields?: readonly FieldSpec[];
}

interface ApiDescription {
  readonly version: string;
  readonly methods: Readonly<Record<string, MethodSpec>>;
  readonly types: Readonly<Record<string, TypeSpec>>;
}

/** A value of a multipart upload (an `InputFile`). */
export interface UploadedFile {
  readonly kind: 'upload';
  readonly name: string;
  readonly size: number;
  readonly bytes: Buffer;
}

export function isUpload(v: unknown): v is UploadedFile {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'upload';
}

/** A length limit stated in a description: "1-4096 characters", "1-64 bytes". */
interface Limit {
  readonly min: number;
  readonly max: number;
  readonly unit: 'characters' | 'bytes';
  /** Counted on the text after parsing its HTML entities (the sibling `parse_mode`). */
  readonly afterEntities: boolean;
}

const LIMIT = /(\d+)-(\d+) (characters|bytes)/u;

function limitOf(description: string): Limit | null {
  const m = LIMIT.exec(description);
  if (m === null) return null;
  return { min: Number(m[1]), max: Number(m[2]), unit: m[3] as Limit['unit'], afterEntities: /after entities parsing/u.test(description) };
}

const PARSE_MODES = new Set(['HTML', 'MarkdownV2', 'Markdown']);
/** Fields that name how a sibling text is parsed, by the text field they govern. */
const PARSE_MODE_OF: Readonly<Record<string, string>> = { text: 'parse_mode', caption: 'parse_mode', explanation: 'explanation_parse_mode', question: 'question_parse_mode', message_text: 'parse_mode' };
const BUTTON_ACTIONS = new Set(['text', 'icon_custom_emoji_id', 'style']);
const BOT_COMMAND = /^[a-z0-9_]{1,32}$/u;

/** The Bot API description, ready to check calls. */
export class BotApiSchema {
  readonly version: string;
  readonly #api: ApiDescription;

  private constructor(api: ApiDescription) {
    this.#api = api;
    this.version = api.version;
  }

  static load(file: string): BotApiSchema {
    return new BotApiSchema(JSON.parse(readFileSync(file, 'utf8')) as ApiDescription);
  }

  hasMethod(name: string): boolean {
    return Object.hasOwn(this.#api.methods, name);
  }

  /** What the method returns, e.g. `['Message', 'Boolean']`. */
  fieldsOf(method: string): readonly FieldSpec[] {
    return this.#api.methods[method]?.fields ?? [];
  }

  /**
   * Every problem with a call's parameters (empty when Telegram would accept their shape).
   * `params` are decoded already: JSON bodies as parsed, multipart values JSON-decoded where
   * the field is not a plain string, uploads as {@link UploadedFile}.
   */
  checkCall(method: string, params: Readonly<Record<string, unknown>>): string[] {
    const spec = this.#api.methods[method];
    if (spec === undefined) return [`unknown method ${method}`];
    return this.#checkFields(method, spec.fields ?? [], params, true);
  }

  #checkFields(path: string, fields: readonly FieldSpec[], value: Readonly<Record<string, unknown>>, topLevel: boolean): string[] {
    const problems: string[] = [];
    const known = new Map(fields.map((f) => [f.name, f]));
    for (const key of Object.keys(value)) {
      if (!known.has(key)) problems.push(`${path}: unknown parameter "${key}"`);
    }
    for (const f of fields) {
      const v = value[f.name];
      if (v === undefined || v === null) {
        if (f.required) problems.push(`${path}: "${f.name}" is required`);
        continue;
      }
      problems.push(...this.#checkValue(`${path}.${f.name}`, f.types, v, topLevel));
      problems.push(...this.#checkLimit(`${path}.${f.name}`, f, v, value));
    }
    if (value.parse_mode !== undefined && !PARSE_MODES.has(String(value.parse_mode))) problems.push(`${path}: unsupported parse_mode "${String(value.parse_mode)}"`);
    return problems;
  }

  #checkLimit(path: string, field: FieldSpec, v: unknown, siblings: Readonly<Record<string, unknown>>): string[] {
    if (typeof v !== 'string') return [];
    const limit = limitOf(field.description);
    if (limit === null) return [];
    let text = v;
    if (limit.afterEntities) {
      const mode = siblings[PARSE_MODE_OF[field.name] ?? 'parse_mode'];
      if (mode === 'HTML') {
        const parsed = parseTelegramHtml(v);
        if (!parsed.ok) return [`${path}: can't parse entities: ${parsed.error}`];
        text = parsed.text;
      } else if (mode !== undefined) {
        return [`${path}: the stand-in checks HTML only (parse_mode ${String(mode)})`];
      }
    }
    const size = limit.unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
    if (size < limit.min || size > limit.max) return [`${path}: ${size} ${limit.unit}, allowed ${limit.min}-${limit.max}`];
    return [];
  }

  #checkValue(path: string, types: readonly string[], v: unknown, topLevel: boolean): string[] {
    let best: string[] | null = null;
    for (const t of types) {
      const problems = this.#checkType(path, t, v, topLevel);
      if (problems.length === 0) return [];
      if (best === null || problems.length < best.length) best = problems;
    }
    return best ?? [`${path}: no type`];
  }

  #checkType(path: string, type: string, v: unknown, topLevel: boolean): string[] {
    if (type.startsWith('Array of ')) {
      if (!Array.isArray(v)) return [`${path}: expected ${type}`];
      const inner = type.slice('Array of '.length);
      return v.flatMap((item, i) => this.#checkType(`${path}[${i}]`, inner, item, false));
    }
    switch (type) {
      case 'Integer':
        return Number.isSafeInteger(v) ? [] : [`${path}: expected Integer, got ${JSON.stringify(v)}`];
      case 'Float':
        return typeof v === 'number' && Number.isFinite(v) ? [] : [`${path}: expected Float`];
      case 'String':
        return typeof v === 'string' ? [] : [`${path}: expected String, got ${typeof v}`];
      case 'Boolean':
        return typeof v === 'boolean' ? [] : [`${path}: expected Boolean`];
      case 'True':
        return v === true ? [] : [`${path}: expected True`];
      case 'InputFile':
        return topLevel && isUpload(v) ? [] : [`${path}: expected an uploaded file`];
    }
    const spec = this.#api.types[type];
    if (spec === undefined) return [`${path}: unknown type ${type}`];
    if (spec.subtypes !== undefined) return this.#checkValue(path, spec.subtypes, v, false);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return [`${path}: expected ${type}`];
    const obj = v as Readonly<Record<string, unknown>>;
    const problems = this.#checkFields(`${path}<${type}>`, spec.fields ?? [], obj, false);
    if (type === 'InlineKeyboardButton') {
      const actions = Object.keys(obj).filter((k) => !BUTTON_ACTIONS.has(k));
      if (actions.length !== 1) problems.push(`${path}: an inline button needs exactly one action field, got ${actions.length}`);
    }
    if (type === 'BotCommand' && typeof obj.command === 'string' && !BOT_COMMAND.test(obj.command)) {
      problems.push(`${path}: command "${obj.command}" must be 1-32 lowercase letters, digits or underscores`);
    }
    return problems;
  }

  /**
   * Decodes a multipart field value the way Telegram does: JSON for structured fields
   * (objects, arrays, numbers, booleans), the raw string for String fields.
   */
  decodeFormValue(method: string, name: string, raw: string): unknown {
    const field = this.fieldsOf(method).find((f) => f.name === name);
    if (field === undefined) return raw;
    if (field.types.length === 1 && field.types[0] === 'String') return raw;
    try {
      const parsed: unknown = JSON.parse(raw);
      // "Integer or String" chat ids: a numeric string is the integer.
      if (typeof parsed === 'string' && !field.types.includes('String')) return raw;
      return parsed;
    } catch {
      return raw;
    }
  }
}
