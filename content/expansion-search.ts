// The picker's reply search in the content script: words, full pinyin and pinyin initials from the engine's own pinyin table (no pinyin-pro, no fuse.js: the content bundle stays small).
import { pinyinOf, languageTier, isHan, toSimplified } from '../engine/index.ts';
import type { MergedPacks, MergedReply } from '../engine/types.ts';

export interface ExpansionCandidate {
  scopeKind: 'scenario' | 'stage';
  scopeId: string;
  scopeTitle: string;
  reply: MergedReply;
}

interface IndexedCandidate {
  candidate: ExpansionCandidate;
  order: number;
  text: string;
  title: string;
  scope: string;
  pinyin: string;
  /** Offsets in `pinyin` where a syllable starts: a full-pinyin query must start on one. */
  syllableStarts: Set<number>;
  initials: string;
}

export interface ExpansionSearch {
  /** Matching replies, best first. With an empty query: the current scenarios' replies, then the stages'. */
  /**
   * `locale`: the language replies are wanted in. A reply the packs carry in several languages (one id) is offered once,
   * in the language that matched the query best, else the one closest to `locale`.
   */
  search(
    query: string,
    options: { currentScenarioIds: readonly string[]; limit: number; locale?: string },
  ): ExpansionCandidate[];
}

function fold(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase());
}

function spell(folded: string): { pinyin: string; starts: Set<number>; initials: string } {
  let pinyin = '';
  let initials = '';
  const starts = new Set<number>();
  for (const char of folded) {
    if (/\s/u.test(char)) continue;
    const syllable = isHan(char) ? pinyinOf(char) : undefined;
    starts.add(pinyin.length);
    if (syllable) {
      pinyin += syllable;
      initials += syllable.charAt(0);
    } else {
      pinyin += char;
      if (/[\p{L}\p{N}]/u.test(char) && !isHan(char)) initials += char;
    }
  }
  return { pinyin, starts, initials };
}

// Tiers: literal text beats the title, full pinyin beats initials, the scenario's name is last.
function tokenScore(item: IndexedCandidate, token: string): number {
  const at = item.text.indexOf(token);
  if (at >= 0) return 100 - Math.min(at, 50) / 10;
  if (item.title.includes(token)) return 90;
  if (/^[a-z0-9]+$/u.test(token)) {
    for (let from = item.pinyin.indexOf(token); from >= 0; from = item.pinyin.indexOf(token, from + 1)) {
      if (item.syllableStarts.has(from)) return 80;
    }
    // One letter as initials would match nearly everything.
    if (token.length >= 2) {
      const initialAt = item.initials.indexOf(token);
      if (initialAt >= 0) return 70 - Math.min(initialAt, 50) / 10;
    }
  }
  if (item.scope.includes(token)) return 60;
  return -1;
}

/** The first of each reply (scope and id) in an ordered list: its other languages are left out. */
function oncePerReply(ordered: readonly ExpansionCandidate[]): ExpansionCandidate[] {
  const listed = new Set<string>();
  return ordered.filter((candidate) => {
    const key = `${candidate.scopeId}|${candidate.reply.id}`;
    if (listed.has(key)) return false;
    listed.add(key);
    return true;
  });
}

export function createExpansionSearch(merged: Pick<MergedPacks, 'scenarios' | 'stages'>): ExpansionSearch {
  const candidates: ExpansionCandidate[] = [
    ...merged.scenarios.flatMap((s) =>
      s.replies.map((reply) => ({ scopeKind: 'scenario' as const, scopeId: s.id, scopeTitle: s.title, reply })),
    ),
    ...merged.stages.flatMap((s) =>
      s.replies.map((reply) => ({ scopeKind: 'stage' as const, scopeId: s.id, scopeTitle: s.title, reply })),
    ),
  ];
  let index: IndexedCandidate[] | undefined;
  // Built on the first search, not when the page loads: most sessions never open the picker.
  const ensureIndex = (): IndexedCandidate[] =>
    (index ??= candidates.map((candidate, order) => {
      const text = fold(candidate.reply.text);
      const spelled = spell(text);
      return {
        candidate,
        order,
        text,
        title: fold(candidate.reply.title ?? ''),
        scope: fold(candidate.scopeTitle),
        pinyin: spelled.pinyin,
        syllableStarts: spelled.starts,
        initials: spelled.initials,
      };
    }));

  return {
    search(query, { currentScenarioIds, limit, locale }) {
      const rankOfScope = (c: ExpansionCandidate): number => {
        const at = c.scopeKind === 'scenario' ? currentScenarioIds.indexOf(c.scopeId) : -1;
        return at >= 0 ? at : currentScenarioIds.length;
      };
      const tierOf = (c: ExpansionCandidate): number => (locale ? languageTier(c.reply.locale, locale) : 0);
      const tokens = fold(query)
        .split(/[\s,.;:!?，。；：！？、]+/u)
        .filter((t) => t !== '');
      if (tokens.length === 0) {
        // The trigger alone: what the panel would suggest now (the detected scenarios), then the stages (greetings, closings).
        const current = candidates.filter((c) => rankOfScope(c) < currentScenarioIds.length);
        const stages = candidates.filter((c) => c.scopeKind === 'stage');
        const byLanguage = (a: ExpansionCandidate, b: ExpansionCandidate) => tierOf(a) - tierOf(b);
        return oncePerReply([
          ...current.sort((a, b) => rankOfScope(a) - rankOfScope(b) || byLanguage(a, b)),
          ...stages.sort(byLanguage),
        ]).slice(0, limit);
      }
      const scored: { item: IndexedCandidate; score: number }[] = [];
      for (const item of ensureIndex()) {
        let total = 0;
        for (const token of tokens) {
          const score = tokenScore(item, token);
          if (score < 0) {
            total = -1;
            break;
          }
          total += score;
        }
        if (total >= 0) scored.push({ item, score: total / tokens.length });
      }
      // Ties: the current scenario first, then the packs' own order.
      const best = scored
        .sort(
          (a, b) =>
            b.score - a.score ||
            tierOf(a.item.candidate) - tierOf(b.item.candidate) ||
            rankOfScope(a.item.candidate) - rankOfScope(b.item.candidate) ||
            a.item.order - b.item.order,
        )
        .map(({ item }) => item.candidate);
      return oncePerReply(best).slice(0, limit);
    },
  };
}
