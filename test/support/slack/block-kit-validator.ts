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

/** Validators of the three surfaces. */
export class BlockKitValidator {
  /** One compiled validator per process (compiling the schema takes about a second). */
  static shared(): BlockKitValidator {
    shared ??= new BlockKitValidator();
    return shared;
  }

  readonly #blocks: ValidateFunction;
  readonly #modal: ValidateFunction;
  readonly #home: ValidateFunction;

  constructor(schemaFile = sharedData('slack', 'block-kit.schema.json')) {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $id: string };
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    // ajv-formats ships CommonJS with a default export; under ESM interop it may be nested.
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void;
    addFormats(ajv);
    ajv.addSchema(schema);
    this.#blocks = ajv.getSchema(schema.$id)!;
    this.#modal = ajv.compile({ $ref: `${schema.$id}#/$defs/modal_view` });
    this.#home = ajv.compile({ $ref: `${schema.$id}#/$defs/home_view` });
  }

  /** Problems with a message's `blocks` (empty when Slack would accept them). */
  checkMessageBlocks(blocks: unknown): string[] {
    if (!Array.isArray(blocks)) return ['blocks must be an array'];
    const problems: string[] = [];
    if (blocks.length > MESSAGE_BLOCKS_MAX) problems.push(`${blocks.length} blocks in a message, at most ${MESSAGE_BLOCKS_MAX}`);
    if (!this.#blocks(blocks)) problems.push(`blocks: ${describe(this.#blocks.errors)}`);
    return problems;
  }

  /** Problems with a view (`modal` or `home`). */
  checkView(view: unknown, expected?: Surface): string[] {
    const type = (view as { type?: unknown } | null)?.type;
    if (type !== 'modal' && type !== 'home') return [`view type ${JSON.stringify(type)} is neither modal nor home`];
    if (expected !== undefined && type !== expected) return [`a ${expected} view was expected, got ${type}`];
    const validate = type === 'modal' ? this.#modal : this.#home;
    return validate(view) ? [] : [`view: ${describe(validate.errors)}`];
  }
}
