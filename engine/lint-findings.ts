// What lint does with raw hits, shared by every linter: quotation marks, overlapping hits, findings in the original text.
import { originalSpan, type NormalizedText } from './normalize.ts';
import { findUnfilledFields } from './fields.ts';
import { computeFix } from './fix.ts';
import { findSensitive, isNamedAs, maskValue } from './sensitive.ts';
import type { Finding, Rule, SensitiveKind } from './types.ts';

/** One match of a rule in the normalized draft. */
export interface LintHit {
  /** `contextFree`: a phrase list of another feature (the checklist), its overlaps judged by list, not by category. */
  rule: Rule & { contextFree?: boolean };
  /** Position of the rule in the rule list: later rules come from higher-priority packs. */
  order: number;
  start: number;
  end: number;
}

// Paired quotation marks: what stands inside is somebody else's words (usually the customer's, or a colleague quoted).
const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['“', '”'],
  ['「', '」'],
  ['『', '』'],
  ['‘', '’'],
  ['"', '"'],
  ['《', '》'],
];

/**
 * Straight single quotes around a label or a name ("the label says '100% cotton'", "the set is called 'Impossible
 * Tower'"): opened after a space or the start, closed before a space, a mark or the end. An apostrophe inside a word
 * (can't, it's) opens and closes nothing.
 */
export const SINGLE_QUOTED = /(?<=^|[\s(:,])'(?=[^\s'])[^'\n]{1,200}?(?<=\S)'(?=$|[\s.,;:!?)])/gu;

/** Spans of the ORIGINAL text that are inside quotation marks. */
function quotedSpans(original: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const quoted of original.matchAll(SINGLE_QUOTED))
    spans.push([quoted.index + 1, quoted.index + quoted[0].length - 1]);
  for (const [open, close] of QUOTE_PAIRS) {
    let from = 0;
    for (;;) {
      const start = original.indexOf(open, from);
      if (start === -1) break;
      const end = original.indexOf(close, start + 1);
      if (end === -1) break;
      // An apostrophe-like ' would pair across words ("I can't … don't"): straight single quotes are not used.
      spans.push([start + 1, end]);
      from = end + 1;
    }
  }
  return spans;
}

function insideAny(spans: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  return spans.some(([s, e]) => start >= s && end <= e);
}

/**
 * True when a span starts or ends strictly within quoted text: a phrase made of the agent's words and somebody else's
 * ("截图里那条“您的验证码是……”的短信，请不要转发") is said by neither. A span that covers a whole quotation ("请把“支付密码”发给我",
 * "Send me your "password"") is the agent's own sentence, quoting a word.
 */
function quotedOrAcross(spans: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  return spans.some(([s, e]) => {
    const overlaps = start < e && end > s;
    const coversQuote = start <= s && end >= e && (start < s || end > e);
    return overlaps && !coversQuote;
  });
}

/** A finding of a rule at a span of the original draft. */
function toFinding(rule: Rule, draft: string, start: number, end: number): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    start,
    end,
    match: draft.slice(start, end),
    message: rule.message,
  };
  const fix = computeFix(draft, start, end, rule);
  if (fix) finding.fix = fix;
  return finding;
}

/** Two hits that compete for one place: of one category, or of one phrase list where the rules are lists. */
function sameGroup(a: LintHit, b: LintHit): boolean {
  return a.rule.contextFree || b.rule.contextFree ? a.rule.id === b.rule.id : a.rule.category === b.rule.category;
}

/**
 * Of hits that overlap within one category, the longest stays (不能为您服务 over 不能); hits of different categories
 * both stay, since each tells the agent something else.
 */
function keepMostSpecific(hits: LintHit[]): LintHit[] {
  // Longest first; at equal length the rule of the later (higher-priority) pack first, as merging orders them.
  const sorted = [...hits].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || b.order - a.order,
  );
  const kept: LintHit[] = [];
  for (const hit of sorted) {
    const shadowed = kept.some(
      (k) =>
        k.start < hit.end &&
        hit.start < k.end &&
        (sameGroup(k, hit) || (k.start <= hit.start && k.end >= hit.end && k.rule.severity === 'error')),
    );
    if (!shadowed) kept.push(hit);
  }
  // The same rule twice at one place (two of its patterns) is one finding.
  const seen = new Set<string>();
  return kept.filter((h) => {
    const key = `${h.rule.id}:${h.start}:${h.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The findings of a draft from its raw hits: the most specific of overlapping hits, outside quotation marks, mapped to
 * the original text; then repeated personal data for the rules that watch it. In order of position.
 */
export function findingsOf(
  draft: string,
  normalized: NormalizedText,
  hits: LintHit[],
  sensitiveRules: readonly Rule[],
  fieldRule?: Rule,
): Finding[] {
  const quotes = quotedSpans(draft);
  const findings: Finding[] = [];
  for (const hit of keepMostSpecific(hits)) {
    const span = originalSpan(normalized, hit.start, hit.end);
    if (quotedOrAcross(quotes, span.start, span.end)) continue;
    findings.push(toFinding(hit.rule, draft, span.start, span.end));
  }

  if (sensitiveRules.length > 0) {
    // Numbers whose check digit holds, or that the draft itself calls an id or a card: a draft may repeat an order
    // number shaped like a card.
    const spans = findSensitive(draft).filter((span) => !span.suspected || isNamedAs(draft, span));
    // Each value is reported once, by the highest-priority rule that watches its kind.
    const reported = new Set<number>();
    for (const rule of [...sensitiveRules].reverse()) {
      const kinds = new Set<SensitiveKind>(rule.sensitive);
      for (const s of spans) {
        if (reported.has(s.start) || !kinds.has(s.kind) || insideAny(quotes, s.start, s.end)) continue;
        reported.add(s.start);
        const finding = toFinding(rule, draft, s.start, s.end);
        // Without a fix of its own, a repeated number is fixed by masking it as the panel shows it.
        finding.fix ??= { start: s.start, end: s.end, text: maskValue(s.kind, finding.match) };
        findings.push(finding);
      }
    }
  }
  if (fieldRule)
    for (const field of findUnfilledFields(draft)) findings.push(toFinding(fieldRule, draft, field.start, field.end));
  return findings.sort((a, b) => a.start - b.start || b.end - a.end);
}
