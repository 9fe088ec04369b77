// Backups of the agent's own library (settings, added packs, their order, sites): export, and a restore that checks and bounds every field.
import { storage } from 'wxt/utils/storage';
import { checkMyReply, findVariables, MY_REPLY_LIMITS, type MyReply } from '../engine/index.ts';
import { parsePack } from '../engine/packs.ts';
import { loadMyReplies, writeMyReplies } from '../utils/my-replies.ts';
import {
  DEFAULT_SETTINGS,
  installedPacksItem,
  packPreferencesItem,
  SEND_GUARD_MODES,
  settingsItem,
  SETTINGS_LIMITS,
  sitePreferencesItem,
  withPackLibraryLock,
  type InstalledPack,
  type PackPreferences,
  type PackSource,
  type SendGuardMode,
  type Settings,
  type SitePreference,
  type UiLanguage,
} from '../utils/storage.ts';
import { libraryError, type LibraryError, type LibraryProblem } from './errors.ts';
import { AGENT_SOURCE_KINDS, BUILTIN_IDS, storageGrowth, storageRoom } from './library.ts';
import { policyStatusItem } from './policy.ts';
import { checkSubscriptionUrl } from './subscriptions.ts';

const BACKUP_FORMAT = 'huashu-backup';
const BACKUP_VERSION = 1;

interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  settings: Settings;
  /** The packs the agent added; the administrator's come from the policy, never from a file. */
  installedPacks: InstalledPack[];
  packPreferences: PackPreferences;
  /** The sites turned on or off, and the chat areas pointed at (absent in backups made before sites were kept). */
  sitePreferences?: Record<string, SitePreference>;
  /** The agent's own replies (absent in backups made before they existed). */
  myReplies?: MyReply[];
}

/**
 * The most a backup may hold of each list and text: no more than the library itself ever stores, so a hand-made file
 * cannot fill storage or the options page. Packs are bounded by the pack format's own limits and the storage quota.
 */
const BACKUP_LIMITS = {
  packs: 200,
  /** Pack ids in the order and the off list: every pack, built-in ones and some long gone. */
  preferenceIds: 1000,
  packIdLength: 200,
  sites: 1000,
  selectorLength: 2000,
  fileNameLength: 255,
  urlLength: 2048,
  validatorLength: 1024,
  lastErrorLength: 4000,
  exportedAtLength: 64,
} as const;

/** Settings, the agent's added packs and their order/on-off state, and the sites Huashu is on or off for, in one JSON file. */
export async function exportAll(now: Date = new Date()): Promise<string> {
  const [settings, installedPacks, packPreferences, sitePreferences, myReplies] = await Promise.all([
    settingsItem.getValue(),
    installedPacksItem.getValue(),
    packPreferencesItem.getValue(),
    sitePreferencesItem.getValue(),
    loadMyReplies(),
  ]);
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    settings,
    installedPacks: installedPacks.filter((i) => i.source.kind !== 'policy'),
    packPreferences,
    sitePreferences,
    myReplies,
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

type Fail = (path: string, error: LibraryError) => void;

// A field that is not what a backup holds there; `expected` is one of the expect… texts of errors.ts.
const shape = (field: string, expected: LibraryError): LibraryError => libraryError('backupShape', { field, expected });
// Limits are counts as people read them in every language: 1,000.
const tooMany = (field: string, limit: number): LibraryError =>
  libraryError('backupTooMany', { field, limit: limit.toLocaleString('en') });
const tooLong = (field: string, limit: number): LibraryError =>
  libraryError('backupTooLong', { field, limit: limit.toLocaleString('en') });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const UI_LANGUAGES: readonly UiLanguage[] = ['auto', 'zh-CN', 'zh-TW', 'en'];
// A host as `location.host` gives it: lower-case name or IPv6 address, optional port. Rules out "__proto__" and paths.
const SITE_HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/u;
const SITE_HOST_LENGTH = 300;
// As the pack format writes ids and variable names (engine/pack-schema.ts).
const PACK_ID = /^[a-z0-9][a-z0-9._-]*$/iu;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/u;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** A text field: absent (undefined), or text of at most `limit` characters. */
function readText(value: unknown, at: string, limit: number, fail: Fail): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(at, shape(at, libraryError('expectText')));
  else if (value.length > limit) fail(at, tooLong(at, limit));
  else return value;
  return undefined;
}

