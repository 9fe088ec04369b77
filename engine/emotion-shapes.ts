// The shapes of a message that carry emotion whatever its words: a time ahead, a wait counted, money, a loss, a demand.
//
// The learned emotion reader weighs these beside the message's words. Each shape is a kind of language (a day, an
// amount, a count), not a phrase: "flying sunday", "下周五之前必须到" and "by the 3rd" share `time-ahead` though they
// share no word, so a worry the examples put in other words is still read. Which shapes mean anxiety and which anger,
// and how much, is learned from the packs' labelled messages, not written here. The words of each shape are data
// (data/cues/shapes.json, with the other cue lists); what has to be counted is read here.
import { createCueMatcher, type CueMatcher } from './cue-matcher.ts';
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

let shapeWords: { generation: number; matcher: CueMatcher } | undefined;

/** The matcher of every shape's words, built again when other cue lists are installed. */
function wordsOfShapes(): CueMatcher {
  const generation = cueListsGeneration();
  if (shapeWords?.generation !== generation)
    shapeWords = { generation, matcher: createCueMatcher(cueLists().shapes, 'whole') };
  return shapeWords.matcher;
}

/**
 * The shapes a message has, as features: `folded` is the message as normalizeForMatch folds it (shorthand written out),
 * `original` as written (capitals).
 */
export function shapesOf(original: string, folded: string): string[] {
  const found = wordsOfShapes()(folded);
  for (const [shape, pattern, asWritten] of COUNTED_SHAPES)
    if (!found.has(shape) && pattern.test(asWritten ? original : folded)) found.add(shape);
  return [...found].map((shape) => SHAPE_PREFIX + shape);
}
