// Text normalization for matching (NFKC, case, traditional → simplified, spacing inside CJK words) with a map back to the original offsets.
import { TRADITIONAL_TO_SIMPLIFIED_PAIRS } from './tables/t2s.ts';

/** A normalized text and, for each of its UTF-16 units, the span of the original text it came from. */
export interface NormalizedText {
  readonly original: string;
  readonly text: string;
  /** starts[i]: offset in `original` where normalized unit i comes from. */
  readonly starts: Int32Array;
  /** ends[i]: offset in `original` just past the source of normalized unit i. */
  readonly ends: Int32Array;
}

// The content script's build leaves the table out (wxt.config.ts) and installs it from storage, where the background
// publishes it with the packs, as it does the pinyin table: 13 KB gzip less in every helpdesk tab.
let traditionalPairs: string | undefined = TRADITIONAL_TO_SIMPLIFIED_PAIRS as string | undefined;
let traditionalToSimplified: Map<string, string> | undefined;

/** The traditional → simplified table as engine/tables/t2s.ts has it: for the background to publish to the content script. */
export function bundledTraditionalTable(): string | undefined {
  return TRADITIONAL_TO_SIMPLIFIED_PAIRS as string | undefined;
}

/** Gives normalization its traditional → simplified table where the build left it out. */
export function installTraditionalTable(pairs: string): void {
  traditionalPairs = pairs;
  traditionalToSimplified = undefined;
  // Characters folded before the table came were folded without it.
  foldCache.clear();
  foldByCode.clear();
  hanBlockFold.fill(undefined);
}

function simplifiedOf(char: string): string {
  if (!traditionalToSimplified) {
    traditionalToSimplified = new Map();
    const pairs = traditionalPairs ?? '';
    for (let i = 0; i + 1 < pairs.length; i += 2) traditionalToSimplified.set(pairs[i]!, pairs[i + 1]!);
  }
  const simplified = traditionalToSimplified.get(char) ?? char;
  return SIMPLIFIED_VARIANTS[simplified] ?? simplified;
}

// Simplified characters that customers and agents use interchangeably in service talk; folded so one trigger covers both
// (OpenCC maps 帳 to 帐 character by character, while 帐号/账号 mean the same account).
// 著 is how Taiwan writes the particle 着 (管不著, 著急); folded the same way.
const SIMPLIFIED_VARIANTS: Record<string, string> = { 帐: '账', 著: '着' };

/** Converts traditional Chinese characters to simplified ones, character by character (length is kept). */
export function toSimplified(text: string): string {
  let out = '';
  for (const char of text) out += simplifiedOf(char);
  return out;
}

const HAN = /\p{Script=Han}/u;
export function isHan(char: string): boolean {
  const code = char.charCodeAt(0);
  // The common CJK block answers without a regular expression: this runs for every character of every keystroke.
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code < 0x2e80) return false;
  return HAN.test(char);
}

let wordSegmenter: Intl.Segmenter | null | undefined;

/** The platform's Chinese word segmenter (every browser and Node have one); null where a runtime lacks it. */
export function chineseWordSegmenter(): Intl.Segmenter | null {
  if (wordSegmenter === undefined) {
    wordSegmenter =
      typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return wordSegmenter;
}

/** The words of a text, in order, as the segmenter reads them; one piece per character where there is none. */
export function segmentWords(text: string): string[] {
  const segmenter = chineseWordSegmenter();
  return segmenter ? Array.from(segmenter.segment(text), (piece) => piece.segment) : Array.from(text);
}

/** The offsets where the words of a text start, and where it ends, as the platform's segmenter cuts it. */
export function wordBoundaries(text: string): Set<number> {
  const at = new Set<number>([0]);
  let offset = 0;
  for (const word of segmentWords(text)) at.add((offset += word.length));
  return at;
}

/** The runs of consecutive Han characters in a text, in order: the units character n-grams are taken from. */
export function hanRuns(text: string): string[] {
  const runs: string[] = [];
  let run = '';
  for (const char of text) {
    if (isHan(char)) run += char;
    else if (run !== '') {
      runs.push(run);
      run = '';
    }
  }
  if (run !== '') runs.push(run);
  return runs;
}

// Typographic variants that NFKC keeps apart but a phrase list should not.
const FOLDED_PUNCTUATION: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201B': "'",
  '\u2032': "'",
  '`': "'",
  '\u00B4': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u3002': '.',
  '\uFF61': '.',
  '\u3001': ',',
  '\u2014': '-',
  '\u2013': '-',
};

/** Characters that agents (or customers) put inside a word without meaning to split it: "我 不 能", "不-归-我-管". */
const FILLER = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  '\f',
  '\v',
  '\u00A0',
  '\u3000',
  '\u2028',
  '\u2029',
  '·',
  '・',
  '*',
  '_',
  '~',
  '-',
]);
// The other Unicode space separators (U+1680, U+2000–U+200A, U+202F, U+205F).
const OTHER_SPACES = /^[\u1680\u2000-\u200a\u202f\u205f]$/;
function isFiller(char: string): boolean {
  if (FILLER.has(char)) return true;
  const code = char.charCodeAt(0);
  return char.length === 1 && code >= 0x1680 && code <= 0x205f && OTHER_SPACES.test(char);
}

// Zero-width and joiner characters never count as text, whatever surrounds them.
const INVISIBLE = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD']);
function isInvisible(char: string): boolean {
  return INVISIBLE.has(char);
}

// Folding is a pure function of the character: remember it (bounded, so hostile input cannot grow it forever).
const foldCache = new Map<string, string>();
/** The same for single code units; null: an invisible character, dropped. */
const foldByCode = new Map<number, string | null>();