function readSettings(value: unknown, fail: Fail): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, customVariables: {} };
  if (!isRecord(value)) {
    fail('settings', shape('settings', libraryError('expectObject')));
    return settings;
  }
  for (const field of ['agentName', 'agentId', 'company', 'agentLevel', 'agentTeam'] as const) {
    const text = readText(value[field], `settings.${field}`, SETTINGS_LIMITS.textLength, fail);
    if (text !== undefined) settings[field] = text;
  }
  const trigger = readText(value.expansionTrigger, 'settings.expansionTrigger', SETTINGS_LIMITS.triggerLength, fail);
  if (trigger !== undefined) settings.expansionTrigger = trigger;
  const expansionEnabled = value.expansionEnabled;
  if (expansionEnabled !== undefined) {
    if (typeof expansionEnabled !== 'boolean')
      fail('settings.expansionEnabled', shape('settings.expansionEnabled', libraryError('expectTrueOrFalse')));
    else settings.expansionEnabled = expansionEnabled;
  }
  const sendGuard = value.sendGuard;
  if (sendGuard !== undefined) {
    if (!SEND_GUARD_MODES.includes(sendGuard as SendGuardMode))
      fail(
        'settings.sendGuard',
        shape('settings.sendGuard', libraryError('expectOneOf', { options: SEND_GUARD_MODES.join(', ') })),
      );
    else settings.sendGuard = sendGuard as SendGuardMode;
  }
  const language = value.uiLanguage;
  if (language !== undefined) {
    if (!UI_LANGUAGES.includes(language as UiLanguage))
      fail(
        'settings.uiLanguage',
        shape('settings.uiLanguage', libraryError('expectOneOf', { options: UI_LANGUAGES.join(', ') })),
      );
    else settings.uiLanguage = language as UiLanguage;
  }
  const variables = value.customVariables;
  if (variables === undefined) return settings;
  if (!isRecord(variables)) {
    fail('settings.customVariables', shape('settings.customVariables', libraryError('expectVariables')));
    return settings;
  }
  const entries = Object.entries(variables);
  if (entries.length > SETTINGS_LIMITS.variables) {
    fail('settings.customVariables', tooMany('settings.customVariables', SETTINGS_LIMITS.variables));
    return settings;
  }
  const kept: Array<[string, string]> = [];
  for (const [name, text] of entries) {
    const at = `settings.customVariables["${name.slice(0, SETTINGS_LIMITS.variableNameLength)}"]`;
    if (!VARIABLE_NAME.test(name) || name.length > SETTINGS_LIMITS.variableNameLength) {
      fail(at, shape(at, libraryError('expectVariableName', { limit: SETTINGS_LIMITS.variableNameLength })));
      continue;
    }
    const checked = readText(text, at, SETTINGS_LIMITS.textLength, fail);
    if (checked !== undefined) kept.push([name, checked]);
  }
  // fromEntries defines own properties: a name can never reach a prototype.
  settings.customVariables = Object.fromEntries(kept);
  return settings;
}

/** A pack's source, rebuilt field by field from what an export writes; null for what a backup cannot restore. */
function readSource(value: unknown, at: string, fail: Fail): PackSource | 'policy' | null {
  if (!isRecord(value)) {
    fail(at, shape(at, libraryError('expectSource')));
    return null;
  }
  // The administrator's packs come from the browser's managed storage alone; a file naming one is left out of it.
  if (value.kind === 'policy') return 'policy';
  if (!AGENT_SOURCE_KINDS.includes(value.kind as PackSource['kind'])) {
    fail(`${at}.kind`, libraryError('backupSourceKind', { field: `${at}.kind` }));
    return null;
  }
  if (value.kind === 'paste') return { kind: 'paste' };
  if (value.kind === 'file') {
    const fileName = readText(value.fileName, `${at}.fileName`, BACKUP_LIMITS.fileNameLength, fail);
    if (fileName === undefined) {
      if (value.fileName === undefined) fail(`${at}.fileName`, shape(`${at}.fileName`, libraryError('expectFileName')));
      return null;
    }
    return { kind: 'file', fileName };
  }
  const url = readText(value.url, `${at}.url`, BACKUP_LIMITS.urlLength, fail);
  if (url === undefined) {
    if (value.url === undefined) fail(`${at}.url`, shape(`${at}.url`, libraryError('expectUrl')));
    return null;
  }
  const checked = checkSubscriptionUrl(url);
  if (!checked.ok) {
    fail(`${at}.url`, libraryError('backupUrl', { field: `${at}.url`, reason: checked.error }));
    return null;
  }
  const source: Extract<PackSource, { kind: 'url' }> = { kind: 'url', url };
  let sound = true;
  for (const field of ['etag', 'lastModified'] as const) {
    const before = value[field];
    const text = readText(before, `${at}.${field}`, BACKUP_LIMITS.validatorLength, fail);
    if (text !== undefined) source[field] = text;
    else if (before !== undefined) sound = false;
  }
  // The last refresh's reason is only shown, and the next refresh replaces it: a long one is cut, not refused.
  if (typeof value.lastError === 'string') source.lastError = value.lastError.slice(0, BACKUP_LIMITS.lastErrorLength);
  else if (value.lastError !== undefined) {
    fail(`${at}.lastError`, shape(`${at}.lastError`, libraryError('expectText')));
    sound = false;
  }
  for (const field of ['lastChecked', 'lastChanged'] as const) {
    const time = value[field];
    if (time === undefined) continue;
    if (!isTime(time)) {
      fail(`${at}.${field}`, shape(`${at}.${field}`, libraryError('expectTime')));
      sound = false;
    } else source[field] = time;
  }
  return sound ? source : null;
}

