// The enabled packs in priority order (built-in, then added ones, then what the agent taught), read from storage and watched for changes.
import { browser } from 'wxt/browser';
import { DEFAULT_PACKS } from '../engine/default-packs.ts';
import type { Pack } from '../engine/types.ts';
import { resolveUiLocale, type UiLocale } from './i18n.ts';
import {
  installedPacksItem,
  packPreferencesItem,
  settingsItem,
  taughtCorrectionsItem,
  type InstalledPack,
  type PackPreferences,
  type Settings,
} from './storage.ts';
import { loadMyReplies, withMyRepliesPack } from './my-replies.ts';
import { withTaughtPack } from './teach.ts';

export interface PackEntry {
  pack: Pack;
  builtin: boolean;
  installed?: InstalledPack;
  enabled: boolean;
}

/**
 * The built-in packs in their priority order for an interface language. zh-CN and zh-TW share rule ids (one is
 * converted from the other), so the later one's messages and fixes are the ones shown: a Taiwan agent gets them in
 * traditional characters and Taiwan wording, everyone else in simplified.
 */
export function builtInPacksFor(locale: UiLocale | undefined): readonly Pack[] {
  if (locale !== 'zh-TW') return DEFAULT_PACKS;
  const traditional = DEFAULT_PACKS.filter((pack) => pack.locale === 'zh-TW');
  return [...DEFAULT_PACKS.filter((pack) => pack.locale !== 'zh-TW'), ...traditional];
}

/** All packs, in priority order (later wins), with their enabled state. Pure: the options page and tests use it too. */
export function orderPacks(
  installed: readonly InstalledPack[],
  prefs: PackPreferences,
  locale?: UiLocale,
): PackEntry[] {
  const entries: PackEntry[] = [
    ...builtInPacksFor(locale).map((pack) => ({ pack, builtin: true, enabled: true })),
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

function browserLanguage(): string {
  try {
    return browser.i18n?.getUILanguage?.() ?? globalThis.navigator?.language ?? 'en';
  } catch {
    return globalThis.navigator?.language ?? 'en';
  }
}

async function loadPackSet(): Promise<{ entries: PackEntry[]; locale: UiLocale; settings: Settings }> {
  const [installed, prefs, settings] = await Promise.all([
    installedPacksItem.getValue(),
    packPreferencesItem.getValue(),
    settingsItem.getValue(),
  ]);
  const locale = resolveUiLocale(settings.uiLanguage, browserLanguage());
  return { entries: orderPacks(installed, prefs, locale), locale, settings };
}

/** The packs the options page lists (the taught pack has a section of its own there). */
export async function loadPackEntries(): Promise<PackEntry[]> {
  return (await loadPackSet()).entries;
}

/**
 * What the engine is built from, in the content script and the panel alike: the enabled packs, then the taught pack,
 * then the agent's own replies.
 */
export async function loadEnabledPacks(): Promise<Pack[]> {
  const [{ entries, locale, settings }, corrections, mine] = await Promise.all([
    loadPackSet(),
    taughtCorrectionsItem.getValue(),
    loadMyReplies(),
  ]);
  const packs = withTaughtPack(
    entries.filter((e) => e.enabled).map((e) => e.pack),
    corrections,
    locale,
  );
  return withMyRepliesPack(packs, mine, locale, settings.personalReplies);
}
