// The one reply search of the panel and the `;;` picker: words (simplified or traditional), full pinyin and pinyin initials from the engine's own table, typos, ranked by match, language and the conversation's scenarios.
import Fuse from 'fuse.js/basic';
import { isHan, segmentWords, toSimplified } from './normalize.ts';
import { pinyinOf as syllableOf } from './pinyin.ts';
import { languageTier } from './ranking.ts';
import { isMyRepliesPack } from './my-replies.ts';
import { createScenarioDetector } from './detect.ts';
import { detectEmotion } from './emotion.ts';
import { createMeaningIndex, type MeaningIndex } from './search-meaning.ts';
import { expandShorthand } from './shorthand.ts';
import type { MergedPacks, MergedReply, ScenarioMatch } from './types.ts';

type PhraseScopeKind = 'scenario' | 'stage';

/** How a hit was found, best first; the panel may show it and tests check it. */
type PhraseMatchKind = 'shortcut' | 'text' | 'title' | 'pinyin' | 'initials' | 'asked' | 'scope' | 'meaning' | 'fuzzy';

export interface PhraseHit {
  scopeKind: PhraseScopeKind;
  /** The scenario or stage the reply belongs to (usage is counted per scope). */
  scopeId: string;
  scopeTitle: string;
  reply: MergedReply;
  /** Higher is better; only meaningful to order hits of one search. */
  score: number;
  matchedBy: PhraseMatchKind;
  /** matchedBy as a rank, 0 best; initials and scope share one. */
  matchRank: number;
}

interface PhraseSearchOptions {
  /** At most this many hits (default 30). */
  limit?: number;
  /** The language replies are wanted in (the conversation's): among equal matches it comes first. */
  locale?: string;
  /** The scenarios detected in the latest customer message, best first: among equal matches their replies lead. */
  currentScenarioIds?: readonly string[];
}

export interface PhraseSearch {
  /**
   * Replies matching every word of the query, best first; each reply (scope and id) once, in the language that matched
   * best, else the one closest to `locale`. Nothing for an empty query: no match is said, never guessed.
   */
  search(query: string, options?: PhraseSearchOptions): PhraseHit[];
  /** What to offer before anything is typed: the current scenarios' replies, then the stages' (greetings, closings). */
  suggest(options: PhraseSearchOptions): PhraseHit[];
  /** How many phrases are indexed. */
  readonly size: number;
  /** Builds now what the first search would build (the indexes, the reader of queries): call it when the page is idle. */
  prepare(): void;
}

interface IndexedPhrase {
  scopeKind: PhraseScopeKind;
  scopeId: string;
  scopeTitle: string;
  reply: MergedReply;
  /** Where the reply stands in the packs (the order the team lead wrote). */
  order: number;
  /** A stage's search words, each as a query's words joined by spaces; [] for a scenario. */
  triggers: readonly string[];
  /** Folded (NFKC, lower case, simplified) reply text, reply title and scope title; the shortcut, '' when none. */
  text: string;
  shortcut: string;
  title: string;
  scope: string;
  /** Toneless pinyin of the text, syllables joined without spaces; other characters kept (lower case). */
  pinyinFull: string;
  /** Offsets in pinyinFull where a syllable (or another character) starts: full-pinyin queries must start on one. */
  syllableStarts: Set<number>;
  /** First letter of each Han syllable; Latin letters and digits kept so mixed text still matches. */
  initials: string;
  wordStarts: Set<number>;
  wordEnds: Set<number>;
  singleWords: Set<number>;
  /** What the scope is about, folded: its title, id and triggers; then its example messages (the meaning index). */
  about: string;
  examples: string;
}

// Fuse only stands in when nothing matches literally (a typo): over long texts it finds loose matches almost anywhere.
const TYPO_OPTIONS = Object.freeze({
  includeScore: true,
  ignoreLocation: true,
  // Lets one swapped pair of letters through (refnud → refund, tuikaun → tuikuan).
  threshold: 0.35,
  minMatchCharLength: 2,
  keys: ['text', 'pinyinFull'],
});

