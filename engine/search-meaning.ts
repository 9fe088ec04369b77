// What a search query means when no reply holds its words: character pairs, pinyin, initials and English stems weighed by rarity against each reply and the scenario it answers (its title, triggers and examples).
import { hanRuns, segmentWords } from './normalize.ts';
import { pinyinOf, splitPinyin } from './pinyin.ts';

/** One reply as the meaning index reads it, in folded text (NFKC, lower case, simplified). */
export interface MeaningDocument {
  /** The reply's own words: its text and title. */
  own: string;
  /** What its scenario or stage is about: title, id and triggers. */
  scope: string;
  /** The scope's example messages: customers' words, looser than its triggers. */
  examples: string;
}

interface MeaningScore {
  /** 0–1: the weighted share of the query found in the reply and its scope together. */
  meaning: number;
  /** 0–1: the same share in the reply's own words (orders replies of one scope). */
  own: number;
  /** 0–1: the same share in what its scope is about (a reply of the subject beats one that mentions it). */
  scope: number;
}

export interface MeaningIndex {
  /** A score per document, in the order given; all zero for a query with nothing to read. */
  score(foldedQuery: string): MeaningScore[];
}

// Words too common to say what a query is about; everything else counts.
const ENGLISH_STOPWORDS = new Set(
  'a an the is are am was be my your our to of for in on at it me i you we he she they and or do does did this that these those please pls can could how what when where why with from about up just so its'.split(
    ' ',
  ),
);

// A pair of Han characters says much more than one character alone.
const SINGLE_CHARACTER_WEIGHT = 0.3;
// A word found only in a scope's example messages counts half: examples tell a story, triggers name the subject.
const EXAMPLE_SHARE = 0.5;
// A word of the examples counts once this many of them (distinct once folded) use it. Chosen on the dev query sets with
// the message corpus in the packs: blind-queries-4 0.844 → 0.878 at two, 0.856 at three (-1 0.889 at both); every word
// at all had cost the sealed -2 two queries; with this rule it gains one (0.786 → 0.800, measured, not chosen on).
const EXAMPLE_RECURRENCE = 2;

function stem(word: string): string {
  return word.length > 4 ? word.replace(/(?:ing|ed|es|s)$/u, '') : word;
}

