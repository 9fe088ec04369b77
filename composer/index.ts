// Public surface of composer insertion for the content script runtime: the content runtime imports composer/ only here.
//
// Call injectPageBridge() once when the content script starts (CKEditor 5 needs it; every other editor works without),
// call trackComposerCaret(composer.element, composer.kind) when a composer is found (stop it when it goes away),
// then insertText / replaceRange / readDraft with the ComposerInfo a site adapter found. Outcomes map onto InsertResult.
export {
  insertText,
  replaceRange,
  selectDraftRange,
  readDraft,
  editableElementFor,
  trackComposerCaret,
  forgetComposerCaret,
} from './insert.ts';
export type { ComposerKind, InsertMethod, InsertOutcome } from './insert.ts';
export { createPageBridgeClient } from './bridge-client.ts';
export type { PageBridgeClient } from './bridge-client.ts';
export { injectPageBridge } from './inject-bridge.ts';
export { mapDraftText, domRangeForOffsets } from './draft-text.ts';
export { selectionInside } from './caret-memory.ts';