// Tier scores: a literal match in the reply beats its title, pinyin beats initials (fewer chance hits), fuzzy is last.
const TIER_SCORE: Record<PhraseMatchKind, number> = {
  // The reply's own shortcut, typed whole: the agent named this reply.
  shortcut: 120,
  text: 100,
  title: 90,
  pinyin: 80,
  initials: 70,
  scope: 60,
  meaning: 50,
  // The query read as a customer's message ("快递到哪了", "can you hurry the delivery"): the detector's scenario. It
  // shares the meaning tier: a strong reading of the query's own words (an agent's "问题解决了吗") outweighs it.
  asked: 50,
  fuzzy: 40,
};
const MATCH_RANK = Object.keys(TIER_SCORE) as PhraseMatchKind[];
// How much the meaning of a query moves a hit within its tier, and the least share of it a reply must hold to be found
// by meaning alone (below, the search says "no match" rather than offer something unrelated).
const MEANING_WEIGHT = 10;
const SCOPE_SHARE = 0.75;
const OWN_WORDS_SHARE = 0.5;
const MEANING_BAR = 0.6;
const SINGLE_WORD_PENALTY = 5;
// The least score at which the detector's reading of a query finds its scenario's replies: below it, a keyword's chance
// resemblance to a customer's message would bring a scenario the agent did not ask for.
const ASKED_BAR = 0.75;
// Scenarios read within this of the first one count as read too.
const ASKED_TIE = 0.03;
// How much the detector's reading adds within the meaning tier (a score of 1 adds this much).
const ASKED_WEIGHT = 12;

/** NFKC, lower case and traditional → simplified: the same folding for phrases and queries. */
export function foldForSearch(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase());
}

/** A query's words, folded: what every token match reads. */
function searchWords(text: string): string[] {
  return expandShorthand(foldForSearch(text))
    .split(/[\s,.;:!?，。；：！？、]+/u)
    .filter((t) => t !== '');
}

interface Spelling {
  full: string;
  starts: Set<number>;
  initials: string;
  /** Offsets in initials where a Chinese word of two or more characters starts. */
  wordStarts: Set<number>;
  /** Offsets in initials that end a Chinese word (exclusive), and the offsets of one-character words. */
  wordEnds: Set<number>;
  singleWords: Set<number>;
}

function spell(folded: string): Spelling {
  let full = '';
  let initials = '';
  const starts = new Set<number>();
  const wordStarts = new Set<number>();
  const wordEnds = new Set<number>();
  const singleWords = new Set<number>();
  for (const segment of segmentWords(folded)) {
    const chars = Array.from(segment);
    const chinese = chars.every((char) => isHan(char) && syllableOf(char) !== undefined);
    if (chinese && chars.length >= 2) wordStarts.add(initials.length);
    if (chinese && chars.length === 1) singleWords.add(initials.length);
    for (const char of chars) {
      if (/\s/u.test(char)) continue;
      const syllable = isHan(char) ? syllableOf(char) : undefined;
      starts.add(full.length);
      if (syllable) {
        full += syllable;
        initials += syllable.charAt(0);
      } else {
        full += char;
        if (/[\p{L}\p{N}]/u.test(char) && !isHan(char)) initials += char;
      }
    }
    if (chinese) wordEnds.add(initials.length);
  }
  return { full, starts, initials, wordStarts, wordEnds, singleWords };
}

/**
 * Where initials spell whole Chinese words (wl → 物流, qxdd → 取消订单, yhq → 优惠|券, dz → 到|账), and how many
 * one-character words they take in; undefined when they start or end inside a word, run over other text, or take in
 * more than two one-character words (chance).
 */
function wordInitialsAt(phrase: IndexedPhrase, letters: string): { at: number; singles: number } | undefined {
  for (let at = phrase.initials.indexOf(letters); at >= 0; at = phrase.initials.indexOf(letters, at + 1)) {
    const end = at + letters.length;
    const startsWord = phrase.wordStarts.has(at) || phrase.singleWords.has(at);
    if (!startsWord || !phrase.wordEnds.has(end)) continue;
    let singles = 0;
    let whole = true;
    for (let i = at; i < end && whole; i++) {
      if (phrase.singleWords.has(i)) singles++;
      // Every offset inside is a Chinese word's start, a one-character word, or inside a word begun in the span.
      if (i > at && phrase.wordEnds.has(i) && !phrase.wordStarts.has(i) && !phrase.singleWords.has(i)) whole = false;
    }
    if (whole && singles <= 2) return { at, singles };
  }
  return undefined;
}

/** Where a Latin token starts a word of the text ("wl" is not in "knowledge"), or -1; other tokens anywhere. */
function indexAtWordStart(text: string, token: string): number {
  if (!/^[a-z0-9]/u.test(token)) return text.indexOf(token);
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1))
    if (at === 0 || !/[a-z0-9]/u.test(text.charAt(at - 1))) return at;
  return -1;
}

