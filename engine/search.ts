// Phrase search over every reply of every scenario and stage: words (simplified or traditional), pinyin initials and full pinyin.
import Fuse from 'fuse.js';
import { pinyin } from 'pinyin-pro';
import { isHan, toSimplified } from './normalize.ts';
import type { MergedPacks, MergedReply } from './types.ts';

export type PhraseScopeKind = 'scenario' | 'stage';

/** How a hit was found, best first; the panel may show it and tests check it. */
export type PhraseMatchKind = 'text' | 'title' | 'scope' | 'pinyin' | 'initials' | 'fuzzy';

export interface PhraseHit {
  scopeKind: PhraseScopeKind;
  /** The scenario or stage the reply belongs to (usage is counted per scope). */
  scopeId: string;
  scopeTitle: string;
  reply: MergedReply;
  /** Higher is better; only meaningful to order hits of one search. */
  score: number;
  matchedBy: PhraseMatchKind;
  /** matchedBy as a rank, 0 best: orders hits of equal kind by something else (the UI language) without this module. */
  matchRank: number;
}

export interface PhraseSearchOptions {
  /** At most this many hits (default 30). */
  limit?: number;
}

export interface PhraseSearch {
  search(query: string, options?: PhraseSearchOptions): PhraseHit[];
  /** How many phrases are indexed. */
  readonly size: number;
}

interface IndexedPhrase {
  scopeKind: PhraseScopeKind;
  scopeId: string;
  scopeTitle: string;
  reply: MergedReply;
  /** Folded (NFKC, lower case, simplified) reply text, reply title and scope title. */
  text: string;
  title: string;
  scope: string;
  /** Toneless pinyin of the text, syllables joined without spaces; other characters kept (lower case). */
  pinyinFull: string;
  /** Offsets in pinyinFull where a syllable (or another character) starts: full-pinyin queries must start on one. */
  syllableStarts: Set<number>;
  /** First letter of each Han syllable; Latin letters and digits kept so mixed text still matches. */
  initials: string;
}

// Tier scores: a literal match in the reply beats its title, pinyin beats initials (fewer chance hits), fuzzy is last.
const TIER_SCORE: Record<PhraseMatchKind, number> = {
  text: 100,
  title: 90,
  pinyin: 80,
  initials: 70,
  scope: 60,
  fuzzy: 40,
};

// Fuse only stands in when nothing matches literally (a typo): over long texts it finds loose matches almost anywhere.
const FUZZY_OPTIONS = Object.freeze({
  includeScore: true,
  ignoreLocation: true,
  // Lets one swapped pair of letters through (refnud → refund, tuikaun → tuikuan).
  threshold: 0.35,
  minMatchCharLength: 2,
  keys: ['text', 'pinyinFull'],
});

/** NFKC, lower case and traditional → simplified: the same folding for phrases and queries. */
export function foldForSearch(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase());
}

function pinyinOf(folded: string): { full: string; starts: Set<number>; initials: string } {
  const chars = Array.from(folded);
  const syllables = pinyin(folded, { toneType: 'none', type: 'array' });
  // pinyin-pro returns one item per code point; fall back to the characters themselves if that ever changes.
  const aligned = syllables.length === chars.length ? syllables : chars;
  let full = '';
  let initials = '';
  const starts = new Set<number>();
  chars.forEach((char, i) => {
    const syllable = isHan(char) ? (aligned[i] ?? char).toLowerCase() : char;
    if (/\s/u.test(syllable)) return;
    starts.add(full.length);
    full += syllable;
    if (isHan(char)) initials += syllable.charAt(0);
    else if (/[\p{L}\p{N}]/u.test(char)) initials += char;
  });
  return { full, starts, initials };
}

function indexPhrases(merged: Pick<MergedPacks, 'scenarios' | 'stages'>): IndexedPhrase[] {
  const phrases: IndexedPhrase[] = [];
  const scopes = [
    ...merged.scenarios.map((s) => ({ kind: 'scenario' as const, id: s.id, title: s.title, replies: s.replies })),
    ...merged.stages.map((s) => ({ kind: 'stage' as const, id: s.id, title: s.title, replies: s.replies })),
  ];
  for (const scope of scopes) {
    for (const reply of scope.replies) {
      const text = foldForSearch(reply.text);
      const pinyinIndex = pinyinOf(text);
      phrases.push({
        scopeKind: scope.kind,
        scopeId: scope.id,
        scopeTitle: scope.title,
        reply,
        text,
        title: foldForSearch(reply.title ?? ''),
        scope: foldForSearch(scope.title),
        pinyinFull: pinyinIndex.full,
        syllableStarts: pinyinIndex.starts,
        initials: pinyinIndex.initials,
      });
    }
  }
  return phrases;
}

