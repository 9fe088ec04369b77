// Lints an agent's draft against the packs' warning rules: one automaton over the rules' literal pieces, gapped patterns chained in the same pass, spans mapped back to the original.
import { AhoCorasickMatcher } from './aho-corasick.ts';
import { chineseWordSegmenter, isHan, normalizeForMatch, normalizeText, type NormalizedText } from './normalize.ts';
import { literalPattern, parsePattern, type Gap, type WordClasses } from './rule-pattern.ts';
import { STANDARD_CLASSES } from './word-classes.ts';
import { findingsOf, type LintHit } from './lint-findings.ts';
import { isExcusedByContext } from './lint-context.ts';
import type { Finding, Rule } from './types.ts';

/** One literal phrasing of one rule's pattern, ready to chain its pieces. */
interface CompiledVariant {
  rule: LintRule;
  /** Position of the rule in the rule list: later rules come from higher-priority packs. */
  order: number;
  /** How many pieces the variant has, and the gaps between them. */
  pieceCount: number;
  gaps: Gap[];
  /** Allowed phrases that overlap a match and make it fine (保证金 around 保证, 可以自己 before 自己看). */
  exceptions: string[];
  /** A short Han phrase (two characters at most) must not cut a word in two: 不对 is not inside 不对称. */
  wholeWords: boolean;
}

/** Where a piece stands in a variant: the variant, the piece's index, and which of its edges are word edges. */
interface PieceUse {
  variant: number;
  index: number;
  /** A Latin edge that must stand on a word boundary: not where the piece is joined to its neighbour ("in" + "correct"). */
  boundedStart: boolean;
  boundedEnd: boolean;
}

// Larger words that contain a forbidden phrase and are fine to say, where word segmentation does not split them off
// (the platform's segmenter reads 保证金 as 保证/金). A rule's own `exceptions` add to these.
const BUILTIN_EXCEPTIONS = ['保证金', '担保', '不对称', '不对劲', '但是否', '不能否认', '绝对值', '一定能耗'];

const LATIN_WORD = /[a-z0-9]/;

// What ends a clause in normalized text (NFKC has turned 。，！？；： into these): a gap never crosses one.
const CLAUSE_BREAK = new Set([...'.,!?;:\n']);

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && LATIN_WORD.test(char);
}

/**
 * True when [start, end) of the text begins or ends inside a word (or, with `endOnly`, ends inside one), as the
 * segmenter reads the text around it.
 */
function cutsAWord(text: string, start: number, end: number, endOnly = false): boolean {
  const words = chineseWordSegmenter();
  if (!words) return false;
  // A few characters of context either side are enough for the segmenter to see the words the span touches.
  const from = Math.max(0, start - 4);
  const to = Math.min(text.length, end + 4);
  const boundaries = new Set<number>();
  for (const piece of words.segment(text.slice(from, to))) boundaries.add(from + piece.index);
  boundaries.add(to);
  return (!endOnly && !boundaries.has(start)) || !boundaries.has(end);
}

// Particles the segmenter joins to the word before ("烂的", "管了") without making a new word of it.
const PARTICLES = new Set([...'的了吗呢啊吧哦呀啦嘛么过着地得哈喔啰囉']);

/**
 * True when a phrase ends inside a larger Chinese word: "着急什么" in 您着急什么时候用 (什么时候 is one word, a question of
 * when, not "what's the hurry"). A doubled verb is no larger word (认真看 in 认真看看 still reads as the phrase), nor is a particle after it.
 */
function endsInsideWord(text: string, start: number, end: number): boolean {
  const last = text[end - 1];
  const next = text[end];
  return (
    next !== undefined &&
    next !== last &&
    !PARTICLES.has(next) &&
    isHan(next) &&
    isHan(last ?? '') &&
    cutsAWord(text, start, end, true)
  );
}

function isShortHan(piece: string): boolean {
  return piece.length <= 2 && [...piece].every(isHan);
}

export type Linter = (draft: string) => Finding[];

/**
 * A rule as the linter reads it: merged rules of packs written before the pattern language carry `literal`; a
 * `contextFree` rule is a phrase list of another feature (the checklist), where the words around a hit excuse nothing.
 */
export type LintRule = Rule & { literal?: boolean; contextFree?: boolean };

