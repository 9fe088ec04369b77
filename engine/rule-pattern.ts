// The pattern language of warning rules: literal text, bounded gaps, alternatives, optional parts and named word
// classes, parsed into a small tree and expanded into literal pieces separated by gaps. Nothing is ever run as a
// regular expression: a pattern becomes a bounded list of strings, and matching stays linear in the draft's length.
import { normalizeForMatch } from './normalize.ts';

/** Limits a pattern must keep; each is named in the problem that reports it. */
export const PATTERN_LIMITS = Object.freeze({
  /** Characters of one pattern as written. */
  length: 200,
  /** The widest gap, in characters of the normalized draft. */
  gap: 20,
  /** Alternatives in one group. */
  alternatives: 64,
  /** Groups inside groups. */
  depth: 4,
  /** Literal phrasings one pattern expands to (alternatives × classes × optional parts). */
  expansions: 512,
  /** Gaps in one pattern. */
  gaps: 4,
  /** Classes in one pack, members of one class, characters of one member. */
  classes: 200,
  classMembers: 200,
  memberLength: 50,
});

/** What `…` (or `...`) stands for: up to this many characters within one clause. */
const DEFAULT_GAP: Readonly<Gap> = Object.freeze({ min: 0, max: 6 });

export interface Gap {
  min: number;
  max: number;
  /** A joint between two pieces: nothing between them, or one space. */
  space?: boolean;
}

/** One phrasing of a pattern: pieces, each a set of normalized alternatives, with a gap between each two. */
interface PatternVariant {
  pieces: string[][];
  /** gaps[i] lies between pieces[i] and pieces[i + 1]. */
  gaps: Gap[];
}

type PatternErrorCode =
  | 'patternTooLong'
  | 'patternUnclosedGroup'
  | 'patternUnopenedGroup'
  | 'patternEmptyAlternative'
  | 'patternTooManyAlternatives'
  | 'patternTooDeep'
  | 'patternBadGap'
  | 'patternGapTooWide'
  | 'patternTooManyGaps'
  | 'patternGapAtEdge'
  | 'patternUnclosedClass'
  | 'patternUnknownClass'
  | 'patternTooManyExpansions'
  | 'patternDanglingEscape'
  | 'patternEmpty';

export interface PatternError {
  code: PatternErrorCode;
  /** Offset in the pattern as written (0-based) where the problem is. */
  offset: number;
  params: Readonly<Record<string, string | number>>;
}

export type PatternParse = { ok: true; variants: PatternVariant[] } | { ok: false; error: PatternError };

/** Word classes by name: each member a literal phrase. */
export type WordClasses = Readonly<Record<string, readonly string[]>>;

// ---- The tree ----

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'gap'; gap: Gap; offset: number }
  | { kind: 'choice'; options: Node[][]; optional: boolean }
  | { kind: 'class'; name: string; offset: number };

class PatternSyntaxError extends Error {
  constructor(readonly detail: PatternError) {
    super(detail.code);
  }
}

const fail = (code: PatternErrorCode, offset: number, params: PatternError['params'] = {}): never => {
  throw new PatternSyntaxError({ code, offset, params });
};

// Full-width forms a Chinese keyboard types for the same marks.
const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);
const BAR = new Set(['|', '｜']);
const CLASS_OPEN = new Set(['<', '＜']);
const CLASS_CLOSE = new Set(['>', '＞']);
const BRACE_OPEN = new Set(['{', '｛']);
const BRACE_CLOSE = new Set(['}', '｝']);
const CLASS_NAME = /^[\p{L}\p{N}_-]{1,40}$/u;

/** The ellipsis forms that mean "a short gap": … ⋯ (one or two) and three or more dots. */
function ellipsisLength(pattern: string, at: number): number {
  const char = pattern[at];
  if (char === '…' || char === '⋯') {
    let end = at + 1;
    while (pattern[end] === '…' || pattern[end] === '⋯') end++;
    return end - at;
  }
  if (pattern.startsWith('...', at)) {
    let end = at + 3;
    while (pattern[end] === '.') end++;
    return end - at;
  }
  return 0;
}

