// Folds a labelled corpus of customer messages (data/src/<locale>/emotion-corpus.jsonl) into a pack's emotion examples.
import { existsSync, readFileSync } from 'node:fs';
import type { Pack } from '../engine/types.ts';
import { parseJsonlLines } from './jsonl.ts';

type EmotionExamples = NonNullable<Pack['emotionExamples']>;
const EMOTIONS = ['calm', 'anxious', 'angry'] as const;
type CorpusEmotion = (typeof EMOTIONS)[number];

/** One corpus line: a customer's message and the emotion it shows (other fields, a scenario or a language, are notes). */
interface CorpusMessage {
  text: string;
  emotion: CorpusEmotion;
}

/** Reads a corpus file; a line without a text or with another emotion stops the build and names the line. */
export function readEmotionCorpus(file: string): CorpusMessage[] {
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
    return { text: message.text, emotion: message.emotion as CorpusEmotion };
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
