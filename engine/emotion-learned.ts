// The emotion the packs' labelled customer messages teach: a softmax regression over the message's words and shapes.
//
// Words alone (the naive Bayes reader this replaces) learn "急" and "refund" but not that a weekday plus "before" is a
// worry: the shapes (emotion-shapes.ts) carry that across phrasings, and a discriminative model learns how much each is
// worth beside the words, where naive Bayes counts every feature as if it were alone.
import { featuresOf } from './detect-similarity.ts';
import { SHAPE_PREFIX, shapesOf } from './emotion-shapes.ts';
import { normalizeForMatch } from './normalize.ts';
import { expandShorthand } from './shorthand.ts';
import type { Emotion, MergedPacks } from './types.ts';

const EMOTIONS = ['calm', 'anxious', 'angry'] as const satisfies readonly Emotion[];
const CLASSES = EMOTIONS.length;

/**
 * Passes over the examples and the first step size (it falls as 1/(1 + pass)). Chosen on the development messages:
 * from 3 to 10 passes and from 0.1 to 0.5 the pooled development sets moved by under a point; more passes cost time.
 */
const TRAINING = { passes: 6, step: 0.2, decay: 1e-5 } as const;

/** What the reader makes of one message: its best emotion and how sure it is (that emotion's probability). */
interface LearnedEmotion {
  emotion: Emotion;
  confidence: number;
  /** How many of the message's words (not its shapes) the examples knew. */
  knownWords: number;
}

/** Reads one customer message (as written); undefined when the packs teach no emotion. */
export type EmotionReader = (text: string) => LearnedEmotion | undefined;

const BIAS = 'bias';
const LATIN_WORDS = /[a-z']+/gu;

/** The words and shapes of a message, as the reader's features. */
function emotionFeatures(text: string): string[] {
  const read = expandShorthand(normalizeForMatch(text));
  const features = featuresOf(read);
  const shapes = shapesOf(text, read);
  features.push(...shapes, BIAS);
  // Pairs of English words ("has to", "before it", "rent is"): English says a worry in phrases whose words alone are calm.
  const words = read.match(LATIN_WORDS) ?? [];
  for (let i = 0; i + 1 < words.length; i++) features.push(`pair:${words[i]} ${words[i + 1]}`);
  return features;
}

/** A small deterministic generator: the same packs train the same reader in every tab and test. */
function shuffled(length: number): Uint32Array {
  const order = Uint32Array.from({ length }, (_, i) => i);
  let state = 0x9e3779b9;
  for (let i = length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

interface Model {
  featureIds: Map<string, number>;
  weights: Float64Array;
}

function train(examples: MergedPacks['emotionExamples']): Model | null {
  if (examples.anxious.length + examples.angry.length === 0) return null;
  const featureIds = new Map<string, number>();
  const rows: Uint32Array[] = [];
  const labels: number[] = [];
  EMOTIONS.forEach((emotion, label) => {
    for (const text of examples[emotion]) {
      rows.push(
        Uint32Array.from(emotionFeatures(text), (feature) => {
          let id = featureIds.get(feature);
          if (id === undefined) featureIds.set(feature, (id = featureIds.size));
          return id;
        }),
      );
      labels.push(label);
    }
  });
  // Each emotion weighs the same in all, so the many calm examples do not outvote the others.
  const counts = EMOTIONS.map((_, label) => labels.filter((l) => l === label).length);
  const total = labels.length;
  const classWeight = counts.map((count) => (count === 0 ? 0 : total / (CLASSES * count)));
  const weights = new Float64Array(featureIds.size * CLASSES);
  const scores = new Float64Array(CLASSES);
  for (let pass = 0; pass < TRAINING.passes; pass++) {
    const step = TRAINING.step / (1 + pass);
    for (const index of shuffled(rows.length)) {
      const row = rows[index]!;
      const label = labels[index]!;
      softmax(row, weights, scores);
      const scale = step * classWeight[label]!;
      for (const id of row) {
        for (let c = 0; c < CLASSES; c++) {
          const at = id * CLASSES + c;
          weights[at] = weights[at]! - scale * (scores[c]! - (c === label ? 1 : 0)) - TRAINING.decay * weights[at]!;
        }
      }
    }
  }
  return { featureIds, weights };
}

/** The probabilities of each emotion for a message's feature ids, written into `into`. */
function softmax(ids: ArrayLike<number>, weights: Float64Array, into: Float64Array): void {
  into.fill(0);
  for (let i = 0; i < ids.length; i++) {
    const base = ids[i]! * CLASSES;
    for (let c = 0; c < CLASSES; c++) into[c] = into[c]! + weights[base + c]!;
  }
  const max = Math.max(...into);
  let sum = 0;
  for (let c = 0; c < CLASSES; c++) sum += into[c] = Math.exp(into[c]! - max);
  for (let c = 0; c < CLASSES; c++) into[c] = into[c]! / sum;
}

/**
 * Trains on the first message it reads (tens of milliseconds for the default packs' eight thousand examples), then
 * reads each message in microseconds. A pack set without anxious or angry examples gives a reader that never speaks.
 */
export function createEmotionReader(examples: MergedPacks['emotionExamples']): EmotionReader {
  let model: Model | null | undefined;
  const scores = new Float64Array(CLASSES);
  return (text) => {
    model ??= train(examples);
    if (!model) return undefined;
    const { featureIds, weights } = model;
    const ids: number[] = [];
    let knownWords = 0;
    for (const feature of emotionFeatures(text)) {
      const id = featureIds.get(feature);
      if (id === undefined) continue;
      ids.push(id);
      if (!feature.startsWith(SHAPE_PREFIX) && feature !== BIAS) knownWords++;
    }
    softmax(ids, weights, scores);
    let best = 0;
    for (let c = 1; c < CLASSES; c++) if (scores[c]! > scores[best]!) best = c;
    return { emotion: EMOTIONS[best]!, confidence: scores[best]!, knownWords };
  };
}
