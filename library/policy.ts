// Packs and settings an administrator pushes through the browser's managed storage (Chrome policy, Firefox policies.json).
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { isMyRepliesPack } from '../engine/index.ts';
import { parsePack } from '../engine/packs.ts';
import { describeLibraryError, libraryError, type LibraryError, type LibraryLocale } from './errors.ts';
import type { Pack } from '../engine/types.ts';
import {
  installedPacksItem,
  PERSONAL_REPLIES_MODES,
  SEND_GUARD_MODES,
  settingsItem,
  withPackLibraryLock,
  type InstalledPack,
  type Settings,
} from '../utils/storage.ts';
import { downloadPack, type FetchOptions } from './subscriptions.ts';

/** How to read the policy: the transport, and the language its problems are written in (English when not given). */
export interface PolicyOptions extends FetchOptions {
  locale?: LibraryLocale;
}

/** What the last reading of the policy found wrong, for the options page; empty when all was well. */
export interface PolicyStatus {
  checkedAt: number;
  /** Ids of the packs the policy installs. */
  packIds: string[];
  /** Settings the policy sets (the agent cannot change them). */
  lockedSettings: string[];
  /** What was wrong, in the agent's language when the policy was read. */
  problems: string[];
}

export const policyStatusItem = storage.defineItem<PolicyStatus>('local:policyStatus', {
  fallback: { checkedAt: 0, packIds: [], lockedSettings: [], problems: [] },
  version: 1,
});

/** The settings a policy may set, with the type each must have. */
type SettingKind = 'string' | 'boolean' | 'record';
const POLICY_SETTINGS: Record<string, SettingKind> = {
  agentName: 'string',
  agentId: 'string',
  company: 'string',
  uiLanguage: 'string',
  expansionTrigger: 'string',
  expansionEnabled: 'boolean',
  sendGuard: 'string',
  personalReplies: 'string',
  agentLevel: 'string',
  agentTeam: 'string',
  customVariables: 'record',
};
const WRONG_SETTING = {
  string: 'policySettingString',
  boolean: 'policySettingBoolean',
  record: 'policySettingRecord',
} as const satisfies Record<SettingKind, string>;
/** The settings whose text must be one of a few values. */
const POLICY_CHOICES: Record<string, ReadonlySet<string>> = {
  uiLanguage: new Set(['auto', 'zh-CN', 'zh-TW', 'en']),
  sendGuard: new Set<string>(SEND_GUARD_MODES),
  personalReplies: new Set<string>(PERSONAL_REPLIES_MODES),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function fetchPolicyPack(
  url: string,
  place: string,
  options: FetchOptions,
): Promise<{ text: string; url: string } | { problem: LibraryError }> {
  const download = await downloadPack(url, {}, options);
  if (download.kind === 'failed')
    return { problem: libraryError('policyPackDownload', { place, url, reason: download.reason }) };
  if (download.kind === 'unchanged') return { problem: libraryError('policyPackUnchanged', { place, url }) };
  return { text: download.text, url };
}

/**
 * One entry of the policy's `packs`: an https address or a pack as JSON text (what Chrome's policy schema can carry),
 * or, where the policy is plain JSON (Firefox), a pack object or `{ "url": "https://…" }`.
 */
async function packText(
  entry: unknown,
  place: string,
  options: FetchOptions,
): Promise<{ text: string; url?: string } | { problem: LibraryError }> {
  if (typeof entry === 'string') {
    const trimmed = entry.trim();
    return /^https?:\/\/\S+$/u.test(trimmed) ? fetchPolicyPack(trimmed, place, options) : { text: entry };
  }
  if (isRecord(entry) && 'url' in entry) {
    if (typeof entry.url !== 'string' || Object.keys(entry).length !== 1)
      return { problem: libraryError('policyPackByUrl', { place }) };
    return fetchPolicyPack(entry.url, place, options);
  }
  if (isRecord(entry)) return { text: JSON.stringify(entry) };
  return { problem: libraryError('policyPackShape', { place, found: String(JSON.stringify(entry)?.slice(0, 40)) }) };
}

/** The settings the policy sets, checked one by one; a wrong one is a problem and is left out. */
function policySettings(value: unknown, problems: LibraryError[]): Partial<Settings> {
  if (value === undefined) return {};
  if (!isRecord(value)) {
    problems.push(libraryError('policySettingsNotObject'));
    return {};
  }
  const picked: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(value)) {
    const kind = Object.hasOwn(POLICY_SETTINGS, key) ? POLICY_SETTINGS[key] : undefined;
    const fits =
      kind === 'record'
        ? isRecord(setting) && Object.values(setting).every((v) => typeof v === 'string')
        : kind !== undefined && typeof setting === kind;
    if (!fits) {
      problems.push(
        kind
          ? libraryError(WRONG_SETTING[kind], { key })
          : libraryError('policyUnknownSetting', { key, known: Object.keys(POLICY_SETTINGS).join(', ') }),
      );
      continue;
    }
    const choices = Object.hasOwn(POLICY_CHOICES, key) ? POLICY_CHOICES[key] : undefined;
    if (choices && !choices.has(setting as string)) {
      problems.push(libraryError('policySettingChoice', { key, choices: [...choices].join(', ') }));
      continue;
    }
    picked[key] = kind === 'record' ? { ...(setting as Record<string, string>) } : setting;
  }
  return picked as Partial<Settings>;
}