function indexPhrases(merged: Pick<MergedPacks, 'scenarios' | 'stages'>): IndexedPhrase[] {
  const aboutOf = (id: string, title: string, words: readonly string[]): string =>
    foldForSearch([title, id.replace(/[._]/gu, ' '), ...words].join('\n'));
  const scopes = [
    ...merged.scenarios.map((s) => ({
      kind: 'scenario' as const,
      id: s.id,
      title: s.title,
      replies: s.replies,
      about: aboutOf(s.id, s.title, s.triggers),
      named: s.title,
      triggers: [] as string[],
      examples: foldForSearch(s.examples.join('\n')),
    })),
    ...merged.stages.map((s) => ({
      kind: 'stage' as const,
      id: s.id,
      title: s.title,
      replies: s.replies,
      about: aboutOf(s.id, s.title, s.triggers ?? []),
      // A stage's triggers are the words agents search it by: matched like its name.
      named: [s.title, ...(s.triggers ?? [])].join('\n'),
      triggers: (s.triggers ?? []).map((t) => searchWords(t).join(' ')),
      examples: '',
    })),
  ];
  const phrases: IndexedPhrase[] = [];
  for (const scope of scopes) {
    for (const reply of scope.replies) {
      const text = foldForSearch(reply.text);
      const spelled = spell(text);
      phrases.push({
        scopeKind: scope.kind,
        scopeId: scope.id,
        scopeTitle: scope.title,
        reply,
        order: phrases.length,
        text,
        title: foldForSearch(reply.title ?? ''),
        shortcut: searchWords(reply.shortcut ?? '').join(' '),
        scope: foldForSearch(scope.named),
        triggers: scope.triggers,
        pinyinFull: spelled.full,
        syllableStarts: spelled.starts,
        initials: spelled.initials,
        wordStarts: spelled.wordStarts,
        wordEnds: spelled.wordEnds,
        singleWords: spelled.singleWords,
        about: scope.about,
        examples: scope.examples,
      });
    }
  }
  return phrases;
}