function parseSequence(pattern: string, at: { i: number }, depth: number): Node[] {
  const nodes: Node[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') nodes.push({ kind: 'text', value: text });
    text = '';
  };
  while (at.i < pattern.length) {
    const char = pattern[at.i]!;
    if (CLOSE.has(char) || BAR.has(char)) break;
    if (char === '\\') {
      if (at.i + 1 >= pattern.length) fail('patternDanglingEscape', at.i);
      text += pattern[at.i + 1];
      at.i += 2;
      continue;
    }
    const dots = ellipsisLength(pattern, at.i);
    if (dots > 0) {
      flush();
      nodes.push({ kind: 'gap', gap: { ...DEFAULT_GAP }, offset: at.i });
      at.i += dots;
      continue;
    }
    if (BRACE_OPEN.has(char)) {
      flush();
      const start = at.i;
      let end = start + 1;
      while (end < pattern.length && !BRACE_CLOSE.has(pattern[end]!) && end - start < 12) end++;
      const body = pattern.slice(start + 1, end);
      const range = /^\s*(\d{1,3})\s*[,，]\s*(\d{1,3})\s*$/u.exec(body);
      if (!BRACE_CLOSE.has(pattern[end] ?? '') || !range) fail('patternBadGap', start);
      const min = Number(range![1]);
      const max = Number(range![2]);
      if (min > max) fail('patternBadGap', start);
      if (max > PATTERN_LIMITS.gap) fail('patternGapTooWide', start, { limit: PATTERN_LIMITS.gap, found: max });
      nodes.push({ kind: 'gap', gap: { min, max }, offset: start });
      at.i = end + 1;
      continue;
    }
    if (CLASS_OPEN.has(char)) {
      flush();
      const start = at.i;
      let end = start + 1;
      while (end < pattern.length && !CLASS_CLOSE.has(pattern[end]!) && end - start <= 41) end++;
      const name = pattern.slice(start + 1, end).trim();
      if (!CLASS_CLOSE.has(pattern[end] ?? '') || !CLASS_NAME.test(name)) fail('patternUnclosedClass', start);
      nodes.push({ kind: 'class', name, offset: start });
      at.i = end + 1;
      continue;
    }
    if (OPEN.has(char)) {
      flush();
      const start = at.i;
      if (depth >= PATTERN_LIMITS.depth) fail('patternTooDeep', start, { limit: PATTERN_LIMITS.depth });
      at.i++;
      const options: Node[][] = [];
      for (;;) {
        const optionStart = at.i;
        const option = parseSequence(pattern, at, depth + 1);
        if (option.length === 0) fail('patternEmptyAlternative', optionStart);
        options.push(option);
        if (options.length > PATTERN_LIMITS.alternatives)
          fail('patternTooManyAlternatives', start, { limit: PATTERN_LIMITS.alternatives });
        const next = pattern[at.i];
        if (next === undefined) fail('patternUnclosedGroup', start);
        at.i++;
        if (CLOSE.has(next!)) break;
      }
      // "(们)?" marks the group optional; a "?" anywhere else is the question mark itself.
      let optional = false;
      if (pattern[at.i] === '?' || pattern[at.i] === '？') {
        optional = true;
        at.i++;
      }
      nodes.push({ kind: 'choice', options, optional });
      continue;
    }
    text += char;
    at.i++;
  }
  flush();
  return nodes;
}

/** Parses a pattern into its tree; a syntax problem is thrown as PatternSyntaxError. */
function parseTree(pattern: string): Node[] {
  if (pattern.length > PATTERN_LIMITS.length)
    fail('patternTooLong', PATTERN_LIMITS.length, { limit: PATTERN_LIMITS.length, found: pattern.length });
  const at = { i: 0 };
  const nodes = parseSequence(pattern, at, 0);
  if (at.i < pattern.length) {
    // parseSequence stops at a ")" or "|" that no group opened.
    fail('patternUnopenedGroup', at.i, { found: pattern[at.i]! });
  }
  return nodes;
}

