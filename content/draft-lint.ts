// Draft lint in the page: follows the adapter's composer, lints the draft as the agent types, and keeps the composer's caret for insertion.
import type { Finding } from '../engine/types.ts';
import type { ComposerInfo } from '../sites/types.ts';
import { trackComposerCaret } from '../composer/index.ts';
import { watchDraft } from './draft-watcher.ts';
import { findingsForComposer } from './note-lint.ts';
import { duringSession, setView } from './tab-store.ts';
import type { Tab } from './tab.ts';

export function startDraftLint(tab: Tab): () => void {
  const { store, doc } = tab;
  return duringSession(store, (adapter) => {
    let stopCaretTracking: (() => void) | null = null;

    function onComposerChange(composer: ComposerInfo | null): void {
      stopCaretTracking?.();
      stopCaretTracking = null;
      if (composer) {
        try {
          stopCaretTracking = trackComposerCaret(composer.element, composer.kind);
        } catch (error) {
          console.error('[huashu] tracking the composer caret failed', error);
        }
      }
      const view = store.get().view;
      store.set({
        composer,
        view: {
          ...view,
          hasComposer: composer !== null,
          noteMode: composer?.noteMode ?? false,
          findings: composer ? view.findings : [],
          draftLength: composer ? view.draftLength : 0,
        },
      });
      // Switching between reply and note changes which findings apply to the same draft: lint it again (after this callback).
      if (composer) queueMicrotask(() => store.get().draft?.lintNow());
    }

    function onLinted(linted: Finding[], draftLength: number, composer: ComposerInfo): void {
      setView(store, { findings: findingsForComposer(composer, linted), draftLength });
    }

    const draft = watchDraft({
      doc,
      findComposer: () => adapter.findComposer(doc),
      lint: (text) => store.get().engine?.lint(text) ?? [],
      onLint: ({ draft: text, findings }, composer) => onLinted(findings, text.length, composer),
      onComposerChange,
    });
    store.set({ draft });
    // New packs mean a new linter: lint the same draft again, and train its draft reader while the page is idle.
    const unsubscribe = store.subscribe((next, previous) => {
      if (next.engine === previous.engine) return;
      next.draft?.lintNow();
      const { engine } = next;
      if (engine) whenIdle(doc, () => engine.prepareLint());
    });
    const { engine } = store.get();
    if (engine) whenIdle(doc, () => engine.prepareLint());
    return () => {
      unsubscribe();
      draft.stop();
      stopCaretTracking?.();
      store.set({ draft: null, composer: null });
    };
  });
}

/** Runs a task when the page is idle (within two seconds at the latest); a timer where the browser has no idle callback. */
function whenIdle(doc: Document, task: () => void): void {
  const win = doc.defaultView ?? window;
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(task, { timeout: 2000 });
  else win.setTimeout(task, 200);
}

/** The composer to write into now: the draft watcher's, re-found first (the page may have swapped it). */
export function currentComposer(tab: Tab): ComposerInfo | null {
  const { adapter, draft } = tab.store.get();
  if (!adapter) return null;
  if (draft) {
    draft.refresh();
    return draft.composer;
  }
  return adapter.findComposer(tab.doc);
}
