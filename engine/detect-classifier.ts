// A small classifier trained when packs load: multinomial naive Bayes over features that generalise (Han character
// bigrams, Latin word stems), learned from every scenario's triggers and example messages, so a message phrased in
// words no trigger lists still leans towards the scenario whose vocabulary it shares.
import { featuresOf, type FeatureReader } from './detect-similarity.ts';

export interface ScenarioClassifier {
  /**
   * For one normalized message: the posterior of each scenario (by index, summing to 1 over scenarios with training
   * data) and how many of its features the training data knew.
   */
  classify(normalized: string): { posterior: Float64Array; knownFeatures: number; noScenario: number };
}

/** Additive smoothing: a feature a scenario never saw still keeps a little probability. */
const SMOOTHING = 0.1;

/**
 * Learns from each scenario's training texts (triggers and examples, already normalized), and from messages that need
 * no scenario as one more class. Each text counts each of its features once; every class gets the same prior, so a
 * scenario with many triggers does not win by size. `noScenario` in the result is that last class's posterior.
 */
export function trainScenarioClassifier(
  scenarioTexts: readonly (readonly string[])[],
  noScenarioTexts: readonly string[] = [],
  trainingFeatures: FeatureReader = featuresOf,
): ScenarioClassifier {
  const textsByScenario = [...scenarioTexts, noScenarioTexts];
  const scenarioCount = textsByScenario.length;
  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(scenarioCount);
  for (let s = 0; s < scenarioCount; s++) {
    for (const text of textsByScenario[s]!) {
      for (const feature of trainingFeatures(text)) {
        let row = counts.get(feature);
        if (!row) counts.set(feature, (row = new Float64Array(scenarioCount)));
        row[s]!++;
        totals[s]!++;
      }
    }
  }
  const vocabulary = counts.size;
  const trained = [...totals.keys()].filter((s) => totals[s]! > 0);
  // log P(feature | scenario) for an unseen feature, and the denominator of every other one.
  const logDenominator = Float64Array.from(totals, (total) => Math.log(total + SMOOTHING * vocabulary));

  return {
    classify(normalized) {
      const posterior = new Float64Array(scenarioCount);
      if (trained.length === 0) return { posterior, knownFeatures: 0, noScenario: 0 };
      const logLikelihood = new Float64Array(scenarioCount);
      let knownFeatures = 0;
      for (const feature of featuresOf(normalized)) {
        const row = counts.get(feature);
        // A feature no scenario knows says nothing about which scenario it is.
        if (!row) continue;
        knownFeatures++;
        for (const s of trained) logLikelihood[s]! += Math.log(row[s]! + SMOOTHING) - logDenominator[s]!;
      }
      if (knownFeatures === 0) return { posterior, knownFeatures, noScenario: 0 };
      let max = -Infinity;
      for (const s of trained) max = Math.max(max, logLikelihood[s]!);
      let sum = 0;
      for (const s of trained) sum += posterior[s] = Math.exp(logLikelihood[s]! - max);
      for (const s of trained) posterior[s]! /= sum;
      return {
        posterior: posterior.subarray(0, scenarioCount - 1),
        knownFeatures,
        noScenario: posterior[scenarioCount - 1]!,
      };
    },
  };
}
