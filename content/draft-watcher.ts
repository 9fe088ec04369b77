// Lints the agent's draft as they type: in the keystroke's own task while linting is quick, again at the next frame if the editor changed the text since, never inside an IME composition.
import type { Finding } from '../engine/types.ts';
import type { ComposerInfo } from '../sites/types.ts';
import { editableElementFor, readDraft } from '../composer/index.ts';

interface DraftLint {
  draft: string;
  findings: Finding[];
}

export interface DraftWatcherOptions {
  doc?: Document;
  /** The composer as the adapter finds it now (called again when the cached one is gone or an event comes from elsewhere). */
  findComposer(): ComposerInfo | null;
  lint(draft: string): Finding[];
  onLint(result: DraftLint, composer: ComposerInfo): void;
  /** Called when the composer found changes (appears, is replaced, disappears). */
  onComposerChange?(composer: ComposerInfo | null): void;
}

export interface DraftWatcher {
  readonly composer: ComposerInfo | null;
  /** Re-finds the composer (note mode may have changed) and lints on the next frame. */
  refresh(): void;
  /** Lints right away (after an insertion or a fix). */
  lintNow(): void;
  stop(): void;
}

// A hidden tab gets no animation frames: lint anyway after this long.
const FRAME_FALLBACK_MS = 100;
// A lint that took longer than this (a pasted page of text) paces the next ones by animation frame, so fast typing in a
// long draft lints once a frame, not once a key; quicker ones run in the keystroke's own task, a frame sooner.
const FRAME_PACED_ABOVE_MS = 4;

function isNode(target: EventTarget | null): target is Node {
  return typeof (target as Node | null)?.nodeType === 'number';
}

