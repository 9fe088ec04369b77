// Typo tolerance for the panel's reply search (fuse.js): refnud finds refund, tuikaun finds 退款. Kept out of the page's picker, whose bundle stays small.
import Fuse from 'fuse.js';
import type { IndexedPhrase, TypoMatcher } from './search.ts';

// Fuse only stands in when nothing matches literally: over long texts it finds loose matches almost anywhere.
const FUZZY_OPTIONS = Object.freeze({
  includeScore: true,
  ignoreLocation: true,
  // Lets one swapped pair of letters through (refnud → refund, tuikaun → tuikuan).
  threshold: 0.35,
  minMatchCharLength: 2,
  keys: ['text', 'pinyinFull'],
});

export const fuseTypos: TypoMatcher = (phrases) => {
  const fuse = new Fuse<IndexedPhrase>(phrases, FUZZY_OPTIONS);
  return {
    find: (query, limit) =>
      fuse.search(query, { limit }).map((result) => ({ phrase: result.item, score: result.score ?? 1 })),
  };
};
