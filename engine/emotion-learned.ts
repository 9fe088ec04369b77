// The emotion the packs' labelled customer messages teach: a naive Bayes reader of anxiety and anger that the cue lists do not name.
import { trainScenarioClassifier, type ScenarioClassifier } from './detect-classifier.ts';
import { normalizeForMatch } from './normalize.ts';
import type { Emotion, MergedPacks } from './types.ts';

/**
 * `posterior`: how sure the reader must be before a message the cue lists read as calm reads as anxious or angry;
 * `minFeatures`: how many of the message's features it must know. Chosen on the development messages (blind-messages-1,
 * -3 and -4): anxious recall 0.37 → 0.60 and 0.60 → 0.74 on -4 and -3; at 0.8 calm messages paid for it (overall
 * accuracy fell on -3 and -1), at 0.98 none of the three lost more than one message.
 */
const LEARNED_EMOTION = { posterior: 0.98, minFeatures: 6 } as const;

/** Reads the emotion of one normalized message; undefined where it has nothing to say beyond the cue lists. */
export type EmotionReader = (normalized: string) => Exclude<Emotion, 'calm'> | undefined;

/**
 * Trains on the first message (naive Bayes counts: a few milliseconds), each emotion with the same prior so that the
 * many calm messages do not outvote the others. A pack without emotion examples gives a reader that never speaks.
 */
export function createEmotionReader(examples: MergedPacks['emotionExamples']): EmotionReader {
  let classifier: ScenarioClassifier | null | undefined;
  return (normalized) => {
    if (classifier === undefined) {
      const { anxious, angry, calm } = examples;
      classifier =
        anxious.length + angry.length > 0
          ? trainScenarioClassifier(
              [anxious.map((t) => normalizeForMatch(t)), angry.map((t) => normalizeForMatch(t))],
              calm.map((t) => normalizeForMatch(t)),
            )
          : null;
    }
    if (!classifier) return undefined;
    const { posterior, knownFeatures } = classifier.classify(normalized);
    if (knownFeatures < LEARNED_EMOTION.minFeatures) return undefined;
    if (posterior[0]! >= LEARNED_EMOTION.posterior) return 'anxious';
    if (posterior[1]! >= LEARNED_EMOTION.posterior) return 'angry';
    return undefined;
  };
}