function readInstalledPacks(value: unknown, fileName: string, fail: Fail): InstalledPack[] {
  const installedPacks: InstalledPack[] = [];
  if (!Array.isArray(value)) {
    fail('installedPacks', shape('installedPacks', libraryError('expectList')));
    return installedPacks;
  }
  if (value.length > BACKUP_LIMITS.packs) {
    fail('installedPacks', tooMany('installedPacks', BACKUP_LIMITS.packs));
    return installedPacks;
  }
  value.forEach((item: unknown, index) => {
    const at = `installedPacks[${index}]`;
    if (!isRecord(item)) {
      fail(at, shape(at, libraryError('expectInstalledPack')));
      return;
    }
    const source = readSource(item.source, `${at}.source`, fail);
    if (source === 'policy') return;
    let sound = source !== null;
    for (const field of ['addedAt', 'updatedAt'] as const) {
      if (!isTime(item[field])) {
        fail(`${at}.${field}`, shape(`${at}.${field}`, libraryError('expectTime')));
        sound = false;
      }
    }
    // Every pack goes through the same validation as an import (its size and list limits too); problems keep their field paths.
    const parsed = parsePack(JSON.stringify(item.pack ?? null), `${fileName} ${at}.pack`, 'json');
    if (!parsed.ok) {
      for (const p of parsed.problems)
        fail(`${at}.pack${p.path ? `.${p.path}` : ''}`, libraryError('backupPack', { index, detail: { problem: p } }));
      return;
    }
    if (BUILTIN_IDS.has(parsed.pack.id)) fail(`${at}.pack.id`, libraryError('builtinId', { id: parsed.pack.id }));
    else if (installedPacks.some((p) => p.pack.id === parsed.pack.id)) {
      fail(`${at}.pack.id`, shape(`${at}.pack.id`, libraryError('expectUnusedId', { id: parsed.pack.id })));
    } else if (sound && source)
      installedPacks.push({
        pack: parsed.pack,
        source,
        addedAt: item.addedAt as number,
        updatedAt: item.updatedAt as number,
      });
  });
  return installedPacks;
}

function readPackPreferences(value: unknown, fail: Fail): PackPreferences {
  const prefs: PackPreferences = { order: [], disabled: [] };
  if (!isRecord(value) || !Array.isArray(value.order) || !Array.isArray(value.disabled)) {
    fail('packPreferences', shape('packPreferences', libraryError('expectPreferences')));
    return prefs;
  }
  for (const list of ['order', 'disabled'] as const) {
    const ids: unknown[] = value[list] as unknown[];
    const at = `packPreferences.${list}`;
    if (ids.length > BACKUP_LIMITS.preferenceIds) {
      fail(at, tooMany(at, BACKUP_LIMITS.preferenceIds));
      continue;
    }
    ids.forEach((id, index) => {
      const place = `${at}[${index}]`;
      if (typeof id === 'string' && id.length > BACKUP_LIMITS.packIdLength)
        fail(place, tooLong(place, BACKUP_LIMITS.packIdLength));
      else if (typeof id !== 'string' || !PACK_ID.test(id)) fail(place, shape(place, libraryError('expectPackId')));
      else if (!prefs[list].includes(id)) prefs[list].push(id);
    });
  }
  return prefs;
}