function englishWords(folded: string): string[] {
  return (folded.match(/[a-z][a-z0-9']*/gu) ?? [])
    .map((word) => word.replace(/'/gu, ''))
    .filter((word) => word.length >= 2 && !ENGLISH_STOPWORDS.has(word));
}

function initialsOf(word: string): string {
  let initials = '';
  for (const char of word) initials += pinyinOf(char)?.charAt(0) ?? '';
  return initials;
}

/** Every feature a document offers: Han characters and pairs, English stems; with spellings, pairs' pinyin and word initials. */
function documentFeatures(folded: string, withSpellings = true): Set<string> {
  const features = new Set<string>();
  for (const run of hanRuns(folded)) {
    const chars = Array.from(run);
    chars.forEach((char, i) => {
      features.add(`c:${char}`);
      const next = chars[i + 1];
      if (next === undefined) return;
      features.add(`b:${char}${next}`);
      if (!withSpellings) return;
      const spelled = (pinyinOf(char) ?? '?') + '·' + (pinyinOf(next) ?? '?');
      features.add(`p:${spelled}`);
    });
    if (!withSpellings) continue;
    const words = segmentWords(run).filter((word) => Array.from(word).length >= 2);
    words.forEach((word, i) => {
      features.add(`i:${initialsOf(word)}`);
      const next = words[i + 1];
      if (next !== undefined) features.add(`i:${initialsOf(word)}${initialsOf(next)}`);
    });
  }
  for (const word of englishWords(folded)) features.add(`w:${stem(word)}`);
  return features;
}

/** One reading of a query token: weighted features, all of which should be found. */
type Reading = { feature: string; weight: number }[];

/** The readings of each token of a query: a Han word one way, a Latin token as English, as pinyin or as initials. */
function queryTokens(folded: string): Reading[][] {
  const tokens: Reading[][] = [];
  for (const run of hanRuns(folded)) {
    // Pairs inside the query's words only: 物流查询 is 物流 and 查询, and 流查 is nobody's word.
    const reading: Reading = [];
    for (const word of segmentWords(run)) {
      const chars = Array.from(word);
      for (const char of chars) reading.push({ feature: `c:${char}`, weight: SINGLE_CHARACTER_WEIGHT });
      for (let i = 0; i + 1 < chars.length; i++) reading.push({ feature: `b:${chars[i]}${chars[i + 1]}`, weight: 1 });
    }
    tokens.push([reading]);
  }
  const latin = folded.replace(/[^a-z0-9'\s]/gu, ' ');
  for (const token of latin.split(/\s+/u).filter((t) => /^[a-z][a-z']*$/u.test(t))) {
    const letters = token.replace(/'/gu, '');
    if (letters.length < 2 || ENGLISH_STOPWORDS.has(letters)) continue;
    const readings: Reading[] = [[{ feature: `w:${stem(letters)}`, weight: 1 }]];
    const syllables = splitPinyin(letters);
    if (syllables && syllables.length >= 2) {
      const reading: Reading = [];
      for (let i = 0; i + 1 < syllables.length; i++)
        reading.push({ feature: `p:${syllables[i]}·${syllables[i + 1]}`, weight: 1 });
      readings.push(reading);
    }
    if (!syllables && letters.length <= 6) readings.push([{ feature: `i:${letters}`, weight: 1 }]);
    tokens.push(readings);
  }
  return tokens;
}

/**
 * The features that recur in a scope's example messages (one per line): a word that comes up in several customers'
 * messages says what the scope is about; one found in a single story (a product, a place, a pet's name) says nothing,
 * and with thousands of examples such words would make every scope match every query.
 */
function recurringExampleFeatures(examples: string): Set<string> {
  const seen = new Map<string, number>();
  // Each line once (the zh-CN and zh-TW packs hold the same examples, one text once folded); example messages are many
  // and long: their pinyin and initials would cost the most and say the least.
  for (const example of new Set(examples.split('\n')))
    for (const feature of documentFeatures(example, false)) seen.set(feature, (seen.get(feature) ?? 0) + 1);
  return new Set([...seen].filter(([, times]) => times >= EXAMPLE_RECURRENCE).map(([feature]) => feature));
}

/** Builds the index once over the documents; scoring a query is one pass over them. */
export function createMeaningIndex(documents: readonly MeaningDocument[]): MeaningIndex {
  // The replies of one scope share its text and its examples: each is read once.
  const scopeFeatures = new Map<string, Set<string>>();
  const exampleFeatures = new Map<string, Set<string>>();
  const remembered = (cache: Map<string, Set<string>>, text: string, read: (text: string) => Set<string>) => {
    let features = cache.get(text);
    if (!features) cache.set(text, (features = read(text)));
    return features;
  };
  const indexed = documents.map((document) => ({
    own: documentFeatures(document.own),
    scope: remembered(scopeFeatures, document.scope, (text) => documentFeatures(text)),
    examples: remembered(exampleFeatures, document.examples, recurringExampleFeatures),
  }));
  // Documents of one scope share its features: count those once per scope, times its size, then each reply's own.
  const documentFrequency = new Map<string, number>();
  const add = (feature: string, by: number): void => {
    documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + by);
  };
  const scopes = new Map<Set<string>, { examples: Set<string>; owns: Set<string>[] }>();
  for (const { own, scope, examples } of indexed) {
    const group = scopes.get(scope) ?? { examples, owns: [] };
    group.owns.push(own);
    scopes.set(scope, group);
  }
  for (const [scope, { examples, owns }] of scopes) {
    for (const feature of scope) add(feature, owns.length);
    for (const feature of examples) if (!scope.has(feature)) add(feature, owns.length);
    for (const own of owns)
      for (const feature of own) if (!scope.has(feature) && !examples.has(feature)) add(feature, 1);
  }
  const count = Math.max(1, indexed.length);
  // A feature no document has weighs the most: a query of gibberish is mostly unmatched, not matched by nothing.
  const rarity = (feature: string): number => Math.log(1 + count / ((documentFrequency.get(feature) ?? 0) + 0.5));

  return {
    score(foldedQuery) {
      const tokens = queryTokens(foldedQuery);
      if (tokens.length === 0) return indexed.map(() => ({ meaning: 0, own: 0, scope: 0 }));
      const share = (reading: Reading, found: (feature: string) => number): number => {
        let got = 0;
        let total = 0;
        for (const { feature, weight } of reading) {
          const value = weight * rarity(feature);
          total += value;
          got += value * found(feature);
        }
        return total === 0 ? 0 : got / total;
      };
      return indexed.map(({ own, scope, examples }) => {
        const anywhere = (f: string): number => (own.has(f) || scope.has(f) ? 1 : examples.has(f) ? EXAMPLE_SHARE : 0);
        const inOwnWords = (f: string): number => (own.has(f) ? 1 : 0);
        const inScope = (f: string): number => (scope.has(f) ? 1 : 0);
        const best = (found: (feature: string) => number): number =>
          tokens.reduce((sum, readings) => sum + Math.max(...readings.map((r) => share(r, found))), 0) / tokens.length;
        return { meaning: best(anywhere), own: best(inOwnWords), scope: best(inScope) };
      });
    },
  };
}
