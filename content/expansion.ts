// Inline expansion: typing the trigger (`;;`) and a query in the composer opens a picker of replies at the caret; the pick replaces trigger and query.
import { h, render } from 'preact';
import {
  EXPANSION_PICKER_CSS,
  ExpansionFallback,
  ExpansionPicker,
  type ExpansionPickerItem,
} from '../components/inline/ExpansionPicker.tsx';
import {
  createPhraseSearch,
  fillVariables,
  renderFields,
  type Engine,
  type PhraseHit,
  type PhraseSearch,
} from '../engine/index.ts';
import type { ComposerInfo } from '../sites/types.ts';
import { editableElementFor } from '../composer/index.ts';
import type { ReplyInsertResult } from '../utils/messaging.ts';
import { replyFallbackKey } from '../utils/reply-fallback.ts';
import { deliverReply } from './deliver-reply.ts';
import { pageTexts } from './page-texts.ts';
import { replyValues, replyLanguage } from '../engine/index.ts';
import { uiLocaleOf, type Tab } from './tab.ts';
import { caretBox, readCaret, type CaretBox } from './expansion-caret.ts';
import { findExpansionQuery, isUsableTrigger, type ExpansionQuery } from '../utils/expansion-query.ts';

const MAX_ITEMS = 8;
/** How long a note that the reply is on the clipboard stays, when the agent does not type or press Esc first. */
const FALLBACK_SHOWN_MS = 10_000;

interface ExpansionController {
  /** The picker is open (tests and the runtime read it). */
  readonly isOpen: boolean;
  close(): void;
  stop(): void;
}

/** The `;;` picker for the tab: reads the store's composer, engine, settings and latest message; draws in the UI host. */
export function startExpansion(tab: Tab): () => void {
  const controller = watchExpansion(tab);
  return () => controller.stop();
}

