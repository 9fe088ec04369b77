// Where spans of a textarea's or input's text are on screen: measured on a mirror in our own shadow root, never in the page.
import type { Finding } from '../engine/types.ts';
import { MIRRORED_STYLES } from './expansion-caret.ts';

export interface FieldRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The boxes of each finding's text in a text field, clipped to the field's visible box. A field's text cannot be
 * measured with ranges, so a hidden copy with the field's text styles and width is laid out inside `scratch` (an element
 * in Huashu's closed shadow root), its spans measured, and the boxes moved by the field's position and scroll.
 */
export function textFieldUnderlineRects(
  field: HTMLTextAreaElement | HTMLInputElement,
  findings: readonly Finding[],
  clip: DOMRect,
  scratch: HTMLElement,
): { finding: Finding; rects: FieldRect[] }[] {
  const doc = field.ownerDocument;
  const style = doc.defaultView?.getComputedStyle(field);
  const value = field.value;
  if (!style) return findings.map((finding) => ({ finding, rects: [] }));
  const mirror = doc.createElement('div');
  for (const name of MIRRORED_STYLES) mirror.style[name] = style[name];
  mirror.style.position = 'fixed';
  mirror.style.visibility = 'hidden';
  mirror.style.pointerEvents = 'none';
  mirror.style.left = '0';
  mirror.style.top = '0';
  mirror.style.whiteSpace = field.tagName === 'TEXTAREA' ? 'pre-wrap' : 'pre';
  mirror.style.overflowWrap = 'break-word';
  // A field with a scroll bar wraps its text in a narrower box: give the copy the same bar.
  mirror.style.overflowY =
    field.tagName === 'TEXTAREA' && field.scrollHeight > field.clientHeight ? 'scroll' : 'hidden';
  mirror.style.height = 'auto';

  // The text cut at every finding edge; each finding's pieces in spans of their own.
  const edges = [...new Set([0, value.length, ...findings.flatMap((f) => [f.start, f.end])])]
    .filter((at) => at >= 0 && at <= value.length)
    .sort((a, b) => a - b);
  const pieces: { start: number; end: number; span: HTMLSpanElement }[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const span = doc.createElement('span');
    span.textContent = value.slice(edges[i]!, edges[i + 1]!);
    mirror.append(span);
    pieces.push({ start: edges[i]!, end: edges[i + 1]!, span });
  }
  scratch.append(mirror);
  try {
    const origin = mirror.getBoundingClientRect();
    const field_ = field.getBoundingClientRect();
    const dx = field_.left - origin.left - field.scrollLeft;
    const dy = field_.top - origin.top - field.scrollTop;
    return findings.map((finding) => {
      if (finding.end > value.length || finding.start >= finding.end) return { finding, rects: [] };
      const rects = pieces
        .filter((piece) => piece.start >= finding.start && piece.end <= finding.end)
        .flatMap((piece) => [...piece.span.getClientRects()])
        .map((r) => ({ left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy }))
        .filter((r) => r.right > r.left && r.bottom > clip.top && r.top < clip.bottom)
        .map((r) => {
          const left = Math.max(r.left, clip.left);
          const right = Math.min(r.right, clip.right);
          return { left, top: r.top, width: Math.max(0, right - left), height: r.bottom - r.top };
        })
        .filter((r) => r.width > 0);
      return { finding, rects };
    });
  } finally {
    mirror.remove();
  }
}