// ---- Expansion into literal phrasings ----

/**
 * A phrasing under construction: pieces, each a set of raw alternatives (not yet normalized), and the gaps between
 * them. Short alternatives are multiplied out into one piece (我不能, 我们不能…); a large set (a word class) becomes a
 * piece of its own, joined to its neighbours without a gap, so a pattern never expands into thousands of strings.
 */
interface Draft {
  pieces: string[][];
  gaps: Gap[];
}

/** Up to this many strings, a set is multiplied into the piece before it rather than kept as a piece of its own. */
const CONCAT_LIMIT = 48;
/** The most alternatives one piece may hold. */
const PIECE_LIMIT = 400;

/** Joins two pieces with nothing between them but, at most, one space ("i" + "can't" in "i can't"). */
const ADJACENT: Readonly<Gap> = Object.freeze({ min: 0, max: 0, space: true });

/** The strings a gap-free sequence of nodes stands for, or undefined when it holds a gap or is too large to list. */
function literalsOf(nodes: readonly Node[], classes: WordClasses): string[] | undefined {
  let out = [''];
  for (const node of nodes) {
    let next: string[] | undefined;
    if (node.kind === 'text') next = [node.value];
    else if (node.kind === 'gap') return undefined;
    else if (node.kind === 'class') next = classMembers(node, classes);
    else {
      const union = new Set<string>(node.optional ? [''] : []);
      for (const option of node.options) {
        const inner = literalsOf(option, classes);
        if (!inner) return undefined;
        for (const value of inner) union.add(value);
      }
      next = [...union];
    }
    if (out.length * next.length > PIECE_LIMIT) return undefined;
    out = out.flatMap((head) => next!.map((tail) => head + tail));
  }
  return out;
}

function classMembers(node: Extract<Node, { kind: 'class' }>, classes: WordClasses): string[] {
  const members = Object.hasOwn(classes, node.name) ? classes[node.name]! : undefined;
  if (!members || members.length === 0) fail('patternUnknownClass', node.offset, { name: node.name });
  return [...members!];
}

function cross(heads: readonly string[], tails: readonly string[]): string[] {
  return heads.flatMap((head) => tails.map((tail) => head + tail));
}

function append(drafts: Draft[], node: Node, classes: WordClasses): Draft[] {
  if (node.kind === 'gap') return drafts.map((d) => ({ pieces: [...d.pieces, ['']], gaps: [...d.gaps, node.gap] }));
  const values = node.kind === 'text' ? [node.value] : literalsOf([node], classes);
  if (values) {
    const optional = values.includes('');
    const present = values.filter((v) => v !== '');
    return drafts.flatMap((d) => {
      const last = d.pieces.at(-1)!;
      if (last.length * values.length <= CONCAT_LIMIT || last.every((v) => v.trim() === '')) {
        return [{ pieces: [...d.pieces.slice(0, -1), cross(last, values)], gaps: d.gaps }];
      }
      // Too many to multiply out: a piece of its own right after the last one; left out, when optional, as a variant.
      const joined: Draft = { pieces: [...d.pieces, present], gaps: [...d.gaps, ADJACENT] };
      return optional ? [d, joined] : [joined];
    });
  }
  if (node.kind !== 'choice') return drafts;
  // A group holding gaps: one variant per option.
  const out: Draft[] = node.optional ? [...drafts] : [];
  for (const option of node.options) {
    let branch = drafts;
    for (const child of option) branch = append(branch, child, classes);
    out.push(...branch);
    if (out.length > PATTERN_LIMITS.expansions)
      fail('patternTooManyExpansions', 0, { limit: PATTERN_LIMITS.expansions });
  }
  return out;
}

/**
 * Parses a rule pattern and expands it into its literal phrasings, normalized as drafts are (so traditional
 * characters, full-width forms and spacing match), or says what is wrong and where.
 */
