// Where the caret is in the composer: as a draft offset (the offsets replaceRange takes) and as a box on screen for the picker.
import { mapDraftText, selectionInside } from '../composer/index.ts';

export interface CaretBox {
  left: number;
  top: number;
  bottom: number;
}

function isTextField(el: HTMLElement): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

/** The draft text and the collapsed caret's offset in it, or null when there is a selection or no caret inside. */
export function readCaret(editable: HTMLElement): { text: string; caret: number } | null {
  if (isTextField(editable)) {
    const { selectionStart, selectionEnd, value } = editable;
    if (selectionStart === null || selectionStart !== selectionEnd) return null;
    return { text: value, caret: selectionStart };
  }
  const range = selectionInside(editable);
  if (!range || !range.collapsed) return null;
  return readRangeEnd(editable, range);
}

/** The draft text and where the selection (or the caret) ends in it, or null when the selection is elsewhere. */
export function readSelectionEnd(editable: HTMLElement): { text: string; caret: number } | null {
  if (isTextField(editable)) {
    const { selectionEnd, value } = editable;
    return selectionEnd === null ? null : { text: value, caret: selectionEnd };
  }
  const range = selectionInside(editable);
  return range ? readRangeEnd(editable, range) : null;
}

function readRangeEnd(editable: HTMLElement, selection: Range): { text: string; caret: number } {
  const range = selection.cloneRange();
  range.collapse(false);
  const map = mapDraftText(editable);
  // The offset is the number of draft characters that end at or before the point.
  let caret = 0;
  for (const place of map.places) {
    try {
      if (range.comparePoint(place.after.node, place.after.offset) > 0) break;
    } catch {
      break;
    }
    caret++;
  }
  return { text: map.text, caret };
}

// Text-field styles that decide where a character lands; a mirror with the same ones puts the caret where the field does.
export const MIRRORED_STYLES = [
  'boxSizing',
  'width',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderStyle',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'letterSpacing',
  'lineHeight',
  'textTransform',
  'wordSpacing',
  'tabSize',
  'textIndent',
] as const;

/**
 * The caret's box on screen. A rich editor's caret is a DOM range; a text field's is measured on a mirror drawn in our
 * own shadow root (`scratch`), never in the page.
 */
export function caretBox(editable: HTMLElement, caret: number, scratch: HTMLElement): CaretBox {
  const box = editable.getBoundingClientRect();
  const fallback = { left: box.left, top: box.bottom - 20, bottom: box.bottom };
  if (!isTextField(editable)) {
    const range = selectionInside(editable);
    const rect = range?.getClientRects()[0] ?? range?.getBoundingClientRect();
    if (!rect || (rect.width === 0 && rect.height === 0 && rect.left === 0)) return fallback;
    return { left: rect.left, top: rect.top, bottom: rect.bottom };
  }
  const style = editable.ownerDocument.defaultView?.getComputedStyle(editable);
  if (!style) return fallback;
  const mirror = editable.ownerDocument.createElement('div');
  for (const name of MIRRORED_STYLES) mirror.style[name] = style[name];
  mirror.style.position = 'fixed';
  mirror.style.visibility = 'hidden';
  mirror.style.left = '0';
  mirror.style.top = '0';
  mirror.style.whiteSpace = editable.tagName === 'TEXTAREA' ? 'pre-wrap' : 'pre';
  mirror.style.overflowWrap = 'break-word';
  mirror.textContent = editable.value.slice(0, caret);
  const marker = editable.ownerDocument.createElement('span');
  marker.textContent = '\u200b';
  mirror.append(marker);
  scratch.append(mirror);
  const mirrorBox = mirror.getBoundingClientRect();
  const markerBox = marker.getBoundingClientRect();
  mirror.remove();
  const left = box.left + (markerBox.left - mirrorBox.left) - editable.scrollLeft;
  const top = box.top + (markerBox.top - mirrorBox.top) - editable.scrollTop;
  const clampedTop = Math.min(Math.max(top, box.top), box.bottom - markerBox.height);
  return {
    left: Math.min(Math.max(left, box.left), box.right),
    top: clampedTop,
    bottom: clampedTop + markerBox.height,
  };
}