export function watchDraft(options: DraftWatcherOptions): DraftWatcher {
  const doc = options.doc ?? document;
  const win = doc.defaultView ?? window;
  let composer: ComposerInfo | null = null;
  let composing = false;
  let frame: number | null = null;
  let fallbackTimer: ReturnType<typeof setTimeout> | null = null;
  let lastLintMs = 0;
  let keystrokeLintQueued = false;
  /** The draft last linted: the frame's look after a keystroke's lint lints again only when the editor changed it. */
  let lintedDraft: string | null = null;
  let stopped = false;

  function sameComposer(a: ComposerInfo | null, b: ComposerInfo | null): boolean {
    return a?.element === b?.element && a?.kind === b?.kind && a?.noteMode === b?.noteMode;
  }

  function findComposer(): ComposerInfo | null {
    let found: ComposerInfo | null = null;
    try {
      found = options.findComposer();
    } catch (error) {
      console.error('[huashu] finding the composer failed', error);
    }
    if (!sameComposer(found, composer)) {
      composer = found;
      lintedDraft = null;
      followEditorDocument(found);
      try {
        options.onComposerChange?.(found);
      } catch (error) {
        console.error('[huashu] composer change callback failed', error);
      }
    }
    return composer;
  }

  /** The composer the event target belongs to, re-finding it when the cached one does not contain the target. */
  function composerOfTarget(target: EventTarget | null): ComposerInfo | null {
    // A node of the editor's own frame (KindEditor) is no instance of this window's Node.
    if (!isNode(target)) return null;
    const contains = (info: ComposerInfo | null): boolean =>
      !!info &&
      info.element.isConnected &&
      (info.element.contains(target) || editableElementFor(info.element, info.kind).contains(target));
    if (contains(composer)) return composer;
    return contains(findComposer()) ? composer : null;
  }

  function cancelScheduled(): void {
    if (frame !== null) win.cancelAnimationFrame(frame);
    if (fallbackTimer !== null) clearTimeout(fallbackTimer);
    frame = null;
    fallbackTimer = null;
  }

  function lint(onlyIfChanged: boolean): void {
    if (stopped || composing) return;
    const current = composer?.element.isConnected ? composer : findComposer();
    if (!current) return;
    const startedAt = performance.now();
    try {
      const draft = readDraft(current.element, current.kind);
      if (onlyIfChanged && draft === lintedDraft) return;
      options.onLint({ draft, findings: options.lint(draft) }, current);
      // Only a draft that was linted counts as linted: after a failure the frame's look tries again.
      lintedDraft = draft;
    } catch (error) {
      console.error('[huashu] linting the draft failed', error);
    }
    lastLintMs = performance.now() - startedAt;
  }

  function lintNow(): void {
    cancelScheduled();
    lint(false);
  }

  function scheduleLint(): void {
    if (stopped || composing) return;
    // In a microtask, as soon as this capture listener returns (before the page's own input listeners): a textarea or a
    // natively edited editor holds the new text already, and neither a timer nor a frame (both wait behind the page's
    // rendering after a keystroke) stands in between. An editor that changes the text in its own listeners is read
    // again at the frame below.
    if (lastLintMs <= FRAME_PACED_ABOVE_MS && !keystrokeLintQueued) {
      keystrokeLintQueued = true;
      queueMicrotask(() => {
        keystrokeLintQueued = false;
        lint(true);
      });
    }
    // An editor that renders its model later in the task (or a slow lint) is read once more at the next frame.
    if (frame !== null) return;
    frame = win.requestAnimationFrame(() => {
      cancelScheduled();
      lint(true);
    });
    fallbackTimer = setTimeout(() => {
      cancelScheduled();
      lint(true);
    }, FRAME_FALLBACK_MS);
  }

  const onInput = (event: Event): void => {
    try {
      if (!composerOfTarget(event.target)) return;
      // Chrome sends input events with isComposing inside a composition; the text is not final yet.
      if (composing || (event as InputEvent).isComposing) return;
      scheduleLint();
    } catch (error) {
      console.error('[huashu] input handler failed', error);
    }
  };
  const onCompositionStart = (event: Event): void => {
    if (!composerOfTarget(event.target)) return;
    composing = true;
    cancelScheduled();
  };
  const onCompositionEnd = (event: Event): void => {
    if (!composerOfTarget(event.target)) return;
    composing = false;
    scheduleLint();
  };
  const onFocusIn = (event: Event): void => {
    try {
      if (composerOfTarget(event.target)) scheduleLint();
    } catch (error) {
      console.error('[huashu] focus handler failed', error);
    }
  };

  // The reply/note switch is a click somewhere near the composer: look again (one query) so the note mode stays true.
  // Later, not now: this capture listener runs before the page's own click handler has switched the mode.
  const onClick = (): void => {
    setTimeout(() => {
      try {
        if (!stopped) findComposer();
      } catch (error) {
        console.error('[huashu] click handler failed', error);
      }
    }, 0);
  };

  // Listening on the document (capture) follows the composer through re-renders without observing the editor's DOM.
  function listen(target: Document): void {
    target.addEventListener('input', onInput, true);
    target.addEventListener('click', onClick, true);
    target.addEventListener('compositionstart', onCompositionStart, true);
    target.addEventListener('compositionend', onCompositionEnd, true);
    target.addEventListener('focusin', onFocusIn, true);
  }
  function unlisten(target: Document): void {
    target.removeEventListener('input', onInput, true);
    target.removeEventListener('click', onClick, true);
    target.removeEventListener('compositionstart', onCompositionStart, true);
    target.removeEventListener('compositionend', onCompositionEnd, true);
    target.removeEventListener('focusin', onFocusIn, true);
  }

  /** Events of an editor in a frame of its own (KindEditor's design-mode iframe) never reach this page's document. */
  let editorDoc: Document | null = null;
  function followEditorDocument(found: ComposerInfo | null): void {
    const next = found ? editableElementFor(found.element, found.kind).ownerDocument : null;
    const wanted = next && next !== doc ? next : null;
    if (wanted === editorDoc) return;
    if (editorDoc) unlisten(editorDoc);
    editorDoc = wanted;
    if (editorDoc) listen(editorDoc);
  }

  listen(doc);
  findComposer();

  return {
    get composer() {
      return composer;
    },
    refresh() {
      findComposer();
      // The engine or the note mode may have changed: the same draft is linted again.
      lintedDraft = null;
      scheduleLint();
    },
    lintNow,
    stop() {
      stopped = true;
      cancelScheduled();
      unlisten(doc);
      if (editorDoc) unlisten(editorDoc);
      editorDoc = null;
    },
  };
}