/**
 * Compiles every rule's patterns into one automaton over their literal pieces. A pattern that does not parse (a pack
 * that skipped validation) is left out rather than stopping the others.
 */
export function createLinter(rules: readonly LintRule[], classes: WordClasses = STANDARD_CLASSES): Linter {
  const active = rules.filter((r) => !r.disabled);
  const pieceIds = new Map<string, number>();
  const pieceUses: PieceUse[][] = [];
  const variants: CompiledVariant[] = [];
  const builtinExceptions = BUILTIN_EXCEPTIONS.map(normalizeForMatch);
  for (const [order, rule] of active.entries()) {
    const ownExceptions = (rule.exceptions ?? []).map(normalizeForMatch).filter((word) => word !== '');
    for (const raw of rule.patterns ?? []) {
      const parsed = rule.literal ? literalPattern(raw) : parsePattern(raw, classes);
      if (!parsed.ok) continue;
      for (const variant of parsed.variants) {
        const index = variants.length;
        const edges = [...variant.pieces[0]!, ...variant.pieces.at(-1)!];
        variants.push({
          rule,
          order,
          pieceCount: variant.pieces.length,
          gaps: variant.gaps,
          // The rule's own allowed phrases, and of the built-in ones those that contain an edge piece: most variants
          // then have none, and a hit costs no check.
          exceptions: [
            ...ownExceptions,
            ...builtinExceptions.filter((word) =>
              edges.some((edge) => word.length > edge.length && word.includes(edge)),
            ),
          ],
          wholeWords: variant.pieces.length === 1 && variant.pieces[0]!.every(isShortHan),
        });
        variant.pieces.forEach((alternatives, i) => {
          for (const piece of alternatives) {
            let pieceId = pieceIds.get(piece);
            if (pieceId === undefined) {
              pieceId = pieceIds.size;
              pieceIds.set(piece, pieceId);
              pieceUses.push([]);
            }
            const joinedBefore = i > 0 && variant.gaps[i - 1]!.space === true;
            const joinedAfter = i < variant.pieces.length - 1 && variant.gaps[i]!.space === true;
            pieceUses[pieceId]!.push({
              variant: index,
              index: i,
              boundedStart: !joinedBefore && LATIN_WORD.test(piece[0]!),
              boundedEnd: !joinedAfter && LATIN_WORD.test(piece.at(-1)!),
            });
          }
        });
      }
    }
  }
  const pieces = [...pieceIds.keys()];
  const matcher = pieces.length > 0 ? new AhoCorasickMatcher(pieces) : undefined;
  const sensitiveRules = active.filter((r) => (r.sensitive ?? []).length > 0);
  // The highest-priority rule of the category speaks for every field a draft still holds.
  const fieldRule = active.filter((r) => r.category === 'unfilled_field').at(-1);

  return function lintDraft(draft: string): Finding[] {
    if (draft === '') return [];
    const normalized = normalizeText(draft);
    const text = normalized.text;
    const hits: LintHit[] = [];
    if (matcher) {
      const chains = new ChainState(text);
      for (const m of matcher.search(text)) {
        const wordBefore = isWordChar(text[m.start - 1]);
        const wordAfter = isWordChar(text[m.end]);
        for (const use of pieceUses[m.pattern]!) {
          // Latin pieces stand on word boundaries: "can't" is not inside "scan't", "100%" is not inside "1100%".
          if ((use.boundedStart && wordBefore) || (use.boundedEnd && wordAfter)) continue;
          const variant = variants[use.variant]!;
          const start = chains.advance(use.variant, variant, use.index, m.start, m.end);
          if (start === -1) continue;
          if (variant.exceptions.length > 0 && isInsideException(normalized, start, m.end, variant)) continue;
          if (variant.wholeWords ? cutsAWord(text, start, m.end) : endsInsideWord(text, start, m.end)) continue;
          if (!variant.rule.contextFree && isExcusedByContext(variant.rule.category, text, start, m.end)) continue;
          hits.push({ rule: variant.rule, order: variant.order, start, end: m.end });
        }
      }
    }

    return findingsOf(draft, normalized, hits, sensitiveRules, fieldRule);
  };
}

/**
 * Which of several named phrase lists (the pattern language of rules) a text holds, found as the linter finds a rule's
 * patterns, all in one pass: one automaton, gaps within a clause, Latin words on their boundaries. The rules it builds
 * are never shown.
 */
