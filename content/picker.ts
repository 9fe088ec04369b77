// The element picker: the agent points at the message list, then the composer, when the generic adapter guessed wrong.
import { selectorFor } from '../sites/selector.ts';
import type { UiHost } from './ui-host.ts';

type PickStep = 'list' | 'composer';

export interface PickerState {
  step: PickStep | 'done' | 'cancelled';
  /** The element under the pointer (or the one the arrow keys widened/narrowed to). */
  highlighted: Element | null;
  listSelector?: string;
  composerSelector?: string;
}

export type PickerEvent =
  { type: 'hover'; target: Element } | { type: 'widen' } | { type: 'narrow' } | { type: 'pick' } | { type: 'cancel' };

export const initialPickerState: PickerState = { step: 'list', highlighted: null };

/** Pure transitions, so the picker's rules are testable without a pointer. */
export function pickerReducer(state: PickerState, event: PickerEvent): PickerState {
  if (state.step === 'done' || state.step === 'cancelled') return state;
  switch (event.type) {
    case 'hover':
      return { ...state, highlighted: event.target };
    case 'widen': {
      const parent = state.highlighted?.parentElement;
      // Never widen to <body>/<html>: picking the whole page says nothing about where the chat is.
      if (!parent || parent.tagName === 'BODY' || parent.tagName === 'HTML') return state;
      return { ...state, highlighted: parent };
    }
    case 'narrow': {
      const child = state.highlighted?.firstElementChild;
      return child ? { ...state, highlighted: child } : state;
    }
    case 'pick': {
      if (!state.highlighted) return state;
      const selector = selectorFor(state.highlighted);
      if (state.step === 'list') return { step: 'composer', highlighted: null, listSelector: selector };
      return { ...state, step: 'done', highlighted: null, composerSelector: selector };
    }
    case 'cancel':
      return { ...state, step: 'cancelled', highlighted: null };
  }
}

export interface PickResult {
  messageListSelector: string;
  composerSelector: string;
}

export interface PickerLabels {
  list: string;
  composer: string;
}

/**
 * Runs the picker on `doc` until the agent picks both elements (resolves with their selectors) or presses Esc (null).
 * The highlight is drawn in the UI host's closed root, so page elements are never restyled and the page sees no state.
 */
export function runElementPicker(doc: Document, host: UiHost, labels: PickerLabels): Promise<PickResult | null> {
  return new Promise((resolve) => {
    // Clicks pass through the highlight to the page's element under the pointer, read by elementFromPoint.
    const frame = doc.createElement('div');
    frame.dataset.elementPicker = '';
    frame.style.cssText = 'position: fixed; inset: 0; pointer-events: none;';
    const box = doc.createElement('div');
    box.style.cssText =
      'position: fixed; display: none; pointer-events: none; box-sizing: border-box; border: 2px solid #2563eb; background: rgba(37,99,235,0.15);';
    const hint = doc.createElement('div');
    hint.style.cssText =
      'position: fixed; top: 8px; left: 50%; transform: translateX(-50%); padding: 6px 12px; border-radius: 6px; background: #1e293b; color: #fff; font: 13px/1.4 system-ui, sans-serif;';
    frame.append(box, hint);
    host.layer('element-picker').append(frame);

    let state = initialPickerState;
    const render = (): void => {
      hint.textContent = state.step === 'composer' ? labels.composer : labels.list;
      const rect = state.highlighted?.getBoundingClientRect();
      if (!rect) {
        box.style.display = 'none';
        return;
      }
      Object.assign(box.style, {
        display: 'block',
        top: `${rect.top}px`,
        left: `${rect.left}px`,
        width: `${rect.width}px`,
        height: `${rect.height}px`,
      });
    };
    const dispatch = (event: PickerEvent): void => {
      state = pickerReducer(state, event);
      render();
      if (state.step === 'done' && state.listSelector && state.composerSelector) {
        finish({ messageListSelector: state.listSelector, composerSelector: state.composerSelector });
      } else if (state.step === 'cancelled') finish(null);
    };
    const isOurs = (target: EventTarget | null): boolean => target instanceof Node && host.element.contains(target);
    const onMove = (event: MouseEvent): void => {
      const target = event.target;
      if (target instanceof Element && !isOurs(target)) dispatch({ type: 'hover', target });
    };
    const onClick = (event: MouseEvent): void => {
      // The click picks; the page must not also act on it (send a message, follow a link).
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.target instanceof Element && !isOurs(event.target)) dispatch({ type: 'hover', target: event.target });
      dispatch({ type: 'pick' });
    };
    const swallow = (event: Event): void => {
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    const onKey = (event: KeyboardEvent): void => {
      const map: Record<string, PickerEvent | undefined> = {
        Escape: { type: 'cancel' },
        ArrowUp: { type: 'widen' },
        ArrowDown: { type: 'narrow' },
        Enter: { type: 'pick' },
      };
      const picked = map[event.key];
      if (!picked) return;
      swallow(event);
      // Keyboard-only agents start from the focused element.
      if (!state.highlighted && doc.activeElement && doc.activeElement !== doc.body)
        dispatch({ type: 'hover', target: doc.activeElement });
      dispatch(picked);
    };
    const listeners: [string, EventListener][] = [
      ['mousemove', onMove as EventListener],
      ['click', onClick as EventListener],
      ['mousedown', swallow],
      ['mouseup', swallow],
      ['keydown', onKey as EventListener],
    ];
    for (const [type, listener] of listeners) doc.addEventListener(type, listener, true);
    function finish(result: PickResult | null): void {
      for (const [type, listener] of listeners) doc.removeEventListener(type, listener, true);
      frame.remove();
      resolve(result);
    }
    render();
  });
}
