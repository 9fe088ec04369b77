// Test-only entry: exposes utils/composer inside the isolated world the browser tests create, as a content script would use it.
import {
  createPageBridgeClient,
  forgetComposerCaret,
  insertText,
  readDraft,
  replaceRange,
  trackComposerCaret,
  type ComposerKind,
  type PageBridgeClient,
} from '../../../utils/composer/index.ts';

function composerElement(): HTMLElement {
  const element = document.querySelector<HTMLElement>('[data-huashu-demo-composer]');
  if (!element) throw new Error('the demo page has no composer yet');
  return element;
}

let bridge: PageBridgeClient | undefined;

const harness = {
  useBridgeChannel(channel: string) {
    bridge = createPageBridgeClient(window, channel);
  },
  canSeeCkeditorInstance: () => 'ckeditorInstance' in composerElement() && Boolean((composerElement() as unknown as { ckeditorInstance?: unknown }).ckeditorInstance),
  insert: (kind: ComposerKind, text: string) => insertText(composerElement(), kind, text, bridge ? { bridge } : { bridge: createPageBridgeClient(window) }),
  replace: (kind: ComposerKind, start: number, end: number, text: string) =>
    replaceRange(composerElement(), kind, start, end, text, bridge ? { bridge } : { bridge: createPageBridgeClient(window) }),
  read: (kind: ComposerKind) => readDraft(composerElement(), kind),
  // As the content runtime does once it has found the composer.
  trackCaret: (kind: ComposerKind) => void trackComposerCaret(composerElement(), kind),
  forgetCaret: (kind: ComposerKind) => forgetComposerCaret(composerElement(), kind),
};

(globalThis as unknown as { huashuComposerHarness: typeof harness }).huashuComposerHarness = harness;