function foldChar(char: string): string {
  const cached = foldCache.get(char);
  if (cached !== undefined) return cached;
  const folded = foldCharUncached(char);
  if (foldCache.size < 20_000) foldCache.set(char, folded);
  return folded;
}

function foldCharUncached(char: string): string {
  let folded = char.normalize('NFKC');
  folded = folded.toLowerCase();
  let out = '';
  for (const c of folded) out += FOLDED_PUNCTUATION[c] ?? simplifiedOf(c);
  return out;
}

// ASCII folds without a map lookup: this loop runs over every character of every keystroke's draft.
const ASCII_FOLD: string[] = Array.from({ length: 128 }, (_, code) => foldCharUncached(String.fromCharCode(code)));

function isWhiteSpaceText(text: string): boolean {
  return text === ' ' || /^\s+$/u.test(text);
}

// Which ASCII characters are filler, and the folds of the common CJK block, by code: both are read for every
// character of every keystroke's draft, so they are arrays rather than set or map lookups.
const ASCII_IS_FILLER: boolean[] = ASCII_FOLD.map((fold) => isFiller(fold));
const HAN_BLOCK_START = 0x4e00;
const HAN_BLOCK_END = 0x9fff;
const hanBlockFold: Array<string | undefined> = new Array(HAN_BLOCK_END - HAN_BLOCK_START + 1);

/**
 * Normalizes `original` for matching and keeps the way back to it.
 * Filler (spaces, middle dots, dashes…) between two Han characters is dropped, so "我 不 能" reads "我不能";
 * elsewhere runs of white space become one space, so "I  can't" keeps its word boundary.
 * One pass: a run of filler is held back until the character after it shows whether it joins two Han characters.
 */
export function normalizeText(original: string): NormalizedText {
  const length = original.length;
  let text = '';
  let last = '';
  let starts = new Int32Array(length + 16);
  let ends = new Int32Array(length + 16);
  let size = 0;

  const emit = (value: string, start: number, end: number): void => {
    if (size + value.length > starts.length) {
      // NFKC can expand a character (㍿ → 株式会社): grow rarely, by doubling.
      const grownStarts = new Int32Array(Math.max(starts.length * 2, size + value.length));
      grownStarts.set(starts);
      starts = grownStarts;
      const grownEnds = new Int32Array(grownStarts.length);
      grownEnds.set(ends);
      ends = grownEnds;
    }
    for (let k = 0; k < value.length; k++) {
      starts[size] = start;
      ends[size] = end;
      size++;
    }
    if (value !== '') {
      text += value;
      last = value;
    }
  };

  // The filler run held back: its folded pieces and where each came from.
  const runPieces: string[] = [];
  const runStarts: number[] = [];
  const runEnds: number[] = [];
  let runLength = 0;
  let runHasSpace = false;
  const settleRun = (after: string): void => {
    const before = lastChar(last);
    const joinsHan = before !== '' && after !== '' && isHan(before) && isHan(after);
    if (!joinsHan) {
      if (runHasSpace) emit(' ', runStarts[0]!, runEnds[0]!);
      else for (let k = 0; k < runLength; k++) emit(runPieces[k]!, runStarts[k]!, runEnds[k]!);
    }
    runLength = 0;
    runHasSpace = false;
  };

  for (let i = 0; i < length;) {
    const code = original.charCodeAt(i);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const low = original.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) width = 2;
    }
    const start = i;
    i += width;
    let fold: string;
    let filler: boolean;
    if (code < 128) {
      fold = ASCII_FOLD[code]!;
      filler = ASCII_IS_FILLER[code]!;
    } else if (code >= HAN_BLOCK_START && code <= HAN_BLOCK_END) {
      // A Han character folds to a Han character (its simplified form), never to filler.
      const cached = hanBlockFold[code - HAN_BLOCK_START];
      fold = cached ?? (hanBlockFold[code - HAN_BLOCK_START] = foldChar(original[start]!));
      filler = false;
    } else {
      // Keyed by code unit, a BMP character is looked up without first becoming a string of its own.
      let known = width === 1 ? foldByCode.get(code) : undefined;
      if (known === undefined) {
        const char = width === 1 ? original[start]! : original.slice(start, i);
        known = isInvisible(char) ? null : foldChar(char);
        if (width === 1 && foldByCode.size < 20_000) foldByCode.set(code, known);
      }
      if (known === null) continue;
      fold = known;
      filler = fold !== '' && isFiller(fold);
    }
    if (filler) {
      runPieces[runLength] = fold;
      runStarts[runLength] = start;
      runEnds[runLength] = i;
      runLength++;
      if (!runHasSpace && isWhiteSpaceText(fold)) runHasSpace = true;
      continue;
    }
    if (runLength > 0) settleRun(fold === '' ? '' : fold[0]!);
    emit(fold, start, i);
  }
  if (runLength > 0) settleRun('');

  return { original, text, starts: starts.subarray(0, size), ends: ends.subarray(0, size) };
}

function lastChar(text: string): string {
  if (text === '') return '';
  const code = text.charCodeAt(text.length - 1);
  // Keep a surrogate pair whole so isHan sees the real code point.
  if (code >= 0xdc00 && code <= 0xdfff && text.length >= 2) return text.slice(-2);
  return text[text.length - 1]!;
}

/** The span of the original text that normalized units [start, end) came from. */
export function originalSpan(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (end <= start || start >= normalized.text.length) {
    const at = start < normalized.starts.length ? normalized.starts[start]! : normalized.original.length;
    return { start: at, end: at };
  }
  return { start: normalized.starts[start]!, end: normalized.ends[Math.min(end, normalized.text.length) - 1]! };
}

/** Normalizes without keeping the offsets: for pack phrases and index keys. */
export function normalizeForMatch(text: string): string {
  return normalizeText(text).text;
}
