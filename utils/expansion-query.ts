// Finds the `;;query` the agent is typing just before the caret: where it starts, where it ends, and the query text.

export interface ExpansionQuery {
  /** Draft offset of the trigger's first character (what the reply replaces from). */
  start: number;
  /** Draft offset of the caret (what the reply replaces up to). */
  end: number;
  /** What follows the trigger, as typed (may be empty: the trigger alone lists the top suggestions). */
  query: string;
}

/** Longer queries are prose that happens to follow a trigger, not a search. */
export const MAX_QUERY_LENGTH = 24;

/** `/` opens Zendesk's and Chatwoot's own menus; a trigger must be 1–4 visible characters and not start with a letter or digit. */
export function isUsableTrigger(trigger: string): boolean {
  const chars = Array.from(trigger);
  if (chars.length < 1 || chars.length > 4) return false;
  if (trigger === '/' || /\s/u.test(trigger)) return false;
  return !/^[\p{L}\p{N}]/u.test(trigger);
}

/**
 * The trigger and query that end at `caret`, or null. The trigger only counts at the start of the draft or after a space,
 * a line break or CJK punctuation: inside a word or an address (`http://a;;b`, `a;;b`) it is text, not a command.
 * The query runs to the caret and holds no line break and no second trigger; it may hold spaces (two words narrow further).
 */
export function findExpansionQuery(text: string, caret: number, trigger: string): ExpansionQuery | null {
  if (!isUsableTrigger(trigger) || caret < trigger.length || caret > text.length) return null;
  const windowStart = Math.max(0, caret - MAX_QUERY_LENGTH - trigger.length);
  const at = text.lastIndexOf(trigger, caret - trigger.length);
  if (at < windowStart) return null;
  const query = text.slice(at + trigger.length, caret);
  if (/[\n\r]/u.test(query) || Array.from(query).length > MAX_QUERY_LENGTH) return null;
  // A query that starts with a space is the trigger typed as punctuation (`;; ok`).
  if (/^\s/u.test(query)) return null;
  const before = at > 0 ? text.charAt(at - 1) : '';
  if (before !== '' && !/[\s\p{Ps}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]/u.test(before)) return null;
  return { start: at, end: caret, query };
}
