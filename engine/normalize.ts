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
function isFiller(char: string): boolean {
  return FILLER.has(char) || (char.length === 1 && char > '\u007f' && /\s/u.test(char));
}

// Zero-width and joiner characters never count as text, whatever surrounds them.
const INVISIBLE = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD']);
function isInvisible(char: string): boolean {
  return INVISIBLE.has(char);
}

interface Piece {
  text: string;
  start: number;
  end: number;
}

// Folding is a pure function of the character: remember it (bounded, so hostile input cannot grow it forever).
const foldCache = new Map<string, string>();

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

/**
 * Normalizes `original` for matching and keeps the way back to it.
 * Filler (spaces, middle dots, dashes…) between two Han characters is dropped, so "我 不 能" reads "我不能";
 * elsewhere runs of white space become one space, so "I  can't" keeps its word boundary.
 */
export function normalizeText(original: string): NormalizedText {
  const pieces: Piece[] = [];
  let offset = 0;
  for (const char of original) {
    const start = offset;
    offset += char.length;
    if (isInvisible(char)) continue;
    pieces.push({ text: foldChar(char), start, end: offset });
  }

  const parts: string[] = [];
  let last = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (piece: Piece, value: string): void => {
    for (let i = 0; i < value.length; i++) {
      starts.push(piece.start);
      ends.push(piece.end);
    }
    if (value !== '') {
      parts.push(value);
      last = value;
    }
  };

  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (!isFiller(piece.text) || piece.text === '') {
      push(piece, piece.text);
      continue;
    }
    // A run of filler: look at what stands on both sides of it.
    let j = i;
    while (j + 1 < pieces.length && isFiller(pieces[j + 1]!.text)) j++;
    const before = lastChar(last);
    const after = pieces[j + 1]?.text[0] ?? '';
    const joinsHan = before !== '' && after !== '' && isHan(before) && isHan(after);
    const isSpaceRun = pieces.slice(i, j + 1).some((p) => /\s/u.test(p.text));
    if (!joinsHan) {
      if (isSpaceRun) push(piece, ' ');
      else for (let k = i; k <= j; k++) push(pieces[k]!, pieces[k]!.text);
    }
    i = j;
  }

  return { original, text: parts.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
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