/** The best way one query token matches one phrase, with a score; null when it does not. */
function matchToken(phrase: IndexedPhrase, token: string): { kind: PhraseMatchKind; score: number } | null {
  const at = phrase.text.indexOf(token);
  // Earlier matches rank a little higher: the start of a reply is what the agent remembers.
  if (at >= 0) return { kind: 'text', score: TIER_SCORE.text - Math.min(at, 50) / 10 };
  if (phrase.title.includes(token)) return { kind: 'title', score: TIER_SCORE.title };
  if (/^[a-z0-9']+$/u.test(token)) {
    const letters = token.replace(/'/gu, '');
    let from = phrase.pinyinFull.indexOf(letters);
    while (from >= 0) {
      if (phrase.syllableStarts.has(from)) return { kind: 'pinyin', score: TIER_SCORE.pinyin + letters.length / 10 };
      from = phrase.pinyinFull.indexOf(letters, from + 1);
    }
    // One letter as initials would match nearly everything.
    if (letters.length >= 2) {
      const initialAt = phrase.initials.indexOf(letters);
      if (initialAt >= 0) return { kind: 'initials', score: TIER_SCORE.initials - Math.min(initialAt, 50) / 10 };
    }
  }
  if (phrase.scope.includes(token)) return { kind: 'scope', score: TIER_SCORE.scope };
  return null;
}

function hitOf(phrase: IndexedPhrase, score: number, matchedBy: PhraseMatchKind): PhraseHit {
  return {
    scopeKind: phrase.scopeKind,
    scopeId: phrase.scopeId,
    scopeTitle: phrase.scopeTitle,
    reply: phrase.reply,
    score,
    matchedBy,
    matchRank: Object.keys(TIER_SCORE).indexOf(matchedBy),
  };
}

/** Builds the search over the merged packs; the pinyin index is built on the first search, not at panel start. */
export function createPhraseSearch(merged: Pick<MergedPacks, 'scenarios' | 'stages'>): PhraseSearch {
  let phrases: IndexedPhrase[] | undefined;
  let fuse: Fuse<IndexedPhrase> | undefined;
  const ensureIndex = (): IndexedPhrase[] => {
    phrases ??= indexPhrases(merged);
    return phrases;
  };
  return {
    get size() {
      return ensureIndex().length;
    },
    search(query, options = {}) {
      const limit = options.limit ?? 30;
      const tokens = foldForSearch(query)
        .split(/[\s,.;:!?，。；：！？、]+/u)
        .filter((t) => t !== '');
      if (tokens.length === 0) return [];
      const all = ensureIndex();
      const hits: PhraseHit[] = [];
      const found = new Set<IndexedPhrase>();
      for (const phrase of all) {
        let total = 0;
        let weakest: PhraseMatchKind = 'text';
        let matchedAll = true;
        for (const token of tokens) {
          const match = matchToken(phrase, token);
          if (!match) {
            matchedAll = false;
            break;
          }
          total += match.score;
          if (TIER_SCORE[match.kind] < TIER_SCORE[weakest]) weakest = match.kind;
        }
        if (!matchedAll) continue;
        found.add(phrase);
        hits.push(hitOf(phrase, total / tokens.length, weakest));
      }
      const whole = tokens.join(' ');
      // Typos: only when the literal tiers found nothing, and for queries long enough to be more than noise.
      if (hits.length === 0 && Array.from(whole).length >= 3) {
        fuse ??= new Fuse(all, FUZZY_OPTIONS);
        for (const result of fuse.search(whole, { limit })) {
          if (found.has(result.item)) continue;
          hits.push(hitOf(result.item, TIER_SCORE.fuzzy * (1 - (result.score ?? 1)), 'fuzzy'));
        }
      }
      // Stable on ties: pack and list order (the order the team lead wrote) decides.
      return hits
        .map((hit, order) => ({ hit, order }))
        .sort((a, b) => b.hit.score - a.hit.score || a.order - b.order)
        .slice(0, limit)
        .map(({ hit }) => hit);
    },
  };
}
