// Public surface of composer insertion for the content script runtime.
export { insertText, replaceRange, readDraft, editableElementFor } from './insert.ts';
export type { ComposerKind, InsertMethod, InsertOutcome, InsertOptions } from './insert.ts';
export { pageBridgeClient, createPageBridgeClient } from './bridge-client.ts';
export type { PageBridgeClient, BridgeAnswer } from './bridge-client.ts';
export { injectPageBridge } from './inject-bridge.ts';
export { composerErrors } from './errors.ts';
