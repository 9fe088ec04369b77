// Inline expansion: typing the trigger (`;;`) and a query in the composer opens a picker of replies at the caret; the pick replaces trigger and query.
import { h, render } from 'preact';
import {
  EXPANSION_PICKER_CSS,
  ExpansionPicker,
  type ExpansionPickerItem,
} from '../components/inline/ExpansionPicker.tsx';
import { type Engine, fillVariables } from '../engine/index.ts';
import { enExpansion } from '../locales/en.ts';
import { zhCNExpansion } from '../locales/zh-CN.ts';
import { zhTWExpansion } from '../locales/zh-TW.ts';
import type { ComposerInfo } from '../sites/types.ts';
import { editableElementFor, replaceRange } from '../composer/index.ts';
import type { UiLocale } from '../utils/i18n.ts';
import type { Settings } from '../utils/storage.ts';
import { caretBox, readCaret, type CaretBox } from './expansion-caret.ts';
import { findExpansionQuery, isUsableTrigger, type ExpansionQuery } from '../utils/expansion-query.ts';
import { createExpansionSearch, type ExpansionCandidate, type ExpansionSearch } from './expansion-search.ts';

/** Our picker's own element on the page; test hooks are its attributes (the list itself is in a closed shadow root). */
export const EXPANSION_HOST_TAG = 'huashu-expansion';

const MAX_ITEMS = 8;

const LABELS = { en: enExpansion, 'zh-CN': zhCNExpansion, 'zh-TW': zhTWExpansion } as const;

export interface ExpansionOptions {
  doc?: Document;
  /** The composer the draft watcher follows (re-found by it when the page swaps it). */
  composer(): ComposerInfo | null;
  engine(): Engine | null;
  /** Detected scenario ids of the latest customer message, best first: their replies lead when the query is empty. */
  currentScenarioIds(): readonly string[];
  customerName(): string | undefined;
  settings(): Settings;
  locale(): UiLocale;
  /** The language replies are wanted in: the customer's when known, else the interface's. */
  replyLocale?(): string;
  /** After an insertion, so the linter and the panel see the new draft. */
  onInserted?(): void;
}

export interface ExpansionController {
  /** The picker is open (tests and the runtime read it). */
  readonly isOpen: boolean;
  close(): void;
  stop(): void;
}

/** The values the panel fills variables with (same rule as the side panel's view model: blank means unknown). */
function variableValues(settings: Settings, customerName: string | undefined): Record<string, string> {
  const values: Record<string, string> = { ...settings.customVariables };
  const known = {
    customer: customerName,
    agentName: settings.agentName,
    agentId: settings.agentId,
    company: settings.company,
  };
  for (const [name, value] of Object.entries(known)) if (value && value.trim() !== '') values[name] = value.trim();
  return values;
}

export function watchExpansion(options: ExpansionOptions): ExpansionController {
  const doc = options.doc ?? document;
  const win = doc.defaultView ?? window;
  const host = doc.createElement(EXPANSION_HOST_TAG);
  // The page's second Huashu element (beside the runtime's inline layer): the ;; picker's own closed root. No attribute
  // says whether it is open or which replies it offers: those would tell the page what the customer's message is about.
  host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
  // Closed: the helpdesk's scripts cannot reach in and its styles do not apply.
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = EXPANSION_PICKER_CSS;
  const container = doc.createElement('div');
  shadow.append(style, container);
  doc.documentElement.append(host);

  let composing = false;
  let open: {
    composer: ComposerInfo;
    query: ExpansionQuery;
    candidates: ExpansionCandidate[];
    items: ExpansionPickerItem[];
    caret: CaretBox;
  } | null = null;
  let active = 0;
  // Esc on a trigger leaves it as text: do not reopen on the same trigger while the agent types on.
  let dismissedAt: number | null = null;
  let search: { engine: Engine; search: ExpansionSearch } | null = null;
  let inserting = false;

  function searchFor(engine: Engine): ExpansionSearch {
    if (search?.engine !== engine) search = { engine, search: createExpansionSearch(engine.merged) };
    return search.search;
  }

  function draw(): void {
    if (!open) {
      render(null, container);
      return;
    }
    render(
      h(ExpansionPicker, {
        labels: LABELS[options.locale()],
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

  function close(): void {
    if (!open) return;
    open = null;
    active = 0;
    draw();
  }

  /** Reads the draft at the caret and opens, narrows or closes the picker. */
  function evaluate(target: EventTarget | null): void {
    const settings = options.settings();
    const composer = options.composer();
    const engine = options.engine();
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
    const values = variableValues(settings, options.customerName());
    const candidates = searchFor(engine).search(query.query, {
      currentScenarioIds: options.currentScenarioIds(),
      limit: MAX_ITEMS,
      locale: options.replyLocale?.() ?? options.locale(),
    });
    const items = candidates.map((c) => ({
      key: `${c.scopeId}:${c.reply.id}`,
      title: c.reply.title ?? c.scopeTitle,
      text: fillVariables(c.reply.text, values, engine.merged.variables),
      scopeTitle: c.scopeTitle,
    }));
    const sameList = open?.items.map((i) => i.key).join(' ') === items.map((i) => i.key).join(' ');
    if (!sameList) active = 0;
    open = { composer, query, candidates, items, caret: caretBox(editable, query.end, container) };
    draw();
  }

  async function pick(index: number): Promise<void> {
    const current = open;
    const item = current?.items[index];
    if (!current || !item || inserting) return;
    close();
    inserting = true;
    try {
      const outcome = await replaceRange(
        current.composer.element,
        current.composer.kind,
        current.query.start,
        current.query.end,
        item.text,
      );
      if (!outcome.ok) console.error(`[huashu] inserting the picked reply failed: ${outcome.message}`);
      options.onInserted?.();
    } catch (error) {
      console.error('[huashu] inserting the picked reply failed', error);
    } finally {
      inserting = false;
    }
  }

  const onInput = (event: Event): void => {
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
      win.removeEventListener('keydown', onKeyDown, true);
      doc.removeEventListener('input', onInput, true);
      doc.removeEventListener('compositionstart', onCompositionStart, true);
      doc.removeEventListener('compositionend', onCompositionEnd, true);
      doc.removeEventListener('selectionchange', onSelectionChange);
      doc.removeEventListener('focusout', onFocusOut, true);
      win.removeEventListener('resize', onViewportChange);
      win.removeEventListener('scroll', onViewportChange, { capture: true });
      host.remove();
    },
  };
}
