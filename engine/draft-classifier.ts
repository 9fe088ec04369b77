// Reads an agent's draft for the kinds of phrase warnings.md names, however they are worded: a linear classifier per
// warning category, trained when packs load from their labelled drafts and rule examples, over character and word n-grams.
import { hanRuns, normalizeForMatch } from './normalize.ts';
import { isWeightTableData, weightTableData, weightTableSteps, type WeightTableData } from './weight-table.ts';

/** A labelled training draft: the categories it holds (none for a clean draft). */
export interface LabelledDraft {
  text: string;
  categories: readonly string[];
  /** The text already normalized (normalizeForMatch), when the caller has it: training then skips that step. */
  normalized?: string;
}

export interface DraftClassifier {
  /** The categories the classifier knows, in the order of `read`'s probabilities. */
  readonly categories: readonly string[];
  /** For one piece of a draft (original text): the probability of each category. */
  read(text: string): Float32Array;
}

/** What a classifier learned, kept beside it for classifierData (only the background writes it out). */
interface Learned {
  featureIndex: ReadonlyMap<string, number>;
  weights: Float32Array;
  bias: Float32Array;
}
const LEARNED = new WeakMap<DraftClassifier, Learned>();

/** A trained classifier as plain data (JSON, for extension storage): its weight table (weight-table.ts). */
export type DraftClassifierData = WeightTableData;

/**
 * How the classifier learns, chosen on the development drafts (blind-drafts-5, tests/fixtures/heldout/README.md): 12
 * passes read them as 24 did in half the time (8 lost a draft); the weight decay keeps a word seen once in one example
 * from deciding alone. `keep`: n-grams whose every weight stays under it are dropped after training, which halves the
 * memory a tab holds (3.1 → 1.2 MB on the shipped packs) and changed no reading of the development drafts (0.5 did).
 */
const DRAFT_TRAINING = { passes: 12, step: 3, decay: 1e-5, seed: 20_261_204, keep: 0.3 } as const;

/** Features of one piece of a draft: Han character 1- to 3-grams (with its run's edges), Latin words and word pairs. */
export function draftFeatures(text: string): string[] {
  return featuresOfNormalized(normalizeForMatch(text));
}

