/**
 * Block Kit payloads checked against `../shared/data/slack/block-kit.schema.json` (draft
 * 2020-12, with Ajv as its README advises) plus the payload-level rules the schema cannot
 * express: at most 50 blocks in a message, 100 in a modal or Home tab.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { sharedData } from '../shared-data.ts';

/** Most blocks Slack accepts in one message. */
export const MESSAGE_BLOCKS_MAX = 50;
/** Most blocks Slack accepts in one modal or Home tab view. */
export const VIEW_BLOCKS_MAX = 100;

type Surface = 'message' | 'modal' | 'home';

function describe(errors: ValidateFunction['errors']): string {
  return (errors ?? [])
    .slice(0, 6)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`)
    .join('; ');
}

let shared: BlockKitValidator | null = null;

interface Validators {
  readonly blocks: ValidateFunction;
  readonly modal: ValidateFunction;
  readonly home: ValidateFunction;
}

function compile(schema: { $id: string }, allErrors: boolean): Validators {
  const ajv = new Ajv2020({ allErrors, strict: false });
  // ajv-formats ships CommonJS with a default export; under ESM interop it may be nested.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void;
  addFormats(ajv);
  ajv.addSchema(schema);
  return {
    blocks: ajv.getSchema(schema.$id)!,
    modal: ajv.compile({ $ref: `${schema.$id}#/$defs/modal_view` }),
    home: ajv.compile({ $ref: `${schema.$id}#/$defs/home_view` }),
  };
}

/**
 * Validators of the three surfaces. Every payload is judged by validators compiled without
 * `allErrors` (Ajv stops at the first failing rule; the verdict is the same, and a card is
 * checked in less than half the time — the benchmarks' stand-in checks every call); a payload
 * they refuse is judged again by validators collecting every error, compiled on the first
 * refusal, so a violation still names all that is wrong.
 */
export class BlockKitValidator {
  /** One compiled validator per process (compiling the schema takes about a second). */
  static shared(): BlockKitValidator {
    shared ??= new BlockKitValidator();
    return shared;
  }

  readonly #schema: { $id: string };
  readonly #fast: Validators;
  #thorough: Validators | null = null;

  constructor(schemaFile = sharedData('slack', 'block-kit.schema.json')) {
    this.#schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $id: string };
    this.#fast = compile(this.#schema, false);
  }

  /** Every error of a refused payload, from the validators collecting them all. */
  #errors(surface: keyof Validators, payload: unknown): string {
    this.#thorough ??= compile(this.#schema, true);
    const validate = this.#thorough[surface];
    return validate(payload) ? 'refused by the first-error validator only' : describe(validate.errors);
  }

  /** Problems with a message's `blocks` (empty when Slack would accept them). */
  checkMessageBlocks(blocks: unknown): string[] {
    if (!Array.isArray(blocks)) return ['blocks must be an array'];
    const problems: string[] = [];
    if (blocks.length > MESSAGE_BLOCKS_MAX) problems.push(`${blocks.length} blocks in a message, at most ${MESSAGE_BLOCKS_MAX}`);
    if (!this.#fast.blocks(blocks)) problems.push(`blocks: ${this.#errors('blocks', blocks)}`);
    return problems;
  }

  /** Problems with a view (`modal` or `home`). */
  checkView(view: unknown, expected?: Surface): string[] {
    const type = (view as { type?: unknown } | null)?.type;
    if (type !== 'modal' && type !== 'home') return [`view type ${JSON.stringify(type)} is neither modal nor home`];
    if (expected !== undefined && type !== expected) return [`a ${expected} view was expected, got ${type}`];
    return this.#fast[type](view) ? [] : [`view: ${this.#errors(type, view)}`];
  }
}
