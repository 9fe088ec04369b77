// The packs merged and looked up by id: all the panel needs (it never detects or lints), and the base of the engine.
import { mergePacks } from './pack-merge.ts';
import type { MergedPacks, MergedScenario, MergedStage, Pack } from './types.ts';

export interface Catalog {
  /** The enabled packs, in priority order. */
  readonly packs: readonly Pack[];
  readonly merged: MergedPacks;
  scenario(id: string): MergedScenario | undefined;
  stage(id: string): MergedStage | undefined;
}

export function createCatalog(packs: readonly Pack[]): Catalog {
  const merged = mergePacks(packs);
  const scenarios = new Map(merged.scenarios.map((s) => [s.id, s]));
  const stages = new Map(merged.stages.map((s) => [s.id, s]));
  return { packs, merged, scenario: (id) => scenarios.get(id), stage: (id) => stages.get(id) };
}
