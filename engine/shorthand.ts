// English chat shorthand (u, pls, thx, dont) read as the words it stands for, so a message, a query and a trigger meet.
import { cueLists } from './cue-lists.ts';

// A word of letters and digits standing alone: not the u of "u盘" (a USB stick) or of "bus", nor part of "don't".
const STANDALONE_WORD = /(?<![\p{L}\p{N}'])[a-z0-9]+(?![\p{L}\p{N}'])/gu;
const HAS_LATIN = /[a-z]/u;

/** Text folded for matching (lower case), with each shorthand word written out; other text is kept as it is. */
export function expandShorthand(folded: string): string {
  if (!HAS_LATIN.test(folded)) return folded;
  const words = cueLists().shorthand;
  return folded.replace(STANDALONE_WORD, (word) => (Object.hasOwn(words, word) ? words[word]! : word));
}
