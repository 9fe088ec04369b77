// The emotion the packs' labelled customer messages teach: a softmax regression over the message's words and shapes.
//
// Words alone (the naive Bayes reader this replaces) learn "急" and "refund" but not that a weekday plus "before" is a
// worry: the shapes (emotion-shapes.ts) carry that across phrasings, and a discriminative model learns how much each is
// worth beside the words, where naive Bayes counts every feature as if it were alone.
import { cueLists } from './cue-lists.ts';
import { featuresOf } from './detect-similarity.ts';
import { createHash } from './fingerprint.ts';
import { SHAPE_PREFIX, shapesOf } from './emotion-shapes.ts';
import { normalizeForMatch } from './normalize.ts';
import { expandShorthand } from './shorthand.ts';
import type { Emotion, MergedPacks } from './types.ts';
import { isWeightTableData, weightTableData, weightTableSteps, type WeightTableData } from './weight-table.ts';

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
  /** How many of the message's word features (Han bigrams, word stems, English word pairs; not shapes) the examples knew. */
  knownWords: number;
}

export interface EmotionReader {
  /** Reads one customer message (as written), training first if need be; undefined when the packs teach no emotion. */
  read(text: string): LearnedEmotion | undefined;
  /** Trains for about `budgetMs` at most (all of it without a budget; nothing with 0); true once the reader is ready. */
  prepare(budgetMs?: number): boolean;
  /** The examples' fingerprint: a reader trained elsewhere on the same ones reads as this one would. */
  fingerprint(): string;
  /**
   * Takes a reader trained elsewhere (the background, on the same examples) instead of training one, read back by
   * `prepare` in slices as training would run: false, and nothing changed, when it was trained on other examples or
   * is no reader's data. True too when this one is ready already.
   */
  adopt(trained: TrainedEmotionReader): boolean;
}

/** A trained emotion reader and the examples it learned from (their fingerprint); null weights: none to learn from. */
export interface TrainedEmotionReader {
  fingerprint: string;
  weights: WeightTableData | null;
}

// Bumped when the training itself changes (features, passes, weighing): a reader kept by an older version is then
// trained again rather than used.
const TRAINING_VERSION = 'emotion-reader-1';

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
  featureIds: ReadonlyMap<string, number>;
  /** One row of CLASSES weights per feature id. */
  weights: Float64Array | Float32Array;
}

/** Examples read, or training steps taken, between two looks at the clock. */
const STEP = 64;

/** The training, a step at a time: each example's features, then the passes over them. */
function* training(examples: MergedPacks['emotionExamples']): Generator<void, Model | null> {
  if (examples.anxious.length + examples.angry.length === 0) return null;
  const featureIds = new Map<string, number>();
  const rows: Uint32Array[] = [];
  const labels: number[] = [];
  for (const [label, emotion] of EMOTIONS.entries())
    for (const text of examples[emotion]) {
      rows.push(
        Uint32Array.from(emotionFeatures(text), (feature) => {
          let id = featureIds.get(feature);
          if (id === undefined) featureIds.set(feature, (id = featureIds.size));
          return id;
        }),
      );
      labels.push(label);
      if (rows.length % STEP === 0) yield;
    }
  // The rarer emotions weigh more, by the square root of how much rarer they are, so the many calm examples do not
  // outvote them. Weighing each emotion the same in all read calm messages as anxious: on the 42 development message sets
  // (6 937 messages, the same as for detect.ts's settings) the square root read 26 more calm ones right for 3 fewer
  // anxious or angry ones; no weighing, 50 for 17. The two sets written fresh that round moved the other way, by one
  // and two messages of 200.
  const counts = EMOTIONS.map((_, label) => labels.filter((l) => l === label).length);
  const total = labels.length;
  const classWeight = counts.map((count) => (count === 0 ? 0 : Math.sqrt(total / (CLASSES * count))));
  const weights = new Float64Array(featureIds.size * CLASSES);
  const scores = new Float64Array(CLASSES);
  const order = shuffled(rows.length);
  for (let pass = 0; pass < TRAINING.passes; pass++) {
    const step = TRAINING.step / (1 + pass);
    for (let at = 0; at < order.length; at++) {
      const index = order[at]!;
      const row = rows[index]!;
      const label = labels[index]!;
      softmax(row, weights, scores);
      const scale = step * classWeight[label]!;
      for (const id of row) {
        for (let c = 0; c < CLASSES; c++) {
          const w = id * CLASSES + c;
          weights[w] = weights[w]! - scale * (scores[c]! - (c === label ? 1 : 0)) - TRAINING.decay * weights[w]!;
        }
      }
      if (at % STEP === STEP - 1) yield;
    }
  }
  return { featureIds, weights };
}

