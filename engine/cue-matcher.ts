// Which named cue lists a normalized text holds, in one pass of one automaton over every list's words.
import { AhoCorasickMatcher } from './aho-corasick.ts';

/** How a Latin word must stand: as a whole word, or at the start of one (a stem: "repl" finds "replied"). */
export type LatinWords = 'whole' | 'start';

/** Names of the lists a text holds a word of. */
export type CueMatcher = (normalized: string) => Set<string>;

const LATIN = /[a-z0-9']/u;

/**
 * Builds the matcher of these lists: a Chinese word is found anywhere; a word that starts with a Latin letter or digit
 * only where no letter precedes it, and with `whole`, where none follows it either.
 */
export function createCueMatcher(lists: Readonly<Record<string, readonly string[]>>, latin: LatinWords): CueMatcher {
  const patterns: string[] = [];
  const listOf: string[] = [];
  for (const [name, words] of Object.entries(lists))
    for (const word of words) {
      if (word.length === 0) continue;
      patterns.push(word);
      listOf.push(name);
    }
  if (patterns.length === 0) return () => new Set();
  const matcher = new AhoCorasickMatcher(patterns);
  const latinStart = patterns.map((word) => LATIN.test(word[0]!));
  const latinEnd = patterns.map((word) => latin === 'whole' && LATIN.test(word[word.length - 1]!));
  return (normalized) => {
    const found = new Set<string>();
    for (const { pattern, start, end } of matcher.search(normalized)) {
      if (latinStart[pattern] && LATIN.test(normalized[start - 1] ?? ' ')) continue;
      if (latinEnd[pattern] && LATIN.test(normalized[end] ?? ' ')) continue;
      found.add(listOf[pattern]!);
    }
    return found;
  };
}