export function parsePattern(pattern: string, classes: WordClasses = {}): PatternParse {
  try {
    const tree = parseTree(pattern);
    let drafts: Draft[] = [{ pieces: [['']], gaps: [] }];
    for (const node of tree) {
      drafts = append(drafts, node, classes);
      if (drafts.length > PATTERN_LIMITS.expansions)
        fail('patternTooManyExpansions', 0, { limit: PATTERN_LIMITS.expansions });
    }
    const gapNodes = countGaps(tree);
    if (gapNodes.count > PATTERN_LIMITS.gaps)
      fail('patternTooManyGaps', gapNodes.offset, { limit: PATTERN_LIMITS.gaps });
    const first = tree[0];
    const last = tree.at(-1);
    if (first?.kind === 'gap') fail('patternGapAtEdge', first.offset);
    if (last?.kind === 'gap') fail('patternGapAtEdge', last.offset);
    const variants: PatternVariant[] = [];
    const seen = new Set<string>();
    for (const draft of drafts) {
      for (const variant of normalizeVariant(draft)) {
        const key = JSON.stringify(variant);
        if (seen.has(key)) continue;
        seen.add(key);
        variants.push(variant);
      }
    }
    if (variants.length === 0) fail('patternEmpty', 0);
    return { ok: true, variants };
  } catch (error) {
    if (error instanceof PatternSyntaxError) return { ok: false, error: error.detail };
    throw error;
  }
}

/** A pattern of a pack written before the pattern language: the whole text is one literal phrase. */
export function literalPattern(phrase: string): PatternParse {
  const piece = normalizeForMatch(phrase).trim();
  if (piece === '') return { ok: false, error: { code: 'patternEmpty', offset: 0, params: {} } };
  return { ok: true, variants: [{ pieces: [[piece]], gaps: [] }] };
}

function countGaps(nodes: readonly Node[]): { count: number; offset: number } {
  // The most gaps any one phrasing can have: a group counts with its widest option.
  let count = 0;
  let offset = 0;
  for (const node of nodes) {
    if (node.kind === 'gap') {
      count++;
      offset = node.offset;
    } else if (node.kind === 'choice') {
      const inner = node.options.map(countGaps).reduce((a, b) => (b.count > a.count ? b : a), { count: 0, offset: 0 });
      if (inner.count > 0) offset = inner.offset;
      count += inner.count;
    }
  }
  return { count, offset };
}

/**
 * Normalizes each piece's alternatives. An alternative that normalizes to nothing (an optional part left out, "(我)?…不能"
 * read as "不能") drops its piece: the gaps around it merge, and a gap left at an edge is dropped, since a match never
 * starts or ends with a gap.
 */
function normalizeVariant(draft: Draft): PatternVariant[] {
  // Split each piece into its present alternatives and, when one alternative is empty, a variant without the piece.
  let partial: Array<{ pieces: string[][]; gaps: Gap[]; pendingGap?: Gap }> = [{ pieces: [], gaps: [] }];
  draft.pieces.forEach((raw, i) => {
    const gapBefore = i > 0 ? draft.gaps[i - 1] : undefined;
    const values = [...new Set(raw.map((v) => normalizeForMatch(v).trim()))];
    const present = values.filter((v) => v !== '');
    const canBeEmpty = present.length < values.length;
    const next: typeof partial = [];
    for (const p of partial) {
      const pending = gapBefore ? joinGaps(p.pendingGap, gapBefore) : p.pendingGap;
      if (present.length > 0) {
        next.push({
          pieces: [...p.pieces, present],
          gaps: p.pieces.length > 0 ? [...p.gaps, pending ?? ADJACENT] : p.gaps,
        });
      }
      if (canBeEmpty) next.push({ pieces: p.pieces, gaps: p.gaps, pendingGap: pending });
    }
    partial = next;
  });
  return partial.filter((p) => p.pieces.length > 0).map((p) => ({ pieces: p.pieces, gaps: p.gaps }));
}

function joinGaps(a: Gap | undefined, b: Gap): Gap {
  if (!a) return { ...b };
  const joined: Gap = { min: a.min + b.min, max: Math.min(PATTERN_LIMITS.gap, a.max + b.max) };
  if (a.space || b.space) joined.space = true;
  return joined;
}
