// The engine's entry: builds a matcher from packs and exposes detect() and lint().
import { detectEmotion, emotionGivenScenario } from './emotion.ts';
import { createScenarioDetector } from './detect.ts';
import { createLinter } from './lint.ts';
import { mergePacks } from './pack-merge.ts';
import { findSensitive } from './sensitive.ts';
import type { Detection, Finding, MergedPacks, MergedScenario, MergedStage, Pack } from './types.ts';

export * from './types.ts';

export interface DetectOptions {
  /** How many scenarios at most (default 3). */
  top?: number;
}

export interface Engine {
  /** The enabled packs, in priority order. */
  readonly packs: readonly Pack[];
  readonly merged: MergedPacks;
  scenario(id: string): MergedScenario | undefined;
  stage(id: string): MergedStage | undefined;
  /** Scenarios, emotion and sensitive spans of one customer message. */
  detect(message: string, options?: DetectOptions): Detection;
  /** Findings on an agent's draft, in order of position. */
  lint(draft: string): Finding[];
}

export function createEngine(packs: readonly Pack[]): Engine {
  const merged = mergePacks(packs);
  const detectScenarios = createScenarioDetector(merged.scenarios);
  const lintDraft = createLinter(merged.rules);
  const scenarios = new Map(merged.scenarios.map((s) => [s.id, s]));
  const stages = new Map(merged.stages.map((s) => [s.id, s]));
  return {
    packs,
    merged,
    scenario: (id) => scenarios.get(id),
    stage: (id) => stages.get(id),
    detect(message, options = {}) {
      const found = detectScenarios(message, options.top ?? 3);
      return {
        text: message,
        scenarios: found,
        emotion: emotionGivenScenario(detectEmotion(message), found[0]?.id),
        sensitive: findSensitive(message),
      };
    },
    lint: lintDraft,
  };
}
