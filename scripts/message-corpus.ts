// Folds a labelled corpus of customer messages (data/src/<locale>/message-corpus.jsonl) into a pack: each message
// teaches the emotion reader its emotion and the scenario detector its scenario (or "none": a message that needs none).
import { existsSync, readFileSync } from 'node:fs';
import type { Pack } from '../engine/types.ts';
import { parseJsonlLines } from './jsonl.ts';

type EmotionExamples = NonNullable<Pack['emotionExamples']>;
const EMOTIONS = ['calm', 'anxious', 'angry'] as const;
type CorpusEmotion = (typeof EMOTIONS)[number];
/** The label of a message that needs no scenario (small talk, "let me check"). */
const NO_SCENARIO = 'none';
const SCENARIO_ID = /^[a-z][a-z0-9_]*$/u;

/** One corpus line: a customer's message, the emotion it shows and the scenario an agent would answer first. */
export interface CorpusMessage {
  text: string;
  emotion: CorpusEmotion;
  /** A scenario id, or "none" for a message that needs no scenario. */
  scenario: string;
  /** file:line, for a problem found later to name. */
  where: string;
}

/** Reads a corpus file; a line without a text, with another emotion or without a scenario stops the build and names the line. */
export function readMessageCorpus(file: string): CorpusMessage[] {
  if (!existsSync(file)) return [];
  return parseJsonlLines(file, readFileSync(file, 'utf8')).map(({ value, where }) => {
    const message = value as Partial<CorpusMessage> | null;
    if (typeof message !== 'object' || message === null || Array.isArray(message))
      throw new Error(`${where}: each line must be one JSON object with a "text" and an "emotion"`);
    if (typeof message.text !== 'string' || message.text.trim() === '')
      throw new Error(`${where}: a message needs a "text"`);
    if (!EMOTIONS.includes(message.emotion as CorpusEmotion))
      throw new Error(
        `${where}: "emotion" must be one of ${EMOTIONS.join(', ')}, not ${JSON.stringify(message.emotion)}`,
      );
    if (!(typeof message.scenario === 'string' && SCENARIO_ID.test(message.scenario)))
      throw new Error(
        `${where}: "scenario" must be a scenario id such as "return_refund", or "none", not ${JSON.stringify(message.scenario)}`,
      );
    return { where, text: message.text, emotion: message.emotion as CorpusEmotion, scenario: message.scenario };
  });
}

/** The pack's emotion examples with the corpus added, each text once. */
export function withEmotionCorpus(
  examples: EmotionExamples | undefined,
  corpus: readonly CorpusMessage[],
): EmotionExamples {
  const merged: Record<CorpusEmotion, string[]> = {
    calm: [...(examples?.calm ?? [])],
    anxious: [...(examples?.anxious ?? [])],
    angry: [...(examples?.angry ?? [])],
  };
  const seen = new Set(EMOTIONS.flatMap((emotion) => merged[emotion]));
  for (const { text, emotion } of corpus) {
    if (seen.has(text)) continue;
    seen.add(text);
    merged[emotion].push(text);
  }
  return merged;
}

/**
 * The pack with the corpus added to its scenarios' examples and its messages that need no scenario, each text once. A
 * scenario id the pack does not have, or a text the pack already files under another scenario, stops the build: a typo
 * would otherwise teach nothing, and two labels would teach both, silently.
 */
export function withScenarioCorpus(pack: Pack, corpus: readonly CorpusMessage[]): Pack {
  const scenarios = (pack.scenarios ?? []).map((s) => ({ ...s, examples: [...(s.examples ?? [])] }));
  const byId = new Map(scenarios.map((s) => [s.id, s.examples]));
  const noScenarioExamples = [...(pack.noScenarioExamples ?? [])];
  const labelOf = new Map<string, { label: string; where: string }>();
  for (const text of noScenarioExamples) labelOf.set(text, { label: NO_SCENARIO, where: 'noScenarioExamples' });
  for (const s of scenarios)
    for (const text of s.examples) labelOf.set(text, { label: s.id, where: `the examples of ${s.id}` });
  for (const { text, scenario, where } of corpus) {
    const target = scenario === NO_SCENARIO ? noScenarioExamples : byId.get(scenario);
    if (!target)
      throw new Error(
        `${where}: the message names the scenario "${scenario}", which the pack does not have (its ids: ${[...byId.keys()].join(', ')}, or "none")`,
      );
    const known = labelOf.get(text);
    if (known && known.label !== scenario)
      throw new Error(
        `${where}: "${text}" is labelled "${scenario}" here and "${known.label}" in ${known.where}: keep one label`,
      );
    if (known) continue;
    labelOf.set(text, { label: scenario, where });
    target.push(text);
  }
  return { ...pack, scenarios, noScenarioExamples };
}
