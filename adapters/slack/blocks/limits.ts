/**
 * Block Kit's limits (https://api.slack.com/reference/block-kit), checked by the Web API
 * stand-in in tests; the renderers clip and page to stay inside them.
 */
export const LIMITS = {
  /** Blocks in a message. */
  messageBlocks: 50,
  /** Blocks in a modal or the App Home. */
  viewBlocks: 100,
  /** `text` of a section block. */
  sectionText: 3000,
  /** Each field of a section block, and at most 10 fields. */
  sectionField: 2000,
  sectionFields: 10,
  /** A header block's text. */
  headerText: 150,
  /** A context block holds at most 10 elements. */
  contextElements: 10,
  /** A button's text. */
  buttonText: 75,
  /** `action_id`, `block_id`, `callback_id`. */
  actionId: 255,
  /** A button's or an option's `value`. */
  buttonValue: 2000,
  optionValue: 150,
  /** An option's text. */
  optionText: 75,
  /** Options of a static select. */
  selectOptions: 100,
  /** A modal's title, submit and close texts. */
  modalTitle: 24,
  /** `private_metadata` of a view. */
  privateMetadata: 3000,
  /** The top-level `text` of a message (Slack truncates beyond 40,000). */
  messageText: 40_000,
  /** Elements of an actions block. */
  actionsElements: 25,
  /** Modal views in a stack. */
  modalStack: 3,
} as const;
