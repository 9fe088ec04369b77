// Fields to fill in an inserted reply: the first is selected so the agent types over it, and Tab selects the next one the draft still holds.
import { editableElementFor, readDraft, selectDraftRange } from '../composer/index.ts';
import { findUnfilledFields, type FieldSpan } from '../engine/index.ts';
import type { ComposerInfo } from '../sites/types.ts';
import { readSelectionEnd } from './expansion-caret.ts';
import { duringSession } from './tab-store.ts';
import type { Tab } from './tab.ts';

/** A reply as it went into the composer (engine renderFields): its text and where its fields are in it. */
interface RenderedReply {
  text: string;
  fields: readonly FieldSpan[];
}

/**
 * Selects the first field of a reply just inserted. `at` is where the reply starts in the draft when the caller knows
 * it (a `;;` pick replaces a known span); otherwise it is looked up. An editor that reshaped the text (spaces, line
 * breaks) still gets its first `[[field]]` selected.
 */
export async function selectFirstField(composer: ComposerInfo, reply: RenderedReply, at?: number): Promise<void> {
  const first = reply.fields[0];
  if (!first) return;
  const draft = readDraft(composer.element, composer.kind);
  const start = at !== undefined && draft.startsWith(reply.text, at) ? at : draft.indexOf(reply.text);
  if (start >= 0) {
    await selectDraftRange(composer.element, composer.kind, start + first.start, start + first.end);
    return;
  }
  const marker = findUnfilledFields(draft)[0];
  if (marker) await selectDraftRange(composer.element, composer.kind, marker.start, marker.end);
}

/** The field Tab (or Shift+Tab) goes to from `caret`: the next one after it, or the one before; round the draft. */
export function fieldAfter(fields: readonly FieldSpan[], caret: number, backwards: boolean): FieldSpan | undefined {
  if (fields.length === 0) return undefined;
  if (backwards) return [...fields].reverse().find((field) => field.end < caret) ?? fields.at(-1);
  return fields.find((field) => field.start >= caret) ?? fields[0];
}

/** Tab in the composer moves between the fields the draft still holds; with none, Tab does what it always did. */
export function startFieldTab(tab: Tab): () => void {
  const { doc, store } = tab;
  return duringSession(store, () => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Tab' || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
      const composer = store.get().composer;
      if (!composer || !(event.target instanceof Node)) return;
      const editable = editableElementFor(composer.element, composer.kind);
      if (!editable.contains(event.target) && !composer.element.contains(event.target)) return;
      try {
        const position = readSelectionEnd(editable);
        if (!position) return;
        const target = fieldAfter(findUnfilledFields(position.text), position.caret, event.shiftKey);
        if (!target) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        void selectDraftRange(composer.element, composer.kind, target.start, target.end);
      } catch (error) {
        console.error('[huashu] moving to the next field failed', error);
      }
    };
    doc.addEventListener('keydown', onKeyDown, true);
    return () => doc.removeEventListener('keydown', onKeyDown, true);
  });
}