function featuresOfNormalized(normalized: string): string[] {
  const features = new Set<string>();
  for (const run of hanRuns(normalized)) {
    // ^ and $ mark the edges of a run of Han characters: 不行 alone reads differently from inside 不行李.
    const marked = `^${run}$`;
    for (let i = 0; i < run.length; i++) features.add(run[i]!);
    for (let i = 0; i + 1 < marked.length; i++) features.add(marked.slice(i, i + 2));
    for (let i = 0; i + 2 < marked.length; i++) features.add(marked.slice(i, i + 3));
    // Two characters one apart: 不…管 reads the same with 归 or 是 between them (Chinese inserts words freely).
    for (let i = 0; i + 2 < run.length; i++) features.add(`${run[i]}_${run[i + 2]}`);
    for (let i = 0; i + 3 < run.length; i++) features.add(`${run[i]}__${run[i + 3]}`);
  }
  const words = normalized.match(/[a-z0-9']+/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    features.add(`w:${words[i]}`);
    if (i + 1 < words.length) features.add(`b:${words[i]} ${words[i + 1]}`);
  }
  // A question or an exclamation changes how the same words read (你不会自己看吗?).
  if (/\?/u.test(normalized)) features.add('?');
  if (/!/u.test(normalized)) features.add('!');
  return [...features];
}

/**
 * One logistic regression per category (a draft may hold two kinds), trained by stochastic gradient descent in a fixed
 * order from a seeded shuffle, so the same packs always give the same classifier. Features are scaled by one over the
 * square root of their count, so a long draft does not read as more certain than a short one.
 */
export function trainDraftClassifier(drafts: readonly LabelledDraft[], categories: readonly string[]): DraftClassifier {
  const training = trainingSteps(drafts, categories);
  for (;;) {
    const step = training.next();
    if (step.done) return step.value;
  }
}

/** How many drafts are read, or learned from in one pass, between two pauses of `trainingSteps`. */
const DRAFTS_PER_STEP = 64;

/**
 * The same training in steps: the generator pauses after every few hundred drafts, so a page can train the reader in
 * its idle time, a slice at a time, without one long task (lint-learned.ts); it returns the classifier.
 */
export function* trainingSteps(
  drafts: readonly LabelledDraft[],
  categories: readonly string[],
): Generator<void, DraftClassifier> {
  const categoryCount = categories.length;
  const featureIndex = new Map<string, number>();
  const examples: { features: Int32Array; labels: Uint8Array; scale: number }[] = [];
  for (const draft of drafts) {
    if (examples.length % DRAFTS_PER_STEP === DRAFTS_PER_STEP - 1) yield;
    const features = featuresOfNormalized(draft.normalized ?? normalizeForMatch(draft.text)).map((feature) => {
      let index = featureIndex.get(feature);
      if (index === undefined) featureIndex.set(feature, (index = featureIndex.size));
      return index;
    });
    const labels = new Uint8Array(categoryCount);
    for (const category of draft.categories) {
      const c = categories.indexOf(category);
      if (c >= 0) labels[c] = 1;
    }
    examples.push({ features: Int32Array.from(features), labels, scale: 1 / Math.sqrt(Math.max(1, features.length)) });
  }
  const weights = new Float32Array(featureIndex.size * categoryCount);
  const bias = new Float32Array(categoryCount);
  const { passes, step, decay, seed } = DRAFT_TRAINING;
  let state = seed;
  const random = (): number => (state = (state * 16_807) % 2_147_483_647) / 2_147_483_647;
  const order = examples.map((_, i) => i);
  const scores = new Float64Array(categoryCount);

  for (let pass = 0; pass < passes; pass++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = step / (1 + pass * 0.5);
    for (const [done, e] of order.entries()) {
      if (done % DRAFTS_PER_STEP === DRAFTS_PER_STEP - 1) yield;
      const { features, labels, scale } = examples[e]!;
      scores.set(bias);
      for (const f of features) {
        const base = f * categoryCount;
        for (let c = 0; c < categoryCount; c++) scores[c]! += weights[base + c]! * scale;
      }
      for (let c = 0; c < categoryCount; c++) {
        const gradient = labels[c]! - sigmoid(scores[c]!);
        scores[c] = gradient;
        // The bias moves slowly: most drafts are clean for any one category, and a fast bias would learn only that.
        bias[c]! += rate * gradient * 0.1;
      }
      for (const f of features) {
        const base = f * categoryCount;
        for (let c = 0; c < categoryCount; c++) {
          const w = weights[base + c]!;
          weights[base + c] = w + rate * (scores[c]! * scale - decay * w);
        }
      }
    }
  }

  // Most n-grams end with weights too small to move a reading: keeping only the others cuts the memory a tab holds.
  const kept = new Map<string, number>();
  const keptWeights: number[] = [];
  for (const [feature, index] of featureIndex) {
    if (index % (DRAFTS_PER_STEP * 16) === 0) yield;
    const row = weights.subarray(index * categoryCount, (index + 1) * categoryCount);
    if (!row.some((w) => Math.abs(w) >= DRAFT_TRAINING.keep)) continue;
    kept.set(feature, kept.size);
    keptWeights.push(...row);
  }
  return readerOf(categories, kept, Float32Array.from(keptWeights), bias);
}

function readerOf(
  categories: readonly string[],
  featureIndex: ReadonlyMap<string, number>,
  weights: Float32Array,
  bias: Float32Array,
): DraftClassifier {
  const categoryCount = categories.length;
  const classifier: DraftClassifier = {
    categories,
    read(text) {
      const probabilities = new Float32Array(categoryCount);
      const known: number[] = [];
      const features = draftFeatures(text);
      for (const feature of features) {
        const index = featureIndex.get(feature);
        if (index !== undefined) known.push(index);
      }
      const scale = 1 / Math.sqrt(Math.max(1, features.length));
      for (let c = 0; c < categoryCount; c++) {
        let score = bias[c]!;
        for (const f of known) score += weights[f * categoryCount + c]! * scale;
        probabilities[c] = sigmoid(score);
      }
      return probabilities;
    },
  };
  LEARNED.set(classifier, { featureIndex, weights, bias });
  return classifier;
}

/** The trained weights as plain data, to keep in storage and read back with decodingSteps. */
export function classifierData(classifier: DraftClassifier): DraftClassifierData {
  return weightTableData({ categories: classifier.categories, ...LEARNED.get(classifier)! });
}

/** True when the data has the shape classifierData gives: checked at once, so a damaged item is refused before any work. */
export const isClassifierData = isWeightTableData;

/**
 * The classifier kept by classifierData, read back a step at a time (a page reads it in slices of its idle time, as it would
 * train); undefined when the data is not one (another format, a damaged storage item): the caller trains instead.
 */
export function* decodingSteps(data: DraftClassifierData): Generator<void, DraftClassifier | undefined> {
  const table = yield* weightTableSteps(data);
  return table && readerOf(table.categories, table.featureIndex, table.weights, table.bias);
}

/** The classifier kept by classifierData, read back at once; undefined when the data is not one. */
export function draftClassifierFromData(data: DraftClassifierData): DraftClassifier | undefined {
  const decoding = decodingSteps(data);
  for (;;) {
    const step = decoding.next();
    if (step.done) return step.value;
  }
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
