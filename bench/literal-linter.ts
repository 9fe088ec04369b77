// The literal-phrase linter as it was before the pattern language, kept only as the benchmark's baseline.
import { AhoCorasickMatcher } from '../engine/aho-corasick.ts';
import { normalizeForMatch, normalizeText, type NormalizedText } from '../engine/normalize.ts';
import { findingsOf, type LintHit as Hit } from '../engine/lint-findings.ts';
import type { Finding, Rule } from '../engine/types.ts';

interface PatternEntry {
  rule: Rule;
  order: number;
  /** The normalized pattern. */
  pattern: string;
  /** Allowed larger words that contain this pattern (保证金 for 保证). */
  exceptions: string[];
  /** Latin patterns only match whole words: "can't" is not inside "scan't", "100%" is not inside "1100%". */
  wordBounded: boolean;
}

// Larger words that contain a forbidden phrase and are fine to say. A rule's own `exceptions` add to these.
const BUILTIN_EXCEPTIONS = ['保证金', '担保', '不对称', '不对劲', '但是否', '不能否认', '绝对值'];

const LATIN_WORD = /[a-z0-9]/;

// A request for a secret turned into a warning about it ("请勿向任何人提供验证码", "never share your password") is the
// advice agents should give: those hits are dropped when such a word stands shortly before them in the same clause.
const NEGATED_REQUEST =
  /(?:请勿|切勿|不要|别|不会|不得|禁止|never|don't|do not|won't|will not|not to)[^,.;!?，。；！？]{0,16}$/;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && LATIN_WORD.test(char);
}

export type Linter = (draft: string) => Finding[];

export function createLiteralLinter(rules: readonly Rule[]): Linter {
  const active = rules.filter((r) => !r.disabled);
  const entries: PatternEntry[] = [];
  for (const [order, rule] of active.entries()) {
    for (const raw of rule.patterns ?? []) {
      const pattern = normalizeForMatch(raw).trim();
      if (pattern === '') continue;
      entries.push({
        rule,
        order,
        pattern,
        exceptions: [],
        wordBounded: LATIN_WORD.test(pattern[0]!) || LATIN_WORD.test(pattern[pattern.length - 1]!),
      });
    }
  }
  // One automaton entry per distinct pattern: several rules (of several packs) may share a phrase.
  const entriesByPattern = new Map<string, PatternEntry[]>();
  for (const entry of entries) {
    const list = entriesByPattern.get(entry.pattern);
    if (list) list.push(entry);
    else entriesByPattern.set(entry.pattern, [entry]);
  }
  const patternLists = [...entriesByPattern.values()];
  const matcher =
    patternLists.length > 0 ? new AhoCorasickMatcher(patternLists.map((list) => list[0]!.pattern)) : undefined;

  // Per pattern, only the allowed words that contain it: most patterns have none, and then a hit costs no check.
  const builtinExceptions = BUILTIN_EXCEPTIONS.map(normalizeForMatch);
  for (const entry of entries) {
    const candidates = [...builtinExceptions, ...(entry.rule.exceptions ?? []).map(normalizeForMatch)];
    entry.exceptions = candidates.filter((word) => word.length > entry.pattern.length && word.includes(entry.pattern));
  }
  const sensitiveRules = active.filter((r) => (r.sensitive ?? []).length > 0);

  return function lintDraft(draft: string): Finding[] {
    if (draft === '') return [];
    const normalized = normalizeText(draft);
    const hits: Hit[] = [];
    if (matcher) {
      for (const m of matcher.search(normalized.text)) {
        for (const entry of patternLists[m.pattern]!) {
          if (entry.wordBounded) {
            const before = normalized.text[m.start - 1];
            const after = normalized.text[m.end];
            if (
              (LATIN_WORD.test(entry.pattern[0]!) && isWordChar(before)) ||
              (LATIN_WORD.test(entry.pattern.at(-1)!) && isWordChar(after))
            ) {
              continue;
            }
          }
          if (entry.exceptions.length > 0 && isInsideException(normalized, m.start, m.end, entry.exceptions)) continue;
          if (
            entry.rule.category === 'sensitive_request' &&
            NEGATED_REQUEST.test(normalized.text.slice(Math.max(0, m.start - 24), m.start))
          ) {
            continue;
          }
          hits.push({ rule: entry.rule, order: entry.order, start: m.start, end: m.end });
        }
      }
    }

    return findingsOf(draft, normalized, hits, sensitiveRules);
  };
}

/** True when [start, end) of the normalized text lies inside an occurrence of one of the allowed larger words. */
function isInsideException(
  normalized: NormalizedText,
  start: number,
  end: number,
  exceptions: readonly string[],
): boolean {
  const text = normalized.text;
  for (const word of exceptions) {
    if (word.length <= end - start) continue;
    // The allowed word must cover the hit: search in the window that could contain both.
    const windowStart = Math.max(0, end - word.length);
    const windowEnd = Math.min(text.length, start + word.length);
    const at = text.slice(windowStart, windowEnd).indexOf(word);
    if (at === -1) continue;
    const wordStart = windowStart + at;
    if (wordStart <= start && wordStart + word.length >= end) return true;
  }
  return false;
}