/** The sites part of a backup: each host checked, each value rebuilt field by field (nothing else is kept). */
function readSitePreferences(value: unknown, fail: Fail): Record<string, SitePreference> {
  const sites: Array<[string, SitePreference]> = [];
  if (!isRecord(value)) {
    fail('sitePreferences', shape('sitePreferences', libraryError('expectSites')));
    return {};
  }
  const entries = Object.entries(value);
  if (entries.length > BACKUP_LIMITS.sites) {
    fail('sitePreferences', tooMany('sitePreferences', BACKUP_LIMITS.sites));
    return {};
  }
  for (const [host, pref] of entries) {
    const at = `sitePreferences["${host.slice(0, SITE_HOST_LENGTH)}"]`;
    if (host.length > SITE_HOST_LENGTH || !SITE_HOST.test(host)) {
      fail(at, shape(`sitePreferences key "${host.slice(0, SITE_HOST_LENGTH)}"`, libraryError('expectSiteHost')));
      continue;
    }
    if (!isRecord(pref) || typeof pref.enabled !== 'boolean') {
      fail(at, shape(at, libraryError('expectSite')));
      continue;
    }
    const site: SitePreference = { enabled: pref.enabled };
    if (pref.scheme !== undefined) {
      if (pref.scheme !== 'http' && pref.scheme !== 'https')
        fail(`${at}.scheme`, shape(`${at}.scheme`, libraryError('expectScheme')));
      else site.scheme = pref.scheme;
    }
    for (const field of ['messageListSelector', 'composerSelector'] as const) {
      const selector = pref[field];
      if (selector === undefined) continue;
      if (typeof selector !== 'string' || selector.length > BACKUP_LIMITS.selectorLength) {
        fail(
          `${at}.${field}`,
          shape(`${at}.${field}`, libraryError('expectSelector', { limit: BACKUP_LIMITS.selectorLength })),
        );
      } else site[field] = selector;
    }
    sites.push([host, site]);
  }
  return Object.fromEntries(sites);
}

const MY_REPLY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/iu;

/** The agent's replies, each checked as the form checks it (its variables are the packs' business: not checked here). */
function readMyReplies(value: unknown, fail: Fail): MyReply[] {
  if (!Array.isArray(value) || value.length > MY_REPLY_LIMITS.replies) {
    fail('myReplies', shape('myReplies', libraryError('expectMyReplies', { limit: MY_REPLY_LIMITS.replies })));
    return [];
  }
  const replies: MyReply[] = [];
  value.forEach((entry: unknown, i) => {
    const at = `myReplies[${i}]`;
    const scopes = isRecord(entry) && Array.isArray(entry.scopes) ? entry.scopes : undefined;
    const wellFormed =
      isRecord(entry) &&
      typeof entry.id === 'string' &&
      MY_REPLY_ID.test(entry.id) &&
      typeof entry.title === 'string' &&
      typeof entry.text === 'string' &&
      (entry.shortcut === undefined || typeof entry.shortcut === 'string') &&
      scopes !== undefined &&
      scopes.length <= 100 &&
      scopes.every((scope) => typeof scope === 'string' && PACK_ID.test(scope) && scope.length <= 200);
    if (!wellFormed) {
      fail(at, shape(at, libraryError('expectMyReply')));
      return;
    }
    const reply: MyReply = {
      id: entry.id as string,
      title: entry.title as string,
      text: entry.text as string,
      ...(typeof entry.shortcut === 'string' ? { shortcut: entry.shortcut } : {}),
      scopes: scopes as string[],
      updatedAt: isTime(entry.updatedAt) ? entry.updatedAt : 0,
    };
    const problem = checkMyReply(reply, { others: replies, variables: findVariables(reply.text) })[0];
    if (problem) fail(`${at}.${problem.field}`, shape(`${at}.${problem.field}`, libraryError('expectMyReply')));
    else replies.push(reply);
  });
  return replies;
}

