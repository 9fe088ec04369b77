// Draft lint in the page: follows the adapter's composer, lints the draft as the agent types, and keeps the composer's caret for insertion.
import type { Engine } from '../engine/index.ts';
import type { Finding } from '../engine/types.ts';
import type { ComposerInfo } from '../sites/types.ts';
import { trackComposerCaret } from '../composer/index.ts';
import { watchDraft } from './draft-watcher.ts';
import { findingsForComposer } from './note-lint.ts';
import { draftReaderItem } from '../utils/storage.ts';
import { takeIfCurrent, takePublishedReader } from './published-readers.ts';
import { duringSession, setView } from './tab-store.ts';
import type { Tab } from './tab.ts';
import { trainWhenIdle } from './idle-training.ts';

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
      // The rules answer at once; the draft reader joins once trained (trainWhenIdle lints the draft again then).
      lint: (text) => store.get().engine?.lint(text, { waitForReader: false }) ?? [],
      onLint: ({ draft: text, findings }, composer) => onLinted(findings, text.length, composer),
      onComposerChange,
    });
    store.set({ draft });
    // New packs mean a new linter: lint the same draft again, and once the conversation has had its first reading, take
    // the draft reader the background trained on the same packs, or train one while the page is idle.
    let stopWaiting: (() => void) | undefined;
    let ended = false;
    const train = (engine: Engine): void => {
      stopWaiting?.();
      // Training stops with the session, the script (an update) or the engine (new packs).
      const wanted = (): boolean => !ended && !tab.ctx.isInvalid && store.get().engine === engine;
      const ready = (): void => store.get().draft?.lintNow();
      // The published reader, when it fits, is read back in the same idle slices training would take.
      stopWaiting = afterFirstReading(tab, () => {
        void takePublishedReader(draftReaderItem, 'draft reader', (reader) => engine.adoptDraftReader(reader)).then(
          () => {
            if (wanted()) trainWhenIdle(doc, (budget) => engine.prepareLint(budget), wanted, ready);
          },
        );
      });
    };
    // A reader the background publishes while this tab trains its own (a fresh install) replaces that training.
    const stopFollowingReader = draftReaderItem.watch((published) => {
      const { engine } = store.get();
      if (engine && !ended && !engine.prepareLint(0))
        takeIfCurrent(published, (reader) => engine.adoptDraftReader(reader));
    });
    const unsubscribe = store.subscribe((next, previous) => {
      if (next.engine === previous.engine) return;
      next.draft?.lintNow();
      if (next.engine) train(next.engine);
    });
    const { engine } = store.get();
    if (engine) train(engine);
    return () => {
      ended = true;
      stopWaiting?.();
      stopFollowingReader();
      unsubscribe();
      draft.stop();
      stopCaretTracking?.();
      store.set({ draft: null, composer: null });
    };
  });
}

/** How long training waits for the conversation's first reading at most (a page with no customer message yet). */
const FIRST_READING_WAIT_MS = 3000;

/**
 * Runs `task` once the tab has read its latest customer message, or after FIRST_READING_WAIT_MS without one: the first
 * detection, what the agent looks at first, never waits behind the reader's training. Returns a function that cancels.
 */
function afterFirstReading(tab: Tab, task: () => void): () => void {
  const win = tab.doc.defaultView ?? window;
  let done = false;
  const run = (): void => {
    if (done) return;
    cancel();
    task();
  };
  const unsubscribe = tab.store.subscribe((next) => {
    if (next.view.latest) run();
  });
  const timer = win.setTimeout(run, FIRST_READING_WAIT_MS);
  function cancel(): void {
    done = true;
    unsubscribe();
    win.clearTimeout(timer);
  }
  if (tab.store.get().view.latest) run();
  return cancel;
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