/** The best way one query token matches one phrase, with a score; null when it does not. */
function matchToken(phrase: IndexedPhrase, token: string): { kind: PhraseMatchKind; score: number } | null {
  const at = indexAtWordStart(phrase.text, token);
  // Earlier matches rank a little higher: the start of a reply is what the agent remembers.
  if (at >= 0) return { kind: 'text', score: TIER_SCORE.text - Math.min(at, 50) / 10 };
  if (indexAtWordStart(phrase.title, token) >= 0) return { kind: 'title', score: TIER_SCORE.title };
  if (/^[a-z0-9']+$/u.test(token)) {
    const letters = token.replace(/'/gu, '');
    for (
      let from = phrase.pinyinFull.indexOf(letters);
      from >= 0;
      from = phrase.pinyinFull.indexOf(letters, from + 1)
    ) {
      if (phrase.syllableStarts.has(from)) return { kind: 'pinyin', score: TIER_SCORE.pinyin + letters.length / 10 };
    }
    // One letter as initials would match nearly everything.
    if (letters.length >= 2) {
      const initials = wordInitialsAt(phrase, letters);
      // One-character words line up by chance more often than real words do (我|来 against 物流).
      if (initials)
        return {
          kind: 'initials',
          score: TIER_SCORE.initials - Math.min(initials.at, 50) / 10 - SINGLE_WORD_PENALTY * initials.singles,
        };
    }
  }
  if (indexAtWordStart(phrase.scope, token) >= 0) return { kind: 'scope', score: TIER_SCORE.scope };
  return null;
}

// Initials and a scope's name are loose readings: they share a rank and the score decides. Meaning comes after them,
// so a reply spelled by the agent's initials is never pushed down by one in the wanted language found by meaning alone.
const LOOSE_KINDS: ReadonlySet<PhraseMatchKind> = new Set(['initials', 'scope']);
const rankOf = (kind: PhraseMatchKind): number =>
  MATCH_RANK.indexOf(LOOSE_KINDS.has(kind) ? 'initials' : kind === 'asked' ? 'meaning' : kind);

function hitOf(phrase: IndexedPhrase, score: number, matchedBy: PhraseMatchKind): PhraseHit {
  return {
    scopeKind: phrase.scopeKind,
    scopeId: phrase.scopeId,
    scopeTitle: phrase.scopeTitle,
    reply: phrase.reply,
    score,
    matchedBy,
    matchRank: rankOf(matchedBy),
  };
}

/**
 * Best first: how it matched, then the wanted language, then relevance, then the current scenarios, then the packs'
 * order; each reply (scope and id) once, so a translated reply shows in its best language only.
 */
function ranked(
  hits: readonly { hit: PhraseHit; order: number }[],
  options: PhraseSearchOptions,
  limit: number,
): PhraseHit[] {
  const current = options.currentScenarioIds ?? [];
  const scopeRank = (hit: PhraseHit): number => {
    const at = hit.scopeKind === 'scenario' ? current.indexOf(hit.scopeId) : -1;
    return at >= 0 ? at : current.length;
  };
  const tier = (hit: PhraseHit): number => (options.locale ? languageTier(hit.reply.locale, options.locale) : 0);
  const listed = new Set<string>();
  return [...hits]
    .sort(
      (a, b) =>
        a.hit.matchRank - b.hit.matchRank ||
        tier(a.hit) - tier(b.hit) ||
        b.hit.score - a.hit.score ||
        scopeRank(a.hit) - scopeRank(b.hit) ||
        a.order - b.order,
    )
    .filter(({ hit }) => {
      const key = `${hit.scopeId}|${hit.reply.id}`;
      if (listed.has(key)) return false;
      listed.add(key);
      return true;
    })
    .slice(0, limit)
    .map(({ hit }) => hit);
}

// An agent describing the customer ("客户要加我微信", "customer furious", "奥客 骂脏话"): the customer's words are read from
// the customer's side (我 ↔ 你), and a customer named only by their anger asks for the replies to an angry customer.
const CUSTOMER_SUBJECT =
  /^\s*(?:(?:the |my |a |this )?(?:customer|client|buyer|caller|guest)s?|客户|顾客|客人|买家|奥客|用户|消费者|对方)\s*(?:说|问|一直|又|在|is|was|keeps|wants to|wants|says|said|asks|asked)?\s*/u;
const ANGRY_SCENARIO = 'angry_abusive';
const STAFF_COMPLAINT_SCENARIO = 'staff_complaint';
const STAFF_NAMED = /客服|店员|员工|工作人员|师傅|司机|快递员|骑手|\b(?:agent|staff|employee|driver|courier|rep)s?\b/u;
// How agents say a customer is abusive, beside the words customers use themselves (detectEmotion's cues).
const ABUSE_DESCRIBED = /\b(?:yell|shout|swear|curs|scream)|骂|脏话|吼|爆粗/u;

/** The query as the customer would have said it, when it describes the customer; undefined otherwise. */
function fromCustomersSide(folded: string): string | undefined {
  const subject = CUSTOMER_SUBJECT.exec(folded);
  if (!subject || subject[0].trim() === '') return undefined;
  const rest = folded.slice(subject[0].length);
  if (rest.trim() === '') return undefined;
  return rest.replace(/我|你|您/gu, (word) => (word === '我' ? '你' : '我')).replace(/\bme\b/gu, 'you');
}

/** Reads a customer's message: the scenarios it is about, best first (the engine's detector). */
export type ScenarioReader = (text: string) => readonly ScenarioMatch[];

/**
 * Builds the search over the merged packs; the pinyin index is built on the first search, not when a page opens. A query
 * is also read as a customer's message would be, by `readScenarios` (the engine's detection, where one is at hand), else
 * by a detector built from the packs on the first search.
 */
export function createPhraseSearch(
  merged: Pick<MergedPacks, 'scenarios' | 'stages'> & Partial<Pick<MergedPacks, 'noScenarioExamples'>>,
  readScenarios?: ScenarioReader,
): PhraseSearch {
  let read = readScenarios;
  const askedOf = (query: string, customerSays: string | undefined): Map<string, number> => {
    read ??= (
      (detect) => (text: string) =>
        detect(text, 3)
    )(createScenarioDetector(merged.scenarios, undefined, merged.noScenarioExamples ?? []));
    let found = customerSays === undefined ? read(query) : read(customerSays);
    if (customerSays !== undefined && found.length === 0) found = read(query);
    const abuseDescribed = customerSays !== undefined && ABUSE_DESCRIBED.test(customerSays);
    // "客户说你们客服骂人": the customer reports a member of staff who swore, and the staff complaint is what was asked.
    const staffNamed = customerSays !== undefined && STAFF_NAMED.test(customerSays);
    const angry = abuseDescribed || (customerSays !== undefined && detectEmotion(customerSays) === 'angry');
    // "客人在电话里骂人": the customer is the one who swears; read in the customer's own mouth, the same words report a
    // member of staff who swore (staff_complaint), the mirror of what the agent asked.
    if (angry)
      found = [
        { id: ANGRY_SCENARIO, score: 1 },
        ...found.filter(
          (s) => s.id !== ANGRY_SCENARIO && !(abuseDescribed && !staffNamed && s.id === STAFF_COMPLAINT_SCENARIO),
        ),
      ];
    // The reading's first scenario, and any as sure as it: a runner-up is a second guess, not what was asked.
    const bar = Math.max(ASKED_BAR, (found[0]?.score ?? 1) - ASKED_TIE);
    return new Map(found.filter((s) => s.score >= bar).map((s) => [s.id, s.score]));
  };
  let phrases: IndexedPhrase[] | undefined;
  let typos: Fuse<IndexedPhrase> | undefined;
  let meanings: MeaningIndex | undefined;
  const ensureIndex = (): IndexedPhrase[] => (phrases ??= indexPhrases(merged));
  const ensureMeanings = (): MeaningIndex =>
    (meanings ??= createMeaningIndex(
      ensureIndex().map((phrase) => ({
        own: `${phrase.text}\n${phrase.title}`,
        scope: `${phrase.scope}\n${phrase.about}`,
        examples: phrase.examples,
      })),
    ));
  return {
    get size() {
      return ensureIndex().length;
    },
    prepare() {
      ensureMeanings();
      askedOf('', undefined);
    },
    suggest(options) {
      const current = options.currentScenarioIds ?? [];
      const offered = ensureIndex().filter(
        (phrase) => phrase.scopeKind === 'stage' || current.includes(phrase.scopeId),
      );
      // Stages after the scenarios: ranked() orders scopes by the current list, stages last.
      return ranked(
        offered.map((phrase) => ({ hit: hitOf(phrase, 0, 'text'), order: phrase.order })),
        options,
        options.limit ?? 30,
      );
    },
    search(query, options = {}) {
      const limit = options.limit ?? 30;
      const tokens = searchWords(query);
      // One key held down (zzzz, ……) is no query: say so rather than offer a reply.
      if (tokens.length === 0 || tokens.every((token) => /^(.)\1{2,}$/su.test(token))) return [];
      const all = ensureIndex();
      // A query that describes the customer means what the customer said, not the word "customer".
      const customerSays = fromCustomersSide(foldForSearch(query));
      const meaning = ensureMeanings().score(customerSays ?? tokens.join(' '));
      const hits: { hit: PhraseHit; order: number }[] = [];
      const whole = tokens.join(' ');
      const asked = askedOf(query, customerSays);
      all.forEach((phrase, at) => {
        if (phrase.shortcut !== '' && phrase.shortcut === whole) {
          // A team pack may use the agent's own shortcut too: the agent's reply is the one they meant.
          const own = isMyRepliesPack(phrase.reply.packId) ? 1 : 0;
          hits.push({ hit: hitOf(phrase, TIER_SCORE.shortcut + own, 'shortcut'), order: phrase.order });
          return;
        }
        // The whole query is one of a stage's search words ("wait", "转人工"): the agent named the stage.
        if (phrase.triggers.includes(whole)) {
          // Above any literal hit (a text match plus the most meaning can add): the stage is what was asked for.
          hits.push({ hit: hitOf(phrase, TIER_SCORE.text + 3 * MEANING_WEIGHT, 'text'), order: phrase.order });
          return;
        }
        const read = meaning[at]!;
        // Meaning orders the literal hits among themselves, and finds replies whose words differ from the query's.
        const bonus = MEANING_WEIGHT * (read.meaning + SCOPE_SHARE * read.scope + OWN_WORDS_SHARE * read.own);
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
        const askedScore = phrase.scopeKind === 'scenario' ? (asked.get(phrase.scopeId) ?? 0) : 0;
        if (matchedAll) hits.push({ hit: hitOf(phrase, total / tokens.length + bonus, weakest), order: phrase.order });
        else if (askedScore > 0)
          hits.push({
            hit: hitOf(phrase, TIER_SCORE.asked + bonus + ASKED_WEIGHT * askedScore, 'asked'),
            order: phrase.order,
          });
        else if (read.meaning >= MEANING_BAR)
          hits.push({ hit: hitOf(phrase, TIER_SCORE.meaning + bonus, 'meaning'), order: phrase.order });
      });
      // Typos: only when the literal tiers found nothing, and for queries long enough to be more than noise.
      if (hits.length === 0 && Array.from(whole).length >= 3) {
        typos ??= new Fuse(all, TYPO_OPTIONS);
        for (const { item, score } of typos.search(whole, { limit }))
          hits.push({ hit: hitOf(item, TIER_SCORE.fuzzy * (1 - (score ?? 1)), 'fuzzy'), order: item.order });
      }
      return ranked(hits, options, limit);
    },
  };
}
