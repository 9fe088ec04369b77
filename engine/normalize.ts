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

let traditionalToSimplified: Map<string, string> | undefined;

function simplifiedOf(char: string): string {
  if (!traditionalToSimplified) {
    traditionalToSimplified = new Map();
    const pairs = TRADITIONAL_TO_SIMPLIFIED_PAIRS;
    for (let i = 0; i + 1 < pairs.length; i += 2) traditionalToSimplified.set(pairs[i]!, pairs[i + 1]!);
  }
  const simplified = traditionalToSimplified.get(char) ?? char;
  return SIMPLIFIED_VARIANTS[simplified] ?? simplified;
}

// Simplified characters that customers and agents use interchangeably in service talk; folded so one trigger covers both
// (OpenCC maps 帳 to 帐 character by character, while 帐号/账号 mean the same account).
const SIMPLIFIED_VARIANTS: Record<string, string> = { 帐: '账' };

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
const FILLER = new Set([' ', '\t', '\n', '\r', '\f', '\v', '\u00A0', '\u3000', '\u2028', '\u2029', '·', '・', '*', '_', '~', '-']);
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

/**
 * Normalizes `original` for matching and keeps the way back to it.
 * Filler (spaces, middle dots, dashes…) between two Han characters is dropped, so "我 不 能" reads "我不能";
 * elsewhere runs of white space become one space, so "I  can't" keeps its word boundary.
 */
export function normalizeText(original: string): NormalizedText {
  // Pass 1: fold each code point; parallel arrays rather than one object per character.
  const folded: string[] = [];
  const pieceStart: number[] = [];
  const pieceEnd: number[] = [];
  for (let i = 0; i < original.length; ) {
    const code = original.charCodeAt(i);
    let length = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < original.length) {
      const low = original.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) length = 2;
    }
    const start = i;
    i += length;
    if (code < 128) {
      folded.push(ASCII_FOLD[code]!);
    } else {
      // Keyed by code unit, a BMP character is looked up without first becoming a string of its own.
      let fold = length === 1 ? foldByCode.get(code) : undefined;
      if (fold === undefined) {
        const char = length === 1 ? original[start]! : original.slice(start, i);
        fold = isInvisible(char) ? null : foldChar(char);
        if (length === 1 && foldByCode.size < 20_000) foldByCode.set(code, fold);
      }
      if (fold === null) continue;
      folded.push(fold);
    }
    pieceStart.push(start);
    pieceEnd.push(i);
  }

  // Pass 2: drop or collapse filler, and record where each normalized unit comes from.
  let text = '';
  let last = '';
  let starts = new Int32Array(original.length + 16);
  let ends = new Int32Array(original.length + 16);
  let size = 0;
  const push = (piece: number, value: string): void => {
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
      starts[size] = pieceStart[piece]!;
      ends[size] = pieceEnd[piece]!;
      size++;
    }
    if (value !== '') {
      text += value;
      last = value;
    }
  };

  const count = folded.length;
  for (let i = 0; i < count; i++) {
    const text = folded[i]!;
    if (text === '' || !isFiller(text)) {
      push(i, text);
      continue;
    }
    // A run of filler: look at what stands on both sides of it.
    let j = i;
    let isSpaceRun = isWhiteSpaceText(text);
    while (j + 1 < count && isFiller(folded[j + 1]!)) {
      j++;
      if (!isSpaceRun && isWhiteSpaceText(folded[j]!)) isSpaceRun = true;
    }
    const before = lastChar(last);
    const after = j + 1 < count ? folded[j + 1]![0] ?? '' : '';
    const joinsHan = before !== '' && after !== '' && isHan(before) && isHan(after);
    if (!joinsHan) {
      if (isSpaceRun) push(i, ' ');
      else for (let k = i; k <= j; k++) push(k, folded[k]!);
    }
    i = j;
  }

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
