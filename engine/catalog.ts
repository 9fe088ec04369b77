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

/** How close a pack's language is to the panel's: 0 the same tag, 1 the same language (zh-TW for zh-CN), 2 another. */
function localeTier(packLocale: string, locale: string): number {
  const tag = (value: string) => value.toLowerCase().replace('_', '-');
  if (tag(packLocale) === tag(locale)) return 0;
  return tag(packLocale).split('-')[0] === tag(locale).split('-')[0] ? 1 : 2;
}

/** Where a scope id is found in the enabled packs: a scenario or a stage, and its title there. */
export type ScopeLookup = (id: string) => { kind: 'scenario' | 'stage'; title: string } | undefined;

/**
 * Each scope's kind and title as the panel picks titles: from a pack in `locale` itself, else in the same language
 * (zh-TW for zh-CN), else any; the later pack among equals. A pack built on this device (taught, the agent's replies)
 * comes last, so its titles are the ones merging keeps: they must be the titles the agent sees.
 */
export function scopeTitles(packs: readonly Pack[], locale: string): ScopeLookup {
  const tier = (packLocale: string) => localeTier(packLocale, locale);
  const best = new Map<string, { kind: 'scenario' | 'stage'; title: string; tier: number }>();
  for (const pack of packs) {
    const packTier = tier(pack.locale);
    const visit = (kind: 'scenario' | 'stage', id: string, title: string) => {
      const current = best.get(id);
      if (!current || packTier <= current.tier) best.set(id, { kind, title, tier: packTier });
    };
    for (const scenario of pack.scenarios ?? []) visit('scenario', scenario.id, scenario.title);
    for (const stage of pack.stages ?? []) visit('stage', stage.id, stage.title);
  }
  return (id) => {
    const found = best.get(id);
    return found ? { kind: found.kind, title: found.title } : undefined;
  };
}

/** Each checklist item's title as the panel picks titles (the same tiers as `scopeTitles`); the id where no pack names it. */
export function checklistTitles(packs: readonly Pack[], locale: string): (id: string) => string {
  const tier = (packLocale: string) => localeTier(packLocale, locale);
  const best = new Map<string, { title: string; tier: number }>();
  for (const pack of packs) {
    const packTier = tier(pack.locale);
    for (const item of pack.checklist?.items ?? []) {
      const current = best.get(item.id);
      if (!current || packTier <= current.tier) best.set(item.id, { title: item.title, tier: packTier });
    }
  }
  return (id) => best.get(id)?.title ?? id;
}
