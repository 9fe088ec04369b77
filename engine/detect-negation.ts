import { cueLists } from './cue-lists.ts';

// Finds the parts of a customer message that are negated ("不是要退款", "I don't want a refund", "都没有不耐烦") so their scenario cues count little.

/** Cues that negate what follows up to the next clause break (data/cues/negation.json). */
const negationCues = (): readonly string[] => cueLists().negation.negation;

/** Words that open the clause the customer actually means ("…, 我是想换个颜色", "…, I just need…"); without punctuation a new
 * request (给我, 帮我) opens the next clause too. */
const contrastCues = (): readonly string[] => cueLists().negation.contrast;

const CLAUSE_BREAK = /[,.!?;:，。！？；：\n~]/u;
// How far a negation reaches when no break or contrast word ends it first (in normalized UTF-16 units).
const MAX_SCOPE = 16;

/**
 * A temper denied: "講了這麼多遍都沒有不耐煩", "从来没发过火", "she was never rude", "wasn't rude at all": praise of how someone
 * behaved, neither a complaint about them nor anger. Not in "有没有敷衍我", which asks it.
 */
export const DENIED_TEMPER =
  /(?<!有)(?:都|也|从来|从)?没有?(?:一点|半点)?(?:不耐烦|发过?火|生气|凶|敷衍|甩脸)|\b(?:never|wasn't|was not|weren't|not (?:once|at all|even a bit))\s+(?:once\s+)?(?:rude|impatient|dismissive|short with me)\b/gu;

export interface Range {
  start: number;
  end: number;
}

/** Ranges of `normalized` (lower-cased, simplified) that a negation cue governs, and tempers denied (DENIED_TEMPER). */
export function negatedRanges(normalized: string): Range[] {
  const ranges: Range[] = [];
  let from = 0;
  while (from < normalized.length) {
    let found: { at: number; cue: string } | undefined;
    for (const cue of negationCues()) {
      let at = normalized.indexOf(cue, from);
      // "是不是坏了" asks a question, it negates nothing.
      while (at > 0 && cue.startsWith('不是') && normalized[at - 1] === '是') at = normalized.indexOf(cue, at + 1);
      if (
        at >= 0 &&
        isWordStart(normalized, at, cue) &&
        (!found || at < found.at || (at === found.at && cue.length > found.cue.length))
      ) {
        found = { at, cue };
      }
    }
    if (!found) break;
    const start = found.at;
    const scopeStart = found.at + found.cue.length;
    let end = Math.min(normalized.length, scopeStart + MAX_SCOPE);
    for (let i = scopeStart; i < end; i++) {
      if (CLAUSE_BREAK.test(normalized[i]!)) {
        end = i;
        break;
      }
      if (contrastCues().some((cue) => normalized.startsWith(cue, i) && i > scopeStart)) {
        end = i;
        break;
      }
    }
    ranges.push({ start, end });
    from = Math.max(end, scopeStart);
  }
  for (const denied of normalized.matchAll(DENIED_TEMPER))
    ranges.push({ start: denied.index, end: denied.index + denied[0].length });
  return ranges;
}

function isWordStart(text: string, at: number, cue: string): boolean {
  if (!/^[a-z]/u.test(cue)) return true;
  return at === 0 || !/[a-z0-9']/u.test(text[at - 1]!);
}

export function isInside(ranges: readonly Range[], start: number, end: number): boolean {
  return ranges.some((r) => start >= r.start && end <= r.end);
}
