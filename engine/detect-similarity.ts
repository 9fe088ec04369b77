// Character-bigram and word similarity of a message to a pack's example messages, through an inverted index built once.
import { hanRuns } from './normalize.ts';

/** English words too common to say anything about a scenario. */
const ENGLISH_STOPWORDS = new Set(
  (
    'a an the i me my we our you your it its is are was were be been am to of in on at for with and or so do does did ' +
    "this that there here can could would will i'm it's im pls please just have has had get got what ok okay"
  ).split(' '),
);

/** Features of a normalized text: Han character bigrams (single Han characters when a run is one long) and Latin words. */
export function featuresOf(normalized: string): string[] {
  const features = new Set<string>();
  for (const run of hanRuns(normalized)) {
    if (run.length === 1) features.add(run);
    for (let i = 0; i + 1 < run.length; i++) features.add(run.slice(i, i + 2));
  }
  for (const word of normalized.match(/[a-z0-9']+/gu) ?? []) {
    const bare = word.replace(/'/gu, '');
    if (bare.length >= 2 && !ENGLISH_STOPWORDS.has(word) && !/^\d+$/u.test(bare)) features.add('w:' + stem(bare));
  }
  return [...features];
}

// Plural and tense endings only, so "crashing", "crashes" and "crashed" share a feature.
function stem(word: string): string {
  return word.length > 5 ? word.replace(/(ing|ed|es|s)$/u, '') : word;
}

interface Similarity {
  /** Cosine similarity (0..1) of the message to the closest example of each scenario, by scenario index. */
  byScenario: Float64Array;
  /** How many features the message has: one shared bigram ("收到") is too little to lean on. */
  featureCount: number;
}

export interface ExampleIndex {
  similarity(normalized: string): Similarity;
}

// A feature shared by more examples than this carries almost no information and would cost the most to score.
const MAX_POSTINGS = 400;

/** The features of one normalized text; a builder may pass one that remembers texts it has read already. */
export type FeatureReader = (normalized: string) => readonly string[];

export function createExampleIndex(
  examplesByScenario: readonly (readonly string[])[],
  exampleFeatures: FeatureReader = featuresOf,
): ExampleIndex {
  const scenarioCount = examplesByScenario.length;
  const exampleScenario: number[] = [];
  const featuresByExample: (readonly string[])[] = [];
  for (let s = 0; s < scenarioCount; s++) {
    for (const example of examplesByScenario[s]!) {
      const features = exampleFeatures(example);
      if (features.length === 0) continue;
      exampleScenario.push(s);
      featuresByExample.push(features);
    }
  }
  const documentFrequency = new Map<string, number>();
  for (const features of featuresByExample)
    for (const f of features) documentFrequency.set(f, (documentFrequency.get(f) ?? 0) + 1);
  const total = featuresByExample.length;
  const idf = (feature: string): number => Math.log(1 + total / (documentFrequency.get(feature) ?? 0.5));

  const postings = new Map<string, number[]>();
  const norms = new Float64Array(total);
  featuresByExample.forEach((features, e) => {
    let sum = 0;
    for (const f of features) {
      const w = idf(f);
      sum += w * w;
      let list = postings.get(f);
      if (!list) postings.set(f, (list = []));
      list.push(e);
    }
    norms[e] = Math.sqrt(sum);
  });

  return {
    similarity(normalized) {
      const best = new Float64Array(scenarioCount);
      const features = featuresOf(normalized);
      if (features.length === 0 || total === 0) return { byScenario: best, featureCount: features.length };
      const dots = new Map<number, number>();
      let messageNormSquared = 0;
      for (const f of features) {
        const w = idf(f);
        messageNormSquared += w * w;
        const list = postings.get(f);
        if (!list || list.length > MAX_POSTINGS) continue;
        for (const e of list) dots.set(e, (dots.get(e) ?? 0) + w * w);
      }
      const messageNorm = Math.sqrt(messageNormSquared);
      for (const [e, dot] of dots) {
        const cosine = dot / (messageNorm * norms[e]!);
        const s = exampleScenario[e]!;
        if (cosine > best[s]!) best[s] = cosine;
      }
      return { byScenario: best, featureCount: features.length };
    },
  };
}