/** Checks a backup file completely, rebuilding every value from the fields it may have; on any problem nothing is stored. */
function readBackup(
  text: string,
  fileName: string,
): { ok: true; backup: Backup } | { ok: false; problems: LibraryProblem[] } {
  const problems: LibraryProblem[] = [];
  const fail: Fail = (path, error) => problems.push({ file: fileName, path, error });
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return {
      ok: false,
      problems: [{ file: fileName, error: libraryError('backupNotJson', { detail: (error as Error).message }) }],
    };
  }
  if (!isRecord(data) || data.format !== BACKUP_FORMAT || data.version !== BACKUP_VERSION) {
    return {
      ok: false,
      problems: [
        {
          file: fileName,
          path: 'format',
          error: libraryError('backupFormat', { found: String(JSON.stringify(isRecord(data) ? data.format : data)) }),
        },
      ],
    };
  }
  const settings = readSettings(data.settings, fail);
  const installedPacks = readInstalledPacks(data.installedPacks, fileName, fail);
  const packPreferences = readPackPreferences(data.packPreferences, fail);
  const sitePreferences =
    data.sitePreferences === undefined ? undefined : readSitePreferences(data.sitePreferences, fail);
  const myReplies = data.myReplies === undefined ? undefined : readMyReplies(data.myReplies, fail);
  if (problems.length > 0) return { ok: false, problems };
  const exportedAt =
    typeof data.exportedAt === 'string' ? data.exportedAt.slice(0, BACKUP_LIMITS.exportedAtLength) : '';
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt,
      settings,
      installedPacks,
      packPreferences,
      ...(sitePreferences ? { sitePreferences } : {}),
      ...(myReplies ? { myReplies } : {}),
    },
  };
}

/**
 * Restores a backup made by `exportAll`: every item in one write, or nothing when any part is wrong or too large. What
 * the administrator's policy set stays as it is: its packs (a backup's pack of the same id gives way, as at a policy
 * sync), their on state, and the locked settings. Sites come back as the agent left them; the browser's access to them
 * cannot be restored from a file (it needs the agent's click), so the Sites section lists those that need it.
 */
export async function importAll(
  text: string,
  fileName: string,
): Promise<{ ok: true } | { ok: false; problems: LibraryProblem[] }> {
  const read = readBackup(text, fileName);
  if (!read.ok) return read;
  const { backup } = read;
  return withPackLibraryLock(async () => {
    const [currentSettings, currentPacks, currentPrefs, currentSites, policy] = await Promise.all([
      settingsItem.getValue(),
      installedPacksItem.getValue(),
      packPreferencesItem.getValue(),
      sitePreferencesItem.getValue(),
      policyStatusItem.getValue(),
    ]);
    const policyPacks = currentPacks.filter((i) => i.source.kind === 'policy');
    const policyIds = new Set(policyPacks.map((i) => i.pack.id));
    const installedPacks = [...backup.installedPacks.filter((i) => !policyIds.has(i.pack.id)), ...policyPacks];
    const settings: Settings = { ...backup.settings };
    for (const key of policy.lockedSettings) {
      if (Object.hasOwn(currentSettings, key))
        (settings as unknown as Record<string, unknown>)[key] = currentSettings[key as keyof Settings];
    }
    const packPreferences: PackPreferences = {
      order: backup.packPreferences.order,
      disabled: backup.packPreferences.disabled.filter((id) => !policyIds.has(id)),
    };
    const sitePreferences = backup.sitePreferences;
    const growth = storageGrowth([
      { key: 'settings', current: currentSettings, next: settings },
      { key: 'installedPacks', current: currentPacks, next: installedPacks },
      { key: 'packPreferences', current: currentPrefs, next: packPreferences },
      { key: 'sitePreferences', current: currentSites, next: sitePreferences ?? currentSites },
    ]);
    if (growth > 0) {
      const room = await storageRoom();
      if (growth > room)
        return {
          ok: false,
          problems: [
            {
              file: fileName,
              error: libraryError('backupQuota', { needed: { bytes: growth }, room: { bytes: room } }),
            },
          ],
        };
    }
    await storage.setItems([
      { item: settingsItem, value: settings },
      { item: installedPacksItem, value: installedPacks },
      { item: packPreferencesItem, value: packPreferences },
      // A backup made before sites were kept leaves the current ones as they are.
      ...(sitePreferences ? [{ item: sitePreferencesItem, value: sitePreferences }] : []),
    ]);
    // The agent's replies as the backup has them, unless a policy keeps them as they are (read-only or off).
    const mine = backup.myReplies;
    if (mine && (settings.personalReplies ?? 'on') === 'on' && (mine.length > 0 || (await loadMyReplies()).length > 0))
      await writeMyReplies(mine, Date.now());
    return { ok: true } as const;
  });
}
