// Test-only entry: exposes composer/ inside the isolated world the browser tests create, as a content script would use it.
import {
  createPageBridgeClient,
  forgetComposerCaret,
  insertText,
  readDraft,
  replaceRange,
  trackComposerCaret,
  type ComposerKind,
  type PageBridgeClient,
} from '../../../composer/index.ts';

function composerElement(): HTMLElement {
  const element = document.querySelector<HTMLElement>('[data-huashu-demo-composer]');
  if (!element) throw new Error('the demo page has no composer yet');
  return element;
}

let bridge: PageBridgeClient | undefined;

const harness = {
  /** As WXT's injectScript does in MV3 (composer/inject-bridge.ts): a <script src> created here, removed right after insertion. */
  injectBridge(src: string) {
    bridge = createPageBridgeClient();
    const script = document.createElement('script');
    script.src = src;
    bridge.listenForBridge(script);
    const loaded = new Promise<void>((resolve, reject) => {
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => reject(new Error('page bridge failed to load')));
    });
    document.head.append(script);
    script.remove();
    return loaded;
  },
  canSeeCkeditorInstance: () =>
    'ckeditorInstance' in composerElement() &&
    Boolean((composerElement() as unknown as { ckeditorInstance?: unknown }).ckeditorInstance),
  insert: (kind: ComposerKind, text: string) =>
    insertText(composerElement(), kind, text, bridge ? { bridge } : { bridge: createPageBridgeClient() }),
  replace: (kind: ComposerKind, start: number, end: number, text: string) =>
    replaceRange(composerElement(), kind, start, end, text, bridge ? { bridge } : { bridge: createPageBridgeClient() }),
  read: (kind: ComposerKind) => readDraft(composerElement(), kind),
  /** The bridge client's own answer, before insertText judges the draft: what a forged reply would have to fool. */
  bridgeInsert: (text: string) =>
    (bridge ?? createPageBridgeClient()).insertIntoCkeditor(composerElement(), text, null),
  // As the content runtime does once it has found the composer.
  trackCaret: (kind: ComposerKind) => void trackComposerCaret(composerElement(), kind),
  forgetCaret: (kind: ComposerKind) => forgetComposerCaret(composerElement(), kind),
};

(globalThis as unknown as { huashuComposerHarness: typeof harness }).huashuComposerHarness = harness;
