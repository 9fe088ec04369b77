// Maps a rich editor's DOM to the plain text of the draft and back, so the offsets the linter reports can be turned into a DOM range.
import { BLOCK_TAGS as MESSAGE_BLOCK_TAGS } from '../sites/dom-text.ts';

/** A spot in the DOM, as Range.setStart takes it. */
export interface DomPoint {
  node: Node;
  offset: number;
}

/** One character of the plain text with the DOM spots just before and just after it. */
interface CharacterPlace {
  before: DomPoint;
  after: DomPoint;
}

export interface DraftTextMap {
  text: string;
  /** Where each character of `text` lives in the DOM (same length as `text`). */
  places: CharacterPlace[];
  root: HTMLElement;
}

// Editors keep caret anchors and fillers in their DOM that are not part of what the agent wrote.
const INVISIBLE_CHARACTERS = /[\u200b\ufeff\u2060]/;

// The blocks a message is read by, and in an editor's draft the table parts too (a cell starts a new line).
const BLOCK_TAGS = new Set([...MESSAGE_BLOCK_TAGS, 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD']);

function isSkippedElement(element: Element): boolean {
  // Placeholders, widgets and editor UI inside the editable are not draft text.
  if (element.getAttribute('contenteditable') === 'false') return true;
  if (element.hasAttribute('data-slate-placeholder')) return true;
  const tag = element.tagName;
  return tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE';
}

/**
 * Reads the plain text of a contenteditable the way an agent sees it: one line per block,
 * <br> as a line break except the placeholder <br> that keeps an empty or last line open.
 */
export function mapDraftText(root: HTMLElement): DraftTextMap {
  const chars: string[] = [];
  const places: CharacterPlace[] = [];
  let lineBreakPending = false;
  let pendingBreakElement: HTMLBRElement | null = null;
  let contentMarker = 0;
  let lastPoint: DomPoint = { node: root, offset: 0 };

  const push = (char: string, before: DomPoint, after: DomPoint) => {
    chars.push(char);
    places.push({ before, after });
    lastPoint = after;
    contentMarker++;
  };
  const flushLineBreak = (nextPoint: DomPoint) => {
    if (lineBreakPending) {
      lineBreakPending = false;
      push('\n', lastPoint, nextPoint);
    }
  };
  const flushBreakElement = () => {
    const br = pendingBreakElement;
    if (!br || !br.parentNode) return;
    pendingBreakElement = null;
    const index = Array.prototype.indexOf.call(br.parentNode.childNodes, br);
    push('\n', { node: br.parentNode, offset: index }, { node: br.parentNode, offset: index + 1 });
  };
  const markLineBoundary = () => {
    // A trailing <br> right before a block boundary only keeps the line open: not a line of its own.
    pendingBreakElement = null;
    if (contentMarker > 0) lineBreakPending = true;
  };

  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        for (let index = 0; index < data.length; index++) {
          const char = data[index]!;
          if (INVISIBLE_CHARACTERS.test(char)) continue;
          const before = { node: child, offset: index };
          flushLineBreak(before);
          flushBreakElement();
          push(char === '\u00a0' ? ' ' : char, before, { node: child, offset: index + 1 });
        }
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as HTMLElement;
      if (isSkippedElement(element)) continue;
      if (element.tagName === 'BR') {
        if (element.closest('[data-slate-zero-width]')) continue;
        flushLineBreak({
          node: element.parentNode!,
          offset: Array.prototype.indexOf.call(element.parentNode!.childNodes, element),
        });
        flushBreakElement();
        pendingBreakElement = element as HTMLBRElement;
        continue;
      }
      if (!BLOCK_TAGS.has(element.tagName)) {
        visit(element);
        continue;
      }
      markLineBoundary();
      const markerAtStart = contentMarker;
      visit(element);
      pendingBreakElement = null;
      if (contentMarker === markerAtStart) {
        // An empty block is still a line the agent sees.
        flushLineBreak({ node: element, offset: 0 });
        if (contentMarker === markerAtStart) {
          lastPoint = { node: element, offset: 0 };
          contentMarker++;
        }
      }
      markLineBoundary();
    }
  };
  // A <br> left pending at the very end only holds the caret on the last line.
  visit(root);
  return { text: chars.join(''), places, root };
}

/** The DOM range that covers plain-text offsets [start, end) of the draft. */
export function domRangeForOffsets(map: DraftTextMap, start: number, end: number): { start: DomPoint; end: DomPoint } {
  const pointAt = (offset: number): DomPoint => {
    if (offset > 0) return map.places[offset - 1]!.after;
    return map.places[0]?.before ?? firstLinePoint(map.root);
  };
  if (start === end) {
    const point = pointAt(start);
    return { start: point, end: point };
  }
  return { start: map.places[start]!.before, end: pointAt(end) };
}

function firstLinePoint(root: HTMLElement): DomPoint {
  // An empty editor still has its first paragraph: the caret belongs inside it, not beside it.
  let container: HTMLElement = root;
  while (container.firstElementChild && BLOCK_TAGS.has(container.firstElementChild.tagName)) {
    container = container.firstElementChild as HTMLElement;
  }
  return { node: container, offset: 0 };
}
