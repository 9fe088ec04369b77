// The fix of a finding: the range of the draft it replaces and the text, widened to the clause (or the rest of the sentence) when a rule gives a rewrite.
import { guessLanguage } from './language.ts';
import type { FindingFix } from './types.ts';

// Clause ends: a fix that rewrites a clause must not run past one, so the rest of the sentence stays the agent's.
const CLAUSE_END = /[，,；;。.！!？?…\n\r]/u;
// Sentence ends: a rewrite that ends with one of these ends the sentence, so it replaces the rest of it, end mark and all.
const SENTENCE_END = /[。.！!？?\n\r]/u;
const ENDS_A_SENTENCE = /[。.！!？?]$/u;
// How far a fix looks for a clause or sentence end, and for an earlier copy of its rewrite. Bounded so that a draft of
// 100 000 characters without punctuation and with a finding every few words still costs time in proportion to its
// length; a "clause" longer than this is cut at the bound.
const REACH = 400;

/** The clause around [start, end): from after the previous clause end to before the next one. */
export function clauseAround(draft: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  const fromLimit = Math.max(0, start - REACH);
  while (from > fromLimit && !CLAUSE_END.test(draft[from - 1]!)) from--;
  // The space after a comma belongs to the comma ("Sorry, I can't…" keeps "Sorry, ").
  while (from < start && /\s/u.test(draft[from]!)) from++;
  let to = end;
  const toLimit = Math.min(draft.length, end + REACH);
  while (to < toLimit && !CLAUSE_END.test(draft[to]!)) to++;
  return { start: from, end: to };
}

/**
 * The clause around [start, end) and the rest of its sentence: from the clause's start to past the sentence's end,
 * with a run of end marks ("？？", "?!") taken whole. A line break ends a sentence but stays in the draft.
 */
function restOfSentence(draft: string, start: number, end: number): { start: number; end: number } {
  let to = end;
  const toLimit = Math.min(draft.length, end + REACH);
  while (to < toLimit && !SENTENCE_END.test(draft[to]!)) to++;
  while (to < toLimit && /[。.！!？?]/u.test(draft[to]!)) to++;
  return { start: clauseAround(draft, start, end).start, end: to };
}

/** An English rewrite starts with a capital at a sentence's start and in lower case after a comma ("Sorry, let me…"). */
function capitalizedFor(draft: string, at: number, text: string): string {
  const first = text[0];
  if (first === undefined || !/[A-Za-z]/.test(first)) return text;
  const opensSentence = /(^|[。.！!？?\n\r])\s*$/u.test(draft.slice(Math.max(0, at - REACH), at));
  if (opensSentence) return first.toUpperCase() + text.slice(1);
  return /^I\b/.test(text) ? text : first.toLowerCase() + text.slice(1);
}

/** A removal of [start, end) that also takes one clause mark beside it, so no "，，" or trailing "，" is left. */
function withoutSeparator(draft: string, range: { start: number; end: number }): FindingFix {
  let { start, end } = range;
  const after = draft.slice(end, end + REACH);
  const separatorAfter = /^\s*[，,；;]\s*/u.exec(after);
  if (separatorAfter && !/^\s*[，,；;]\s*$/u.test(after)) end += separatorAfter[0].length;
  else {
    const separatorBefore = /\s*[，,；;]?\s*$/u.exec(draft.slice(Math.max(0, start - REACH), start));
    start -= separatorBefore?.[0].length ?? 0;
  }
  return { start, end, text: '' };
}

/** 你 when the draft addresses the customer only with 你; otherwise the polite 您 (also when it uses neither). */
export function formOfAddress(draft: string): '你' | '您' {
  return draft.includes('你') && !draft.includes('您') ? '你' : '您';
}

// What a fix needs to know of the whole draft, read once a draft: lint computes the fixes of all its findings in a row.
let lastDraft: string | undefined;
let lastReading: { you: '你' | '您'; traditional: boolean } = { you: '您', traditional: false };
function readDraft(draft: string): { you: '你' | '您'; traditional: boolean } {
  if (draft !== lastDraft) {
    lastDraft = draft;
    lastReading = { you: formOfAddress(draft), traditional: guessLanguage(draft) === 'zh-TW' };
  }
  return lastReading;
}

/** The rewrite to offer: the traditional one for a draft in traditional characters, when the rule has it. */
function rewriteFor(draft: string, rule: { rewrite?: string; rewriteTraditional?: string }): string | undefined {
  if (rule.rewriteTraditional !== undefined && readDraft(draft).traditional) return rule.rewriteTraditional;
  return rule.rewrite;
}

/**
 * The fix for a match at [start, end). A rewrite replaces the whole clause, and the rest of the sentence too when the
 * rewrite itself ends with a sentence mark; {before} and {after} stand for the clause's text around the match and {you} for
 * the draft's form of address. A plain suggestion replaces the match only.
 */
export function computeFix(
  draft: string,
  start: number,
  end: number,
  rule: { rewrite?: string; rewriteTraditional?: string; suggestion?: string },
): FindingFix | undefined {
  const rewrite = rewriteFor(draft, rule);
  if (rewrite !== undefined) {
    const clause = clauseAround(draft, start, end);
    const values: Record<string, string> = {
      before: draft.slice(clause.start, start),
      after: draft.slice(end, clause.end),
      you: readDraft(draft).you,
    };
    const text = rewrite.replace(/\{(before|after|you)\}/g, (_, name: string) => values[name]!);
    const range = ENDS_A_SENTENCE.test(rewrite) ? restOfSentence(draft, start, end) : clause;
    // A second finding of the rule in a draft the rewrite already fixed once: the clause goes, the rewrite is not repeated.
    const nearby =
      draft.slice(Math.max(0, range.start - REACH), range.start) + draft.slice(range.end, range.end + REACH);
    if (text !== '' && nearby.includes(text)) return withoutSeparator(draft, range);
    return { start: range.start, end: range.end, text: capitalizedFor(draft, range.start, text) };
  }
  if (rule.suggestion !== undefined) return { start, end, text: rule.suggestion };
  return undefined;
}