/** The probabilities of each emotion for a message's feature ids, written into `into`. */
function softmax(ids: ArrayLike<number>, weights: Model['weights'], into: Float64Array): void {
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
 * The reader of these examples, trained when first asked (about half a second for the default packs' eight
 * thousand examples), or beforehand in slices (`prepare`), so that a tab's first detection need not wait for it.
 * A pack set without anxious or angry examples gives a reader that never speaks.
 */
export function createEmotionReader(examples: MergedPacks['emotionExamples']): EmotionReader {
  let model: Model | null | undefined;
  let steps: Generator<void, Model | null> | undefined;
  let fingerprint: string | undefined;
  const fingerprintNow = (): string => (fingerprint ??= examplesFingerprint(examples));
  const scores = new Float64Array(CLASSES);
  const prepare = (budgetMs = Infinity): boolean => {
    if (model !== undefined) return true;
    if (budgetMs <= 0) return false;
    steps ??= training(examples);
    const until = performance.now() + budgetMs;
    try {
      for (let next = steps.next(); ; next = steps.next()) {
        if (next.done) {
          model = next.value;
          return true;
        }
        if (performance.now() >= until) return false;
      }
    } catch (error) {
      // A reader that could not be trained stays silent (the cue lists read emotion), ready rather than retried.
      model = null;
      throw error;
    }
  };
  const read = (text: string): LearnedEmotion | undefined => {
    prepare();
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
  const adopt = (trained: TrainedEmotionReader): boolean => {
    if (model !== undefined) return true;
    if (trained?.fingerprint !== fingerprintNow()) return false;
    const data = trained.weights;
    if (data !== null && !isWeightTableData(data)) return false;
    steps = (function* (): Generator<void, Model | null> {
      if (data === null) return null;
      const table = yield* weightTableSteps(data);
      // Data that proves unreadable (a damaged storage item): the reader is trained after all.
      if (table === undefined || table.categories.join() !== EMOTIONS.join()) return yield* training(examples);
      return { featureIds: table.featureIndex, weights: table.weights };
    })();
    return true;
  };
  const reader: EmotionReader = { read, prepare, fingerprint: fingerprintNow, adopt };
  MODELS.set(reader, () => model);
  return reader;
}

/** Each reader's model as training left it, for trainedEmotionReader (only the background writes a reader out). */
const MODELS = new WeakMap<EmotionReader, () => Model | null | undefined>();

/** A trained reader as plain data, to keep in storage and hand to `adopt`; undefined before it is trained. */
export function trainedEmotionReader(reader: EmotionReader): TrainedEmotionReader | undefined {
  const model = MODELS.get(reader)?.();
  if (model === undefined) return undefined;
  const weights =
    model &&
    weightTableData({
      categories: EMOTIONS,
      featureIndex: model.featureIds,
      weights: model.weights,
      bias: new Float32Array(CLASSES),
    });
  return { fingerprint: reader.fingerprint(), weights };
}

/**
 * Names what the training reads in a 64-bit hash: its version, the labelled messages, and the cue lists its features
 * come from (the shapes' words, chat shorthand): a tab whose cue lists are not installed reads other features.
 */
function examplesFingerprint(examples: MergedPacks['emotionExamples']): string {
  const hash = createHash();
  hash.add(TRAINING_VERSION);
  hash.add(JSON.stringify([cueLists().shapes, cueLists().shorthand]));
  for (const emotion of EMOTIONS) for (const text of examples[emotion]) hash.add(`${emotion}:${text}`);
  return hash.digest();
}
