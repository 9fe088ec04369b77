// The engine's entry for every runtime: builds a matcher from packs and exposes detect() and lint(), and the small pure
// helpers the panel and the content script share (reply ranking, variables, masking, language, pinyin). Reading and
// checking pack files is the other entry, engine/packs.ts; the reply search (search.ts) serves the panel and the page's `;;` picker alike.
import {
  detectEmotion,
  emotionGivenScenario,
  statesCalm,
  isCourteous,
  isSarcastic,
  statesComplaintFact,
} from './emotion.ts';
import { isAside } from './detect-aside.ts';
import { withoutMoodDisclaimers, withoutSelfDeprecation } from './detect-self.ts';
import { expandShorthand } from './shorthand.ts';
import { createEmotionReader, trainedEmotionReader, type TrainedEmotionReader } from './emotion-learned.ts';
import { createChecklistReader, type ChecklistReader } from './checklist.ts';
export { createChecklistReader, worstSeverity, type ChecklistReader } from './checklist.ts';
import { normalizeForMatch } from './normalize.ts';
import { createScenarioDetector } from './detect.ts';
import { MAX_INPUT_LINE_CHARS } from './limits.ts';
import { createLinter, type Linter } from './lint.ts';
import { withLearnedFindings, type TrainedDraftReader } from './lint-learned.ts';
import { classifierData } from './draft-classifier.ts';
export type { TrainedDraftReader } from './lint-learned.ts';
export type { TrainedEmotionReader } from './emotion-learned.ts';
import { mergePacks } from './pack-merge.ts';
import { createCatalog, type Catalog } from './catalog.ts';
import { findSensitive } from './sensitive.ts';
import type { Detection, Emotion, Finding, Pack, ScenarioMatch } from './types.ts';

export * from './types.ts';
export { checklistTitles, createCatalog, scopeTitles, type Catalog } from './catalog.ts';
export {
  buildMyRepliesPack,
  buildMyRepliesPacks,
  isMyRepliesPack,
  checkMyReply,
  moveMyReply,
  MY_REPLY_LIMITS,
  recogniseVariables,
  titleOf as myReplyTitle,
  type MyReply,
  type MyReplyField,
  type MyReplyProblem,
} from './my-replies.ts';
export { MAX_INPUT_LINE_CHARS } from './limits.ts';
export {
  languageTier,
  rankReplies,
  recordReplyUse,
  replyUsageToCsv,
  resetReplyUsage,
  type ReplyUsageCounts,
} from './ranking.ts';
export { fillVariables, findVariables } from './variables.ts';
export { findUnfilledFields, renderFields, type FieldSpan } from './fields.ts';
export { fillTemplate } from './template.ts';
export { replyLanguage, replyValues } from './replies.ts';
export { createOrderNumberFinder } from './order-number.ts';
export { createPhraseSearch, type PhraseHit, type PhraseSearch } from './search.ts';
export { maskSensitive } from './sensitive.ts';
export { audienceNames, packsForAgent } from './audience.ts';
export { bundledPinyinTable, installPinyinTable } from './pinyin.ts';
export { bundledCueLists, installCueLists, type CueLists } from './cue-lists.ts';
export { bundledTraditionalTable, installTraditionalTable } from './normalize.ts';
export {
  buildTaughtPack,
  freshUnmatched,
  maskCustomerMessage,
  scenarioTitles,
  TAUGHT_PACK_ID,
  TEACH_LIMITS,
  withCorrection,
  withUnmatched,
  type TaughtCorrection,
  type UnmatchedMessage,
} from './teach.ts';

interface DetectOptions {
  /** How many scenarios at most (default 3). */
  top?: number;
  /**
   * False: an emotion reader still training (prepareEmotion) is not waited for; the cue lists alone read the emotion
   * until it is ready, so a tab's first detection does not wait for its training.
   */
  waitForEmotionReader?: boolean;
}