/**
 * Applies a managed policy `{ packs?: [...], settings?: {...} }`: installs or updates its packs as policy packs (which the
 * agent cannot switch off or remove), sets its settings, and records what went wrong. A pack that fails to load keeps its
 * last good version; policy packs are removed only when the whole policy loaded and no longer lists them. The problems
 * are stored in `options.locale`, for the options page to show.
 */
export async function applyManagedPolicy(
  policy: unknown,
  options: PolicyOptions = {},
  now: number = Date.now(),
): Promise<PolicyStatus> {
  const problems: LibraryError[] = [];
  const root = isRecord(policy) ? policy : {};
  if (!isRecord(policy) && policy !== undefined) problems.push(libraryError('policyNotObject'));
  const entries = root.packs === undefined ? [] : Array.isArray(root.packs) ? root.packs : null;
  if (entries === null) problems.push(libraryError('policyPacksNotList'));

  const loaded: { pack: Pack; url?: string }[] = [];
  for (const [index, entry] of (entries ?? []).entries()) {
    const place = `policy packs[${index}]`;
    const got = await packText(entry, place, options);
    if ('problem' in got) {
      problems.push(got.problem);
      continue;
    }
    const parsed = parsePack(got.text, place, 'json');
    if (!parsed.ok) {
      problems.push(
        ...parsed.problems.map((problem) => libraryError('policyPackProblem', { problem: { problem, place: true } })),
      );
      continue;
    }
    // The agent's own replies are merged under these ids: a policy pack of one would pass for them.
    if (isMyRepliesPack(parsed.pack.id)) {
      problems.push(libraryError('policyPackReserved', { place, id: parsed.pack.id }));
      continue;
    }
    loaded.push({ pack: parsed.pack, url: got.url });
  }

  // Only the packs decide whether the policy loaded whole (a wrong setting does not keep a dropped pack).
  const complete = problems.length === 0;
  const settings = policySettings(root.settings, problems);
  // Read, changed and written under the library's lock: the options page or a subscription refresh may be writing too.
  return withPackLibraryLock(async () => {
    const installed = await installedPacksItem.getValue();
    const loadedIds = new Set(loaded.map((l) => l.pack.id));
    const next: InstalledPack[] = installed.filter(
      // An agent's pack with a policy pack's id gives way to it; a policy pack the policy dropped goes (only when all loaded).
      (i) => !loadedIds.has(i.pack.id) && !(i.source.kind === 'policy' && complete),
    );
    for (const { pack, url } of loaded) {
      const previous = installed.find((i) => i.pack.id === pack.id);
      next.push({
        pack,
        source: url ? { kind: 'policy', url } : { kind: 'policy' },
        addedAt: previous?.addedAt ?? now,
        updatedAt: now,
      });
    }
    if (JSON.stringify(next) !== JSON.stringify(installed)) await installedPacksItem.setValue(next);

    if (Object.keys(settings).length > 0) {
      const current = await settingsItem.getValue();
      await settingsItem.setValue({ ...current, ...settings });
    }
    const status: PolicyStatus = {
      checkedAt: now,
      packIds: next.filter((i) => i.source.kind === 'policy').map((i) => i.pack.id),
      lockedSettings: Object.keys(settings),
      problems: problems.map((problem) => describeLibraryError(problem, options.locale ?? 'en')),
    };
    await policyStatusItem.setValue(status);
    return status;
  });
}

/** Reads the browser's managed storage (empty where no policy is set) and applies it. */
async function syncManagedPolicy(options: PolicyOptions = {}): Promise<PolicyStatus> {
  let policy: Record<string, unknown> = {};
  try {
    policy = ((await browser.storage.managed?.get(null)) ?? {}) as Record<string, unknown>;
  } catch {
    // Firefox rejects when no policies.json names this add-on: that is "no policy".
    policy = {};
  }
  return applyManagedPolicy(policy, options);
}

/**
 * Applies the policy at start and whenever the administrator changes it; `agentLocale` tells, at each reading, the
 * language the agent reads its problems in.
 */
export function startManagedPolicySync(agentLocale: () => Promise<LibraryLocale>): void {
  const sync = () =>
    void agentLocale()
      .then((locale) => syncManagedPolicy({ locale }))
      .catch((error) => console.error('[huashu] applying the managed policy failed', error));
  sync();
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') sync();
  });
}
