// Remembers where the agent's caret last was in a rich composer, for editors that drop the DOM selection on blur (Draft.js).
const rememberedCarets = new WeakMap<HTMLElement, Range>();

/** The live DOM selection when it lies inside `editable`, else null. */
export function selectionInside(editable: HTMLElement): Range | null {
  const selection = editable.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return editable.contains(range.startContainer) && editable.contains(range.endContainer) ? range.cloneRange() : null;
}

/**
 * Starts remembering the caret of `editable` (call when the composer is found); returns the function that stops.
 * The remembered Range is live: the browser keeps it in place while the agent goes on typing.
 */
export function trackCaret(editable: HTMLElement): () => void {
  const doc = editable.ownerDocument;
  const remember = () => {
    const range = selectionInside(editable);
    if (range) rememberedCarets.set(editable, range);
  };
  remember();
  doc.addEventListener('selectionchange', remember);
  return () => doc.removeEventListener('selectionchange', remember);
}

/** The agent's last caret in `editable`, or null when none was seen or the editor has since replaced those nodes. */
export function rememberedCaret(editable: HTMLElement): Range | null {
  const range = rememberedCarets.get(editable);
  if (!range) return null;
  if (!editable.contains(range.startContainer) || !editable.contains(range.endContainer)) {
    rememberedCarets.delete(editable);
    return null;
  }
  return range.cloneRange();
}

/** Forgets the remembered caret (the conversation changed, or the draft was sent). */
export function forgetCaret(editable: HTMLElement): void {
  rememberedCarets.delete(editable);
}