export interface Engine extends Catalog {
  /** Scenarios, emotion and sensitive spans of one customer message. */
  detect(message: string, options?: DetectOptions): Detection;
  /**
   * Findings on an agent's draft, in order of position. A draft longer than MAX_INPUT_LINE_CHARS (far past any chat
   * message) is checked in its first MAX_INPUT_LINE_CHARS characters, so a pasted log cannot hold the tab; the panel
   * says so. With `waitForReader: false`, a draft reader still training (prepareLint) is not waited for: the rules
   * alone answer until it is ready, so a page's first reading never waits a second for it.
   */
  lint(draft: string, options?: { waitForReader?: boolean }): Finding[];
  /**
   * Trains the draft reader of lint-learned.ts (about two seconds once per set of packs), so the agent's first keystroke
   * does not pay for it: all of it, or for about `budgetMs` and on from there at the next call (the content script
   * trains in slices of the page's idle time; 0 only asks). True once it is ready.
   */
  prepareLint(budgetMs?: number): boolean;
  /**
   * Trains the learned emotion reader (about half a second once per set of packs): all of it, or for about
   * `budgetMs` and on from there at the next call (0 only asks). True once it is ready.
   */
  prepareEmotion(budgetMs?: number): boolean;
  /**
   * Takes a draft reader trained on the same packs elsewhere (draftReaderTraining, in the background) instead of
   * training one in the page; prepareLint reads it back, in slices as it would train: false when it was trained on
   * other packs, and the page trains as before.
   */
  adoptDraftReader(reader: TrainedDraftReader): boolean;
  /**
   * Takes an emotion reader trained on the same packs elsewhere (emotionReaderTraining, in the background) instead of
   * training one in the page; prepareEmotion reads it back in slices: false when it was trained on other packs.
   */
  adoptEmotionReader(reader: TrainedEmotionReader): boolean;
  /** The packs' conversation checklist read over one conversation (engine/checklist.ts). */
  readChecklist: ChecklistReader;
  /** The checklist items whose phrases a reply holds (what the audit keeps of a reply). */
  checklistPhrasesIn(text: string): string[];
}

/**
 * Detection reads at most this many UTF-16 units of a message: its start and its end, where customers put what they
 * want. A pasted log or a 100 000-character message would otherwise cost the tab seconds (measured: 58 s for 100 000
 * characters, 13 ms for 1 000). Sensitive data is still looked for in the whole message.
 */
export const DETECTION_WINDOW = { head: 600, tail: 400 } as const;

/** The part of a long message detection reads: its head and tail, never cutting a surrogate pair. */
export function detectionWindow(message: string): string {
  const { head, tail } = DETECTION_WINDOW;
  if (message.length <= head + tail) return message;
  let headEnd = head;
  if (/[\ud800-\udbff]/u.test(message[headEnd - 1]!)) headEnd--;
  let tailStart = message.length - tail;
  if (/[\udc00-\udfff]/u.test(message[tailStart]!)) tailStart++;
  return `${message.slice(0, headEnd)}\n…\n${message.slice(tailStart)}`;
}

/**
 * How sure the learned emotion reader must be to overrule the cue lists where they read anxiety or anger, and how many
 * of a message's words its examples must know before it speaks at all (a short message it barely knows is the cue
 * lists'). Chosen on the development messages: from 0.7 to 0.97 the pooled sets moved by 0.001, the freshest
 * (blind-messages-30) by 0.02; from 0 to 10 known words the pooled sets rose 0.867 → 0.878, the freshest peaked at 8.
 */
const LEARNED_EMOTION = { sure: 0.7, knownWords: 8 } as const;

// Scenarios whose customers are calm by nature: the learned emotion reader does not speak there.
const CALM_SCENARIOS = new Set(['praise', 'thanks', 'greeting', 'closing', 'customer_apology', 'suggestion']);

// What a sneer turns into a complaint: thanks and praise said sarcastically.
const SARCASM_TURNS = new Set(['praise', 'thanks']);

/**
 * Praise or thanks said with a sneer is a complaint: it goes first, and the praise or thanks it wore is dropped. Praise
 * beside a statement that something went wrong ("wow great service, sent me a used item") is a sneer too.
 */
function readSarcasm(text: string, found: ScenarioMatch[], hasComplaint: boolean): ScenarioMatch[] {
  if (!hasComplaint || found.length === 0 || !SARCASM_TURNS.has(found[0]!.id)) return found;
  const sneer = isSarcastic(text) || (found[0]!.id === 'praise' && statesComplaintFact(text));
  if (!sneer) return found;
  const rest = found.filter((s) => !SARCASM_TURNS.has(s.id) && s.id !== 'complaint');
  return [{ id: 'complaint', score: found[0]!.score }, ...rest];
}

/** A learned reader's training on its own (draftReaderTraining, emotionReaderTraining): what the background runs once per set of packs. */
export interface ReaderTraining<Trained> {
  /** The packs' fingerprint: a kept reader with the same one needs no training. */
  fingerprint(): string;
  /** Trains for about `budgetMs` (all without it); true once done. */
  prepare(budgetMs?: number): boolean;
  /** The reader once trained. */
  trained(): Trained | undefined;
}

export type DraftReaderTraining = ReaderTraining<TrainedDraftReader>;

/**
 * Trains the draft reader of these packs, as the engine of a tab with the same packs would, without building the rest of
 * an engine: the background does it once per set of packs and hands the result to every tab (adoptDraftReader).
 */
