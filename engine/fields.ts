// Fields to fill in a reply ("一般[[天数:3]]个工作日内"): found, rendered for insertion, and found again when a draft still holds one.

/** A field as a pack writes it: `[[name]]`, `[[name:default]]`, `[[name|hint]]` or `[[name:default|hint]]`. */
export interface ReplyField {
  name: string;
  /** Inserted (and selected) in place of the field; without one the field is inserted as `[[name]]`. */
  defaultValue?: string;
  /** A short word on what to write, for the pack's readers. */
  hint?: string;
}

/** A field in rendered text: where the agent has to look, as offsets in that text (end exclusive). */
export interface FieldSpan {
  name: string;
  start: number;
  end: number;
}

// Bounded parts (a name of 1–20 characters, a default up to 40, a hint up to 60; docs/packs.md) and no nesting: one linear
// pass, whatever a pack holds.
const FIELD = /\[\[([^[\]:|\n]{1,20})(?::([^[\]|\n]{0,40}))?(?:\|([^[\]\n]{0,60}))?\]\]/gu;
// What the agent gets in the composer for a field without a default: the name in double brackets, so it stands out,
// and the send guard can find it.
const UNFILLED = /\[\[([^[\]:|\n]{1,20})\]\]/gu;

/** The fields of a reply text, in order. */
export function findFields(text: string): Array<ReplyField & { start: number; end: number }> {
  return [...text.matchAll(FIELD)].map((m) => {
    const name = m[1]!.trim();
    const defaultValue = m[2]?.trim();
    const hint = m[3]?.trim();
    return {
      name,
      ...(defaultValue ? { defaultValue } : {}),
      ...(hint ? { hint } : {}),
      start: m.index,
      end: m.index + m[0].length,
    };
  });
}

/**
 * The text as it goes into the composer: a field with a default becomes that value, one without becomes `[[name]]`.
 * The spans say where each field landed, so the first can be selected and Tab can move on.
 */
export function renderFields(text: string): { text: string; fields: FieldSpan[] } {
  let out = '';
  let from = 0;
  const fields: FieldSpan[] = [];
  for (const field of findFields(text)) {
    out += text.slice(from, field.start);
    const shown = field.defaultValue ?? `[[${field.name}]]`;
    fields.push({ name: field.name, start: out.length, end: out.length + shown.length });
    out += shown;
    from = field.end;
  }
  return { text: out + text.slice(from), fields };
}

/** The fields a draft still holds unfilled (`[[name]]`), in order. */
export function findUnfilledFields(draft: string): FieldSpan[] {
  return [...draft.matchAll(UNFILLED)].map((m) => ({ name: m[1]!.trim(), start: m.index, end: m.index + m[0].length }));
}

// An ellipsis standing for something to fill ("一般……个工作日", "within … days"): what packs wrote before fields.
const ELLIPSIS_BLANK = /……|…|\.{3}/u;

/** The first ellipsis a reply text uses as a blank, and its character index; the pack check suggests a field. */
export function findEllipsisBlank(text: string): { blank: string; index: number } | undefined {
  const m = ELLIPSIS_BLANK.exec(text);
  return m ? { blank: m[0], index: m.index } : undefined;
}