export function createPhraseFinder(
  lists: ReadonlyArray<{ id: string; phrases: readonly string[] }>,
  classes: WordClasses = STANDARD_CLASSES,
): (text: string) => string[] {
  const lint = createLinter(
    lists.map(({ id, phrases }) => ({
      id,
      category: 'contradiction' as const,
      severity: 'info' as const,
      patterns: [...phrases],
      message: '',
      contextFree: true,
    })),
    classes,
  );
  return (text) => [...new Set(lint(text).map((hit) => hit.ruleId))];
}

/** How many recent partial matches one piece of one variant keeps: enough for overlapping pieces, and bounded. */
const CHAIN_MEMORY = 4;

/**
 * Partial matches of gapped variants during one scan. Hits arrive in order of their end; a piece continues a chain
 * when the previous piece ended at most `gap.max` (and at least `gap.min`) characters before it, in the same clause.
 * Each (variant, piece) keeps its last few chain ends, so the work per hit is bounded and the scan stays linear.
 */
class ChainState {
  /** Clause breaks before each offset: a gap [a, b) crosses one when breaks[b] > breaks[a]. Counted on first need. */
  private breaks: Int32Array | undefined;
  private readonly ends = new Map<number, number[]>();
  private readonly starts = new Map<number, number[]>();

  constructor(private readonly text: string) {}

  private clauseBreaks(): Int32Array {
    if (!this.breaks) {
      const breaks = new Int32Array(this.text.length + 1);
      for (let i = 0; i < this.text.length; i++) breaks[i + 1] = breaks[i]! + (CLAUSE_BREAK.has(this.text[i]!) ? 1 : 0);
      this.breaks = breaks;
    }
    return this.breaks;
  }

  /** Records a hit of piece `index` of a variant; returns the match's start when it completes the variant, else -1. */
  advance(variantIndex: number, variant: CompiledVariant, index: number, start: number, end: number): number {
    let chainStart = start;
    if (index > 0) {
      const key = variantIndex * 8 + index - 1;
      const ends = this.ends.get(key);
      if (!ends) return -1;
      const starts = this.starts.get(key)!;
      const gap = variant.gaps[index - 1]!;
      chainStart = -1;
      for (let k = ends.length - 1; k >= 0; k--) {
        const width = start - ends[k]!;
        // A joint between two pieces may hold one space: "i" + "can't" in "i can't".
        const widest = gap.space ? gap.max + 1 : gap.max;
        if (width < gap.min || width > widest) continue;
        if (gap.space && width === gap.max + 1 && this.text[ends[k]!] !== ' ' && gap.max === 0) continue;
        const breaks = this.clauseBreaks();
        if (breaks[start]! > breaks[ends[k]!]!) continue;
        chainStart = starts[k]!;
        break;
      }
      if (chainStart === -1) return -1;
    }
    if (index === variant.pieceCount - 1) return chainStart;
    const key = variantIndex * 8 + index;
    let ends = this.ends.get(key);
    let starts = this.starts.get(key);
    if (!ends || !starts) {
      ends = [];
      starts = [];
      this.ends.set(key, ends);
      this.starts.set(key, starts);
    }
    if (ends.length === CHAIN_MEMORY) {
      ends.shift();
      starts.shift();
    }
    ends.push(end);
    starts.push(chainStart);
    return -1;
  }
}

/**
 * True when an allowed phrase overlaps the match and reaches beyond it: a larger word around it (保证金 around 保证,
 * 不一定能 around 一定能) or a phrase that turns it into something else where it starts or ends (可以自己 before 自己看,
 * 给您 before 您…写错了).
 */
function isInsideException(normalized: NormalizedText, start: number, end: number, variant: CompiledVariant): boolean {
  const text = normalized.text;
  for (const word of variant.exceptions) {
    const from = Math.max(0, start - word.length + 1);
    const to = Math.min(text.length, end + word.length - 1);
    const windowText = text.slice(from, to);
    for (let at = windowText.indexOf(word); at !== -1; at = windowText.indexOf(word, at + 1)) {
      const wordStart = from + at;
      const wordEnd = wordStart + word.length;
      const overlaps = wordStart < end && wordEnd > start;
      // An allowed phrase strictly inside a long gapped match says nothing about it; one that reaches its edges does.
      if (overlaps && (wordStart <= start || wordEnd >= end)) return true;
    }
  }
  return false;
}