export function draftReaderTraining(packs: readonly Pack[]): DraftReaderTraining {
  const merged = mergePacks(packs);
  // The rules' automaton only when training runs: a background that finds its kept reader current never builds it.
  let linter: Linter | undefined;
  const learned = withLearnedFindings(merged, (draft) =>
    (linter ??= createLinter(merged.rules, merged.classes))(draft),
  );
  // Written out here, not by the engine a tab builds: the content script need not carry the writer.
  const trained = (): TrainedDraftReader | undefined => {
    const reader = learned.reader();
    return reader === undefined
      ? undefined
      : { fingerprint: learned.fingerprint(), classifier: reader ? classifierData(reader) : null };
  };
  return { fingerprint: learned.fingerprint, prepare: learned.prepare, trained };
}

/** Trains the emotion reader of these packs, as a tab's engine would: the background's, handed to every tab (adoptEmotionReader). */
export function emotionReaderTraining(packs: readonly Pack[]): ReaderTraining<TrainedEmotionReader> {
  const reader = createEmotionReader(mergePacks(packs).emotionExamples);
  return { fingerprint: reader.fingerprint, prepare: reader.prepare, trained: () => trainedEmotionReader(reader) };
}

export function createEngine(packs: readonly Pack[]): Engine {
  const catalog = createCatalog(packs);
  const { merged } = catalog;
  const detectScenarios = createScenarioDetector(merged.scenarios, undefined, merged.noScenarioExamples);
  const readEmotion = createEmotionReader(merged.emotionExamples);
  // The rules' automaton is built on the first draft (or the reader's training), not with the engine: a tab's first
  // detection, what the agent sees first, does not wait for it.
  let rulesLinter: Linter | undefined;
  const lintRules: Linter = (draft) => (rulesLinter ??= createLinter(merged.rules, merged.classes))(draft);
  const learned = withLearnedFindings(merged, lintRules);
  const checklist = createChecklistReader(merged.checklist, merged.classes);
  // What the packs' messages taught (emotion-learned.ts), over the cue lists' reading (an insult, shouting, a deadline)
  // where it is sure: where they read calm, its best guess at any confidence; over their anxiety or anger, from
  // LEARNED_EMOTION.sure (keeping the cue lists' anger over a sure calm was measured worse: 0.877 → 0.875 on the
  // development sets, 0.875 → 0.865 on the freshest). Three exceptions: in a scenario calm by nature (praise, thanks) a
  // learned guess is more often wrong than right; the customer's word that they are calm ("it is fine though", "不急"),
  // or a courteous message the cue lists read as calm, is not turned into anger by a guess; and a worry the cue lists
  // name is not calmed by one.
  const emotionOf = (text: string, scenario: string | undefined, courteous: boolean, wait: boolean): Emotion => {
    const fromCues = detectEmotion(text);
    if (scenario !== undefined && CALM_SCENARIOS.has(scenario)) return fromCues;
    if (!wait && !readEmotion.prepare(0)) return fromCues;
    const learned = readEmotion.read(text);
    if (!learned || learned.knownWords < LEARNED_EMOTION.knownWords) return fromCues;
    if (fromCues === 'calm' && statesCalm(expandShorthand(normalizeForMatch(text)))) return 'calm';
    if (fromCues === 'calm' && courteous && learned.emotion === 'angry') return 'calm';
    if (fromCues === 'anxious' && learned.emotion === 'calm') return 'anxious';
    return fromCues !== 'calm' && learned.confidence < LEARNED_EMOTION.sure ? fromCues : learned.emotion;
  };
  return {
    ...catalog,
    detect(message, options = {}) {
      const window = detectionWindow(message);
      const windowFolded = normalizeForMatch(window);
      const read = withoutSelfDeprecation(window, windowFolded);
      // The message folded once for the checks below: lower case, simplified, shorthand written out.
      const folded = expandShorthand(read === window ? windowFolded : normalizeForMatch(read));
      const found = isAside(folded)
        ? []
        : readSarcasm(
            read,
            detectScenarios(withoutMoodDisclaimers(read, folded), options.top ?? 3),
            catalog.scenario('complaint') !== undefined,
          );
      const courteous = isCourteous(folded);
      return {
        text: message,
        scenarios: found,
        emotion: emotionGivenScenario(
          emotionOf(read, found[0]?.id, courteous, options.waitForEmotionReader ?? true),
          found[0]?.id,
          courteous,
        ),
        sensitive: findSensitive(message),
      };
    },
    lint: (draft, options) =>
      learned.lint(
        draft.length > MAX_INPUT_LINE_CHARS ? draft.slice(0, MAX_INPUT_LINE_CHARS) : draft,
        options?.waitForReader ?? true,
      ),
    prepareLint: learned.prepare,
    prepareEmotion: readEmotion.prepare,
    adoptDraftReader: learned.adopt,
    adoptEmotionReader: readEmotion.adopt,
    readChecklist: checklist.read,
    checklistPhrasesIn: checklist.phrasesIn,
  };
}
