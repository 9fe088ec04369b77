// The shapes of a message that carry emotion whatever its words: a time ahead, a wait counted, money, a loss, a demand.
//
// The learned emotion reader weighs these beside the message's words. Each shape is a kind of language (a day, an
// amount, a count), not a phrase: "flying sunday", "下周五之前必须到" and "by the 3rd" share `time-ahead` though they
// share no word, so a worry the examples put in other words is still read. Which shapes mean anxiety and which anger,
// and how much, is learned from the packs' labelled messages, not written here. The words of each shape are data
// (data/cues/shapes.json, with the other cue lists); what has to be counted is read here.
import { AhoCorasickMatcher } from './aho-corasick.ts';
import { cueLists, cueListsGeneration } from './cue-lists.ts';

/** What every shape's feature name starts with. */
export const SHAPE_PREFIX = 'shape:';

/** Shapes that are counted rather than listed: a test on the folded message, or on the message as written. */
const COUNTED_SHAPES: readonly (readonly [shape: string, pattern: RegExp, asWritten?: true])[] = [
  // An hour or a date ahead: "三点前", "by the 3rd".
  ['time-ahead', /\d{1,2}点|\bthe \d{1,2}(?:st|nd|rd|th)\b/u],
  // A wait counted: "for 9 days", "it's been 15 days", "十天了", "都三周".
  [
    'waited',
    /\b(?:for|since|after|it'?s been|been) (?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|over a) (?:min|mins|minutes|hours?|days?|weeks?|months?)\b|\b\d+ (?:days?|weeks?|hours?) (?:ago|now|later|and)\b|[一二两三四五六七八九十几\d]{1,4} ?(?:天|周|个星期|个礼拜|个月|小时|分钟)了|都[一二两三四五六七八九十几\d]/u,
  ],
  // Tries counted: "3 times", "五遍", "第二次".
  ['again', /[两三四五六七八九十几\d]{1,3} ?[遍次]|第[二三四五六七八九十\d]+次/u],
  // An amount of money: "$180", "¥30", "300块".
  ['money', /[$¥￥€£]\s?\d|\d+ ?(?:元|块|rmb|nt|usd)\b/u],
  ['questions', /[?？]{2,}/u],
  ['exclamations', /[!！]{2,}/u],
  ['capitals', /\b[A-Z]{3,}\b/u, true],
];

interface ShapeWords {
  generation: number;
  matcher: AhoCorasickMatcher | undefined;
  /** The shape of each pattern, by pattern index. */
  shapeOf: string[];
  /** Whether each pattern starts and ends with a Latin letter or digit: it must then stand as a word of its own. */
  latin: boolean[];
}

let shapeWords: ShapeWords | undefined;

/** The automaton over every shape's words, built again when other cue lists are installed. */
function wordsOfShapes(): ShapeWords {
  const generation = cueListsGeneration();
  if (shapeWords?.generation === generation) return shapeWords;
  const patterns: string[] = [];
  const shapeOf: string[] = [];
  for (const [shape, words] of Object.entries(cueLists().shapes))
    for (const word of words) {
      if (word.length === 0) continue;
      patterns.push(word);
      shapeOf.push(shape);
    }
  shapeWords = {
    generation,
    matcher: patterns.length > 0 ? new AhoCorasickMatcher(patterns) : undefined,
    shapeOf,
    latin: patterns.map((word) => LATIN_EDGE.test(word[0]!) && LATIN_EDGE.test(word[word.length - 1]!)),
  };
  return shapeWords;
}

const LATIN_EDGE = /[a-z0-9']/u;

/**
 * The shapes a message has, as features: `folded` is the message as normalizeForMatch folds it (shorthand written out),
 * `original` as written (capitals).
 */
export function shapesOf(original: string, folded: string): string[] {
  const found = new Set<string>();
  const { matcher, shapeOf, latin } = wordsOfShapes();
  for (const hit of matcher?.search(folded) ?? []) {
    const shape = shapeOf[hit.pattern]!;
    if (found.has(shape)) continue;
    const standsAlone =
      !latin[hit.pattern] ||
      (!LATIN_EDGE.test(folded[hit.start - 1] ?? ' ') && !LATIN_EDGE.test(folded[hit.end] ?? ' '));
    if (standsAlone) found.add(shape);
  }
  for (const [shape, pattern, asWritten] of COUNTED_SHAPES)
    if (!found.has(shape) && pattern.test(asWritten ? original : folded)) found.add(shape);
  return [...found].map((shape) => SHAPE_PREFIX + shape);
}
