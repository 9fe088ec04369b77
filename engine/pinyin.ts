// Toneless pinyin keys for homophone matching: customers type 物留 for 物流 or mix pinyin in (shan退 for 闪退).
import { PINYIN_TABLE } from './tables/pinyin.ts';
import { isHan } from './normalize.ts';

// The content script's build leaves the table out (wxt.config.ts) and installs it from storage, where the background
// publishes it with the packs: 17 KB less in every helpdesk tab. Everywhere else it is bundled here.
let table: string | undefined = PINYIN_TABLE as string | undefined;
let syllableOfChar: Map<string, string> | undefined;
let syllables: Set<string> | undefined;

/** The pinyin table as engine/tables/pinyin.ts has it: for the background to publish to the content script. */
export function bundledPinyinTable(): string | undefined {
  return PINYIN_TABLE as string | undefined;
}

/** Gives the engine its pinyin table where the build left it out; engines built before it have none. */
export function installPinyinTable(text: string): void {
  table = text;
  syllableOfChar = undefined;
  syllables = undefined;
}

/** Toneless pinyin of one simplified GB 2312 character (its most common reading), or undefined. */
export function pinyinOf(char: string): string | undefined {
  if (!syllableOfChar) {
    syllableOfChar = new Map();
    for (const line of (table ?? '').split('\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const syllable = line.slice(0, colon);
      for (const c of line.slice(colon + 1)) if (!syllableOfChar.has(c)) syllableOfChar.set(c, syllable);
    }
  }
  return syllableOfChar.get(char);
}

/**
 * Latin letters read as toneless pinyin syllables, longest syllable first ("kuaididaonale" → kuai di dao na le), or
 * undefined when the letters do not spell pinyin throughout ("refund", "wl").
 */
export function splitPinyin(letters: string): string[] | undefined {
  if (!syllables) {
    pinyinOf('的');
    syllables = new Set(syllableOfChar?.values());
  }
  const out: string[] = [];
  let at = 0;
  while (at < letters.length) {
    let length = Math.min(6, letters.length - at);
    while (length > 0 && !syllables.has(letters.slice(at, at + length))) length--;
    if (length === 0) return undefined;
    out.push(letters.slice(at, at + length));
    at += length;
  }
  return out;
}

/** The pinyin spelling of a phrase made only of Han characters that all have a reading, else undefined. */
export function pinyinKeyOfPhrase(phrase: string): string | undefined {
  let key = '';
  for (const char of phrase) {
    const syllable = isHan(char) ? pinyinOf(char) : undefined;
    if (syllable === undefined) return undefined;
    key += syllable;
  }
  return key;
}

/**
 * A message spelled in pinyin: each Han character becomes its syllable, each run of Latin letters stays as typed
 * (it may be pinyin), anything else becomes a break. Units remember where they start in `key` and whether they are Han,
 * so a match can be required to start and end on unit boundaries and to cover at least one Han character.
 */
export interface PinyinSpelling {
  key: string;
  /** unitAt[i]: index of the unit that key position i belongs to, -1 on a break. */
  unitAt: Int32Array;
  unitStart: number[];
  unitEnd: number[];
  unitIsHan: boolean[];
  /** Where each unit came from in the spelled text (UTF-16, end exclusive). */
  unitTextStart: number[];
  unitTextEnd: number[];
}

export function spellInPinyin(normalized: string): PinyinSpelling {
  let key = '';
  const unitAtList: number[] = [];
  const unitStart: number[] = [];
  const unitEnd: number[] = [];
  const unitIsHan: boolean[] = [];
  const unitTextStart: number[] = [];
  const unitTextEnd: number[] = [];
  const addUnit = (text: string, han: boolean, from: number, to: number): void => {
    const unit = unitStart.length;
    unitTextStart.push(from);
    unitTextEnd.push(to);
    unitStart.push(key.length);
    key += text;
    unitEnd.push(key.length);
    unitIsHan.push(han);
    for (let i = 0; i < text.length; i++) unitAtList.push(unit);
  };
  const addBreak = (): void => {
    if (key.length > 0 && key[key.length - 1] !== '/') {
      key += '/';
      unitAtList.push(-1);
    }
  };
  let latinRun = '';
  let latinStart = 0;
  let offset = 0;
  const flushLatin = (): void => {
    if (latinRun) addUnit(latinRun, false, latinStart, latinStart + latinRun.length);
    latinRun = '';
  };
  for (const char of normalized) {
    const at = offset;
    offset += char.length;
    if (char >= 'a' && char <= 'z') {
      if (!latinRun) latinStart = at;
      latinRun += char;
      continue;
    }
    flushLatin();
    const syllable = isHan(char) ? pinyinOf(char) : undefined;
    if (syllable !== undefined) addUnit(syllable, true, at, offset);
    else addBreak();
  }
  flushLatin();
  return { key, unitAt: Int32Array.from(unitAtList), unitStart, unitEnd, unitIsHan, unitTextStart, unitTextEnd };
}

/** Whether key range [start, end) starts and ends on unit boundaries and spells at least one Han character. */
export function isWholeUnitSpan(spelling: PinyinSpelling, start: number, end: number): boolean {
  const first = spelling.unitAt[start] ?? -1;
  const last = spelling.unitAt[end - 1] ?? -1;
  if (first < 0 || last < 0) return false;
  if (spelling.unitStart[first] !== start || spelling.unitEnd[last] !== end) return false;
  for (let unit = first; unit <= last; unit++) if (spelling.unitIsHan[unit]) return true;
  return false;
}