function watchExpansion(tab: Tab): ExpansionController {
  const { doc, store } = tab;
  const win = doc.defaultView ?? window;
  const container = tab.host.layer('expansion', EXPANSION_PICKER_CSS);

  let composing = false;
  let open: {
    composer: ComposerInfo;
    query: ExpansionQuery;
    candidates: PhraseHit[];
    items: ExpansionPickerItem[];
    /** Each item's reply with its variables filled and its [[fields]] as written: what a pick inserts. */
    replies: string[];
    caret: CaretBox;
  } | null = null;
  let active = 0;
  // Esc on a trigger leaves it as text: do not reopen on the same trigger while the agent types on.
  let dismissedAt: number | null = null;
  let built: { engine: Engine; search: PhraseSearch } | null = null;
  let inserting = false;
  // What the last pick's failure tells the agent, drawn where the picker was until they type, press Esc or it fades.
  let fallback: { result: Extract<ReplyInsertResult, { ok: false }>; caret: CaretBox } | null = null;
  let fallbackTimer: ReturnType<typeof setTimeout> | undefined;

  function searchFor(engine: Engine): PhraseSearch {
    // The page's engine reads a query as it reads the customer's messages: no second detector in the page.
    if (built?.engine !== engine)
      built = {
        engine,
        search: createPhraseSearch(
          engine.merged,
          (text) => engine.detect(text, { waitForEmotionReader: false }).scenarios,
        ),
      };
    return built.search;
  }

  function draw(): void {
    // The guard before sending reads this: while the picker has rows, Enter picks one and sends nothing.
    store.set({ expansionTakesEnter: open !== null && open.items.length > 0 });
    if (!open) {
      if (fallback) drawFallback();
      else render(null, container);
      return;
    }
    render(
      h(ExpansionPicker, {
        labels: pageTexts(uiLocaleOf(tab)).expansion,
        items: open.items,
        active,
        query: open.query.query,
        caret: open.caret,
        viewport: { width: win.innerWidth, height: win.innerHeight },
        onPick: (index: number) => void pick(index),
        onHover: (index: number) => {
          active = index;
          draw();
        },
      }),
      container,
    );
  }

  function drawFallback(): void {
    if (!fallback || open) return;
    const { result, caret } = fallback;
    render(
      h(ExpansionFallback, {
        message: pageTexts(uiLocaleOf(tab)).replyFallback[replyFallbackKey(result)],
        reply: result.copied ? undefined : result.reply,
        caret,
        viewport: { width: win.innerWidth, height: win.innerHeight },
      }),
      container,
    );
  }

  function showFallback(result: Extract<ReplyInsertResult, { ok: false }>, caret: CaretBox): void {
    fallback = { result, caret };
    clearTimeout(fallbackTimer);
    // A copied reply only needs pasting; one to copy by hand stays until the agent is done with it.
    if (result.copied) fallbackTimer = setTimeout(hideFallback, FALLBACK_SHOWN_MS);
    drawFallback();
  }

  function hideFallback(): void {
    clearTimeout(fallbackTimer);
    if (!fallback) return;
    fallback = null;
    if (!open) render(null, container);
  }

  function close(): void {
    if (!open) return;
    open = null;
    active = 0;
    draw();
  }

  /** Reads the draft at the caret and opens, narrows or closes the picker. */
  function evaluate(target: EventTarget | null): void {
    const { settings, composer, engine, view } = store.get();
    // Settings stored before the switch existed have no value: on.
    if (settings.expansionEnabled === false || !composer || !engine || !(target instanceof Node)) return close();
    const editable = editableElementFor(composer.element, composer.kind);
    if (!editable.contains(target)) return close();
    const at = readCaret(editable);
    const trigger = isUsableTrigger(settings.expansionTrigger) ? settings.expansionTrigger : ';;';
    const query = at ? findExpansionQuery(at.text, at.caret, trigger) : null;
    if (!query || query.start === dismissedAt) {
      if (!query) dismissedAt = null;
      return close();
    }
    const values = replyValues(settings, view);
    const wanted = {
      // Detected scenarios of the latest customer message, best first: their replies lead.
      currentScenarioIds: view.latest?.detection.scenarios.map((scenario) => scenario.id) ?? [],
      limit: MAX_ITEMS,
      locale: replyLanguage(view.latest?.detection.text, uiLocaleOf(tab)),
    };
    const search = searchFor(engine);
    // The trigger alone offers what the panel would suggest now; a query that matches nothing says so.
    const candidates = query.query.trim() === '' ? search.suggest(wanted) : search.search(query.query, wanted);
    const replies = candidates.map((c) => fillVariables(c.reply.text, values, engine.merged.variables));
    const items = candidates.map((c, i) => ({
      key: `${c.scopeId}:${c.reply.id}`,
      title: c.reply.title ?? c.scopeTitle,
      // Shown as it will read in the composer: defaults in place, fields to fill as [[name]].
      text: renderFields(replies[i]!).text,
      scopeTitle: c.scopeTitle,
    }));
    const sameList = open?.items.map((i) => i.key).join(' ') === items.map((i) => i.key).join(' ');
    if (!sameList) active = 0;
    open = { composer, query, candidates, items, replies, caret: caretBox(editable, query.end, container) };
    draw();
  }

  async function pick(index: number): Promise<void> {
    const current = open;
    const text = current?.replies[index];
    if (!current || text === undefined || inserting) return;
    close();
    inserting = true;
    try {
      const result = await deliverReply(tab, current.composer, text, current.query);
      if (!result.ok) showFallback(result, current.caret);
    } catch (error) {
      console.error('[huashu] inserting the picked reply failed', error);
    } finally {
      inserting = false;
    }
  }

  const onInput = (event: Event): void => {
    // The agent pasted the reply or typed on: the note about the last pick has done its work.
    if (!inserting) hideFallback();
    try {
      // An input method's text is not final until compositionend: read the query then.
      if (inserting || composing || (event as InputEvent).isComposing) return;
      evaluate(event.target);
    } catch (error) {
      console.error('[huashu] reading the expansion query failed', error);
    }
  };
  const onCompositionStart = (): void => {
    composing = true;
  };
  const onCompositionEnd = (event: Event): void => {
    composing = false;
    try {
      evaluate(event.target);
    } catch (error) {
      console.error('[huashu] reading the expansion query failed', error);
    }
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (fallback && !open && event.key === 'Escape') hideFallback();
    if (!open || event.isComposing || composing) return;
    const count = open.items.length;
    let handled = true;
    if (event.key === 'ArrowDown' && count > 0) active = (active + 1) % count;
    else if (event.key === 'ArrowUp' && count > 0) active = (active - 1 + count) % count;
    else if ((event.key === 'Enter' || event.key === 'Tab') && count > 0 && !event.shiftKey) void pick(active);
    else if (event.key === 'Escape') {
      dismissedAt = open.query.start;
      close();
    } else handled = false;
    if (!handled) return;
    // Before the editor and the helpdesk: Enter must not send the message, arrows must not move the caret.
    event.preventDefault();
    event.stopImmediatePropagation();
    draw();
  };
  // A click elsewhere or the caret leaving the trigger closes; arrows inside the query are handled above.
  const onSelectionChange = (): void => {
    if (!open || inserting || composing) return;
    const editable = editableElementFor(open.composer.element, open.composer.kind);
    const at = readCaret(editable);
    if (!at || at.caret !== open.query.end) close();
  };
  const onFocusOut = (event: FocusEvent): void => {
    if (
      open &&
      event.target instanceof Node &&
      editableElementFor(open.composer.element, open.composer.kind).contains(event.target)
    )
      close();
  };
  // The page or the composer scrolled (a textarea scrolls itself as the agent types): keep the picker at the caret.
  const onViewportChange = (): void => {
    if (!open || inserting) return;
    try {
      const editable = editableElementFor(open.composer.element, open.composer.kind);
      if (!editable.isConnected) return close();
      open = { ...open, caret: caretBox(editable, open.query.end, container) };
      draw();
    } catch (error) {
      console.error('[huashu] placing the expansion picker failed', error);
    }
  };

  win.addEventListener('keydown', onKeyDown, true);
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('compositionstart', onCompositionStart, true);
  doc.addEventListener('compositionend', onCompositionEnd, true);
  doc.addEventListener('selectionchange', onSelectionChange);
  doc.addEventListener('focusout', onFocusOut, true);
  win.addEventListener('resize', onViewportChange, { passive: true });
  win.addEventListener('scroll', onViewportChange, { capture: true, passive: true });

  return {
    get isOpen() {
      return open !== null;
    },
    close,
    stop() {
      close();
      hideFallback();
      win.removeEventListener('keydown', onKeyDown, true);
      doc.removeEventListener('input', onInput, true);
      doc.removeEventListener('compositionstart', onCompositionStart, true);
      doc.removeEventListener('compositionend', onCompositionEnd, true);
      doc.removeEventListener('selectionchange', onSelectionChange);
      doc.removeEventListener('focusout', onFocusOut, true);
      win.removeEventListener('resize', onViewportChange);
      win.removeEventListener('scroll', onViewportChange, { capture: true });
    },
  };
}
