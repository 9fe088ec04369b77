// The enabled packs in priority order (built-in, then added ones), read from storage and watched for changes.
import { DEFAULT_PACKS } from '../engine/default-packs.ts';
import type { Pack } from '../engine/types.ts';
import { installedPacksItem, packPreferencesItem, type InstalledPack, type PackPreferences } from './storage.ts';

export interface PackEntry {
  pack: Pack;
  builtin: boolean;
  installed?: InstalledPack;
  enabled: boolean;
}

/** All packs, in priority order (later wins), with their enabled state. Pure: the options page and tests use it too. */
export function orderPacks(installed: readonly InstalledPack[], prefs: PackPreferences): PackEntry[] {
  const entries: PackEntry[] = [
    ...DEFAULT_PACKS.map((pack) => ({ pack, builtin: true, enabled: true })),
    ...installed.map((i) => ({ pack: i.pack, builtin: false, installed: i, enabled: true })),
  ];
  const rank = (id: string): number => {
    const at = prefs.order.indexOf(id);
    return at === -1 ? Number.MAX_SAFE_INTEGER : at;
  };
  // Stable sort: packs the preferences do not list keep their natural place (built-ins first).
  const ordered = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry.pack.id) - rank(b.entry.pack.id) || a.index - b.index)
    .map(({ entry }) => entry);
  for (const entry of ordered) {
    // Policy packs cannot be switched off by the agent.
    const isPolicy = entry.installed?.source.kind === 'policy';
    entry.enabled = isPolicy || !prefs.disabled.includes(entry.pack.id);
  }
  return ordered;
}

export async function loadPackEntries(): Promise<PackEntry[]> {
  const [installed, prefs] = await Promise.all([installedPacksItem.getValue(), packPreferencesItem.getValue()]);
  return orderPacks(installed, prefs);
}

export async function loadEnabledPacks(): Promise<Pack[]> {
  return (await loadPackEntries()).filter((e) => e.enabled).map((e) => e.pack);
}

/** Calls `onChange` with the new enabled packs whenever packs or their preferences change. Returns the unwatch function. */
export function watchEnabledPacks(onChange: (packs: Pack[]) => void): () => void {
  const reload = (): void => {
    void loadEnabledPacks().then(onChange);
  };
  const unwatchInstalled = installedPacksItem.watch(reload);
  const unwatchPrefs = packPreferencesItem.watch(reload);
  return () => {
    unwatchInstalled();
    unwatchPrefs();
  };
}
