// The pack library behind the options page: check an import before saving it, save within the storage quota, remove with undo, switch on/off, reorder, export and restore.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { parseCsvPack } from '../../engine/pack-convert.ts';
import { parsePack } from '../../engine/pack-load.ts';
import { explainMerge, mergePacks, sameReply } from '../../engine/pack-merge.ts';
import type { MergedReply, Pack, PackProblem } from '../../engine/types.ts';
import { orderPacks, type PackEntry } from '../packs.ts';
import {
  DEFAULT_SETTINGS,
  installedPacksItem,
  packPreferencesItem,
  settingsItem,
  sitePreferencesItem,
  type InstalledPack,
  type PackPreferences,
  type PackSource,
  type Settings,
  type SitePreference,
  type UiLanguage,
} from '../storage.ts';
import { LIBRARY_ERRORS, packProblemMessage } from './errors.ts';

export type ChangeKind = 'scenario' | 'stage' | 'reply' | 'rule';

export interface ImportChange {
  kind: ChangeKind;
  id: string;
  /** For replies: the scenario or stage they belong to. */
  parent?: string;
}

export interface ImportOverride extends ImportChange {
  /** Packs that define the same id now; the imported pack wins over them. */
  over: string[];
}

export interface ImportPreview {
  pack: Pack;
  fileName: string;
  /** Ids no enabled pack defines yet. */
  adds: ImportChange[];
  /** Ids an enabled pack defines already; the imported pack takes over (or extends) them. */
  overrides: ImportOverride[];
  /** The installed pack of the same id that saving would replace (keeping its place and on/off state). */
  replaces?: InstalledPack;
}

export type ImportCheck = { ok: true; preview: ImportPreview } | { ok: false; problems: PackProblem[] };
export type LibraryResult<T = void> = { ok: true; value: T } | { ok: false; message: string };

const BUILTIN_IDS = new Set(DEFAULT_PACKS.map((p) => p.id));
/** Chrome's storage.local quota when the browser does not say (Firefox has no getBytesInUse nor QUOTA_BYTES). */
const FALLBACK_QUOTA_BYTES = 10 * 1024 * 1024;

const ok = <T>(value: T): LibraryResult<T> => ({ ok: true, value });
const refuse = (message: string): LibraryResult<never> => ({ ok: false, message });

/** The packs in force if `pack` were saved: it replaces its namesake in place, or comes last (highest priority). */
function packsWith(pack: Pack, installed: readonly InstalledPack[], prefs: PackPreferences): { before: Pack[]; after: Pack[] } {
  const entries = orderPacks(installed, prefs);
  const before = entries.filter((e) => e.enabled).map((e) => e.pack);
  const at = entries.findIndex((e) => e.pack.id === pack.id);
  const after =
    at === -1
      ? [...before, pack]
      : entries.filter((e) => e.enabled || e.pack.id === pack.id).map((e) => (e.pack.id === pack.id ? pack : e.pack));
  return { before: before.filter((p) => p.id !== pack.id), after };
}

/**
 * Parses and validates `source`, then tells what saving it would change. Pure: nothing is stored.
 * `installed` and `prefs` are the library as it is now.
 */
export function previewImport(
  source: string,
  fileName: string,
  installed: readonly InstalledPack[],
  prefs: PackPreferences = { order: [], disabled: [] },
): ImportCheck {
  const parsed = parsePack(source, fileName, undefined, { csv: parseCsvPack });
  if (!parsed.ok) return parsed;
  const pack = parsed.pack;
  if (BUILTIN_IDS.has(pack.id)) return { ok: false, problems: [{ file: fileName, path: 'id', message: LIBRARY_ERRORS.builtinId(pack.id) }] };
  const replaces = installed.find((i) => i.pack.id === pack.id);
  if (replaces?.source.kind === 'policy') {
    return { ok: false, problems: [{ file: fileName, path: 'id', message: LIBRARY_ERRORS.policyId(pack.id) }] };
  }

  const { before, after } = packsWith(pack, installed, prefs);
  const existing = new Map(explainMerge(before).map((w) => [`${w.kind}:${w.id}`, w]));
  const winners = explainMerge(after);
  const merged = mergePacks(before);
  const existingReplies = new Map<string, MergedReply[]>();
  for (const scope of [...merged.scenarios, ...merged.stages]) existingReplies.set(scope.id, scope.replies);

  const adds: ImportChange[] = [];
  const overrides: ImportOverride[] = [];
  for (const w of winners) {
    if (!w.definedBy.includes(pack.id)) continue;
    const earlier = existing.get(`${w.kind}:${w.id}`);
    if (!earlier) adds.push({ kind: w.kind, id: w.id });
    else overrides.push({ kind: w.kind, id: w.id, over: earlier.definedBy });
  }
  const scopes = [...(pack.scenarios ?? []), ...(pack.stages ?? [])];
  for (const scope of scopes) {
    const known = existingReplies.get(scope.id) ?? [];
    for (const reply of scope.replies ?? []) {
      // Only the same reply in the same language is overridden; the same id in another language is a translation added.
      const replaced = known.filter((r) => sameReply(r, { id: reply.id, locale: pack.locale }));
      if (replaced.length > 0) overrides.push({ kind: 'reply', id: reply.id, parent: scope.id, over: [...new Set(replaced.map((r) => r.packId))] });
      else adds.push({ kind: 'reply', id: reply.id, parent: scope.id });
    }
  }
  return { ok: true, preview: { pack, fileName, adds, overrides, replaces } };
}

const encoder = new TextEncoder();
const byteSize = (key: string, value: unknown): number => encoder.encode(key).length + encoder.encode(JSON.stringify(value) ?? '').length;

/** Bytes storage.local uses now: the browser's count where it has one, else the same measure Chrome applies (key + JSON). */
async function bytesInUse(): Promise<number> {
  const area = browser.storage.local as typeof browser.storage.local & { getBytesInUse?: (keys: null) => Promise<number> };
  if (typeof area.getBytesInUse === 'function') {
    try {
      return await area.getBytesInUse(null);
    } catch {
      // Some browsers declare it but do not implement it for this area: measure below.
    }
  }
  const all = await browser.storage.local.get(null);
  return Object.entries(all).reduce((sum, [key, value]) => sum + byteSize(key, value), 0);
}

function quotaBytes(): number {
  const quota = (browser.storage.local as { QUOTA_BYTES?: number }).QUOTA_BYTES;
  return typeof quota === 'number' && quota > 0 ? quota : FALLBACK_QUOTA_BYTES;
}

/** Refuses a new value of the installed packs that would not fit in storage.local; says how much room is left. */
async function checkRoom(current: readonly InstalledPack[], next: readonly InstalledPack[]): Promise<LibraryResult> {
  const key = 'installedPacks';
  const growth = byteSize(key, next) - byteSize(key, current);
  if (growth <= 0) return ok(undefined);
  const room = quotaBytes() - (await bytesInUse());
  return growth > room ? refuse(LIBRARY_ERRORS.quota(growth, room)) : ok(undefined);
}

/** Saves a previewed pack (replacing its namesake in place). Reads the library afresh, so a stale preview cannot drop a pack. */
export async function commitImport(preview: ImportPreview, source: PackSource, now: number = Date.now()): Promise<LibraryResult<InstalledPack>> {
  const installed = await installedPacksItem.getValue();
  const id = preview.pack.id;
  if (BUILTIN_IDS.has(id)) return refuse(LIBRARY_ERRORS.builtinId(id));
  const at = installed.findIndex((i) => i.pack.id === id);
  if (at !== -1 && installed[at]!.source.kind === 'policy' && source.kind !== 'policy') return refuse(LIBRARY_ERRORS.policyId(id));
  const entry: InstalledPack = { pack: preview.pack, source, addedAt: at === -1 ? now : installed[at]!.addedAt, updatedAt: now };
  const next = at === -1 ? [...installed, entry] : installed.map((i, index) => (index === at ? entry : i));
  const room = await checkRoom(installed, next);
  if (!room.ok) return room;
  await installedPacksItem.setValue(next);
  return ok(entry);
}

/** What `removePack` took away, enough to put it back exactly. */
export interface RemovedPack {
  entry: InstalledPack;
  index: number;
  orderIndex: number;
  wasDisabled: boolean;
}

export async function removePack(id: string): Promise<LibraryResult<RemovedPack>> {
  if (BUILTIN_IDS.has(id)) return refuse(LIBRARY_ERRORS.builtinRemove(id));
  const [installed, prefs] = await Promise.all([installedPacksItem.getValue(), packPreferencesItem.getValue()]);
  const index = installed.findIndex((i) => i.pack.id === id);
  if (index === -1) return refuse(LIBRARY_ERRORS.unknownPack(id));
  const entry = installed[index]!;
  if (entry.source.kind === 'policy') return refuse(LIBRARY_ERRORS.policyLocked(id));
  const removed: RemovedPack = { entry, index, orderIndex: prefs.order.indexOf(id), wasDisabled: prefs.disabled.includes(id) };
  // Preferences and packs in one write, so the engine never rebuilds from half a change.
  await storage.setItems([
    { item: installedPacksItem, value: installed.filter((_, i) => i !== index) },
    { item: packPreferencesItem, value: { order: prefs.order.filter((p) => p !== id), disabled: prefs.disabled.filter((p) => p !== id) } },
  ]);
  return ok(removed);
}

/** Undo of `removePack`: the pack returns to its place, order and on/off state (unless a pack of that id came meanwhile). */
export async function restorePack(removed: RemovedPack): Promise<LibraryResult<InstalledPack>> {
  const [installed, prefs] = await Promise.all([installedPacksItem.getValue(), packPreferencesItem.getValue()]);
  const id = removed.entry.pack.id;
  if (installed.some((i) => i.pack.id === id)) return ok(installed.find((i) => i.pack.id === id)!);
  const next = [...installed];
  next.splice(Math.min(removed.index, next.length), 0, removed.entry);
  const room = await checkRoom(installed, next);
  if (!room.ok) return room;
  const order = prefs.order.filter((p) => p !== id);
  if (removed.orderIndex !== -1) order.splice(Math.min(removed.orderIndex, order.length), 0, id);
  const disabled = removed.wasDisabled && !prefs.disabled.includes(id) ? [...prefs.disabled, id] : prefs.disabled;
  await storage.setItems([
    { item: installedPacksItem, value: next },
    { item: packPreferencesItem, value: { order, disabled } },
  ]);
  return ok(removed.entry);
}

async function currentEntries(): Promise<{ entries: PackEntry[]; prefs: PackPreferences }> {
  const [installed, prefs] = await Promise.all([installedPacksItem.getValue(), packPreferencesItem.getValue()]);
  return { entries: orderPacks(installed, prefs), prefs };
}

/** Switches a pack on or off. Built-ins can be switched off; policy packs cannot. */
export async function setPackEnabled(id: string, enabled: boolean): Promise<LibraryResult> {
  const { entries, prefs } = await currentEntries();
  const entry = entries.find((e) => e.pack.id === id);
  if (!entry) return refuse(LIBRARY_ERRORS.unknownPack(id));
  if (entry.installed?.source.kind === 'policy') return enabled ? ok(undefined) : refuse(LIBRARY_ERRORS.policyLocked(id));
  const disabled = prefs.disabled.filter((p) => p !== id);
  if (!enabled) disabled.push(id);
  await packPreferencesItem.setValue({ order: prefs.order, disabled });
  return ok(undefined);
}

/** Moves a pack one place up (higher priority: later in the order, so it wins) or down. At either end nothing changes. */
export async function movePack(id: string, direction: 'up' | 'down'): Promise<LibraryResult> {
  const { entries, prefs } = await currentEntries();
  const ids = entries.map((e) => e.pack.id);
  const at = ids.indexOf(id);
  if (at === -1) return refuse(LIBRARY_ERRORS.unknownPack(id));
  const to = direction === 'up' ? at + 1 : at - 1;
  if (to < 0 || to >= ids.length) return ok(undefined);
  [ids[at], ids[to]] = [ids[to]!, ids[at]!];
  // The whole order is written, so packs added later still come after all of these.
  await packPreferencesItem.setValue({ order: ids, disabled: prefs.disabled });
  return ok(undefined);
}

/** One pack as a JSON file a team lead can edit and import again. */
export function exportPack(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

export const BACKUP_FORMAT = 'huashu-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  settings: Settings;
  installedPacks: InstalledPack[];
  packPreferences: PackPreferences;
  /** The sites turned on or off, and the chat areas pointed at (absent in backups made before sites were kept). */
  sitePreferences?: Record<string, SitePreference>;
}

/** Settings, added packs and their order/on-off state, and the sites Huashu is on or off for, in one JSON file. */
export async function exportAll(now: Date = new Date()): Promise<string> {
  const [settings, installedPacks, packPreferences, sitePreferences] = await Promise.all([
    settingsItem.getValue(),
    installedPacksItem.getValue(),
    packPreferencesItem.getValue(),
    sitePreferencesItem.getValue(),
  ]);
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    settings,
    installedPacks,
    packPreferences,
    sitePreferences,
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const UI_LANGUAGES: readonly UiLanguage[] = ['auto', 'zh-CN', 'zh-TW', 'en'];
// A host as `location.host` gives it: lower-case name or IPv6 address, optional port. Rules out "__proto__" and paths.
const SITE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/u;
const MAX_SELECTOR_LENGTH = 2000;

/** The sites part of a backup: each host checked, each value rebuilt field by field (nothing else is kept). */
function readSitePreferences(value: unknown, fail: (path: string, message: string) => void): Record<string, SitePreference> {
  const sites: Array<[string, SitePreference]> = [];
  if (!isRecord(value)) {
    fail('sitePreferences', LIBRARY_ERRORS.backupShape('sitePreferences', 'an object of sites by host'));
    return {};
  }
  for (const [host, pref] of Object.entries(value)) {
    const at = `sitePreferences["${host}"]`;
    if (!SITE_HOST.test(host)) {
      fail(at, LIBRARY_ERRORS.backupShape(`sitePreferences key "${host}"`, 'a host such as support.example.com or localhost:3000'));
      continue;
    }
    if (!isRecord(pref) || typeof pref.enabled !== 'boolean') {
      fail(at, LIBRARY_ERRORS.backupShape(at, 'an object with "enabled": true or false'));
      continue;
    }
    const site: SitePreference = { enabled: pref.enabled };
    if (pref.scheme !== undefined) {
      if (pref.scheme !== 'http' && pref.scheme !== 'https') fail(`${at}.scheme`, LIBRARY_ERRORS.backupShape(`${at}.scheme`, '"http" or "https"'));
      else site.scheme = pref.scheme;
    }
    for (const field of ['messageListSelector', 'composerSelector'] as const) {
      const selector = pref[field];
      if (selector === undefined) continue;
      if (typeof selector !== 'string' || selector.length > MAX_SELECTOR_LENGTH) {
        fail(`${at}.${field}`, LIBRARY_ERRORS.backupShape(`${at}.${field}`, `a CSS selector of at most ${MAX_SELECTOR_LENGTH} characters`));
      } else site[field] = selector;
    }
    sites.push([host, site]);
  }
  // fromEntries defines own properties: a key can never reach a prototype.
  return Object.fromEntries(sites);
}
const SOURCE_KINDS: ReadonlyArray<PackSource['kind']> = ['builtin', 'file', 'paste', 'url', 'policy'];

/** Checks a backup file completely; on any problem nothing is stored. */
export function readBackup(text: string, fileName: string): { ok: true; backup: Backup } | { ok: false; problems: PackProblem[] } {
  const problems: PackProblem[] = [];
  const fail = (path: string | undefined, message: string) => problems.push({ file: fileName, path, message });
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, problems: [{ file: fileName, message: LIBRARY_ERRORS.backupNotJson((error as Error).message) }] };
  }
  if (!isRecord(data) || data.format !== BACKUP_FORMAT || data.version !== BACKUP_VERSION) {
    return { ok: false, problems: [{ file: fileName, path: 'format', message: LIBRARY_ERRORS.backupFormat(isRecord(data) ? data.format : data) }] };
  }
  const settings: Settings = { ...DEFAULT_SETTINGS, customVariables: {} };
  if (!isRecord(data.settings)) fail('settings', LIBRARY_ERRORS.backupShape('settings', 'an object'));
  else {
    for (const field of ['agentName', 'agentId', 'company', 'expansionTrigger'] as const) {
      const value = data.settings[field];
      if (value === undefined) continue;
      if (typeof value !== 'string') fail(`settings.${field}`, LIBRARY_ERRORS.backupShape(`settings.${field}`, 'text'));
      else settings[field] = value;
    }
    const expansionEnabled = data.settings.expansionEnabled;
    if (expansionEnabled !== undefined) {
      if (typeof expansionEnabled !== 'boolean') fail('settings.expansionEnabled', LIBRARY_ERRORS.backupShape('settings.expansionEnabled', 'true or false'));
      else settings.expansionEnabled = expansionEnabled;
    }
    const language = data.settings.uiLanguage;
    if (language !== undefined) {
      if (!UI_LANGUAGES.includes(language as UiLanguage)) fail('settings.uiLanguage', LIBRARY_ERRORS.backupShape('settings.uiLanguage', UI_LANGUAGES.join(', ')));
      else settings.uiLanguage = language as UiLanguage;
    }
    const variables = data.settings.customVariables;
    if (variables !== undefined) {
      if (!isRecord(variables) || !Object.values(variables).every((v) => typeof v === 'string')) {
        fail('settings.customVariables', LIBRARY_ERRORS.backupShape('settings.customVariables', 'names with text values'));
      } else settings.customVariables = Object.fromEntries(Object.entries(variables as Record<string, string>));
    }
  }
  const installedPacks: InstalledPack[] = [];
  if (!Array.isArray(data.installedPacks)) fail('installedPacks', LIBRARY_ERRORS.backupShape('installedPacks', 'a list'));
  else {
    data.installedPacks.forEach((item: unknown, index) => {
      const at = `installedPacks[${index}]`;
      if (!isRecord(item) || !isRecord(item.source) || !SOURCE_KINDS.includes(item.source.kind as PackSource['kind'])) {
        fail(at, LIBRARY_ERRORS.backupShape(at, 'an object with pack, source, addedAt and updatedAt'));
        return;
      }
      if (typeof item.addedAt !== 'number' || typeof item.updatedAt !== 'number') {
        fail(at, LIBRARY_ERRORS.backupShape(`${at}.addedAt/updatedAt`, 'numbers (milliseconds)'));
        return;
      }
      // Every pack goes through the same validation as an import; its problems keep their field paths.
      const parsed = parsePack(JSON.stringify(item.pack ?? null), `${fileName} ${at}.pack`, 'json');
      if (!parsed.ok) {
        for (const p of parsed.problems) fail(`${at}.pack${p.path ? `.${p.path}` : ''}`, LIBRARY_ERRORS.backupPack(index, packProblemMessage(p)));
        return;
      }
      if (BUILTIN_IDS.has(parsed.pack.id)) fail(`${at}.pack.id`, LIBRARY_ERRORS.builtinId(parsed.pack.id));
      else if (installedPacks.some((p) => p.pack.id === parsed.pack.id)) {
        fail(`${at}.pack.id`, LIBRARY_ERRORS.backupShape(`${at}.pack.id`, `an id not used by an earlier pack ("${parsed.pack.id}" is)`));
      } else installedPacks.push({ pack: parsed.pack, source: item.source as PackSource, addedAt: item.addedAt, updatedAt: item.updatedAt });
    });
  }
  const prefs = data.packPreferences;
  if (!isRecord(prefs) || !isStringArray(prefs.order) || !isStringArray(prefs.disabled)) {
    fail('packPreferences', LIBRARY_ERRORS.backupShape('packPreferences', 'an object with "order" and "disabled" lists of pack ids'));
  }
  const sitePreferences = data.sitePreferences === undefined ? undefined : readSitePreferences(data.sitePreferences, fail);
  if (problems.length > 0) return { ok: false, problems };
  const { order, disabled } = prefs as unknown as PackPreferences;
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: String(data.exportedAt ?? ''),
      settings,
      installedPacks,
      packPreferences: { order, disabled },
      ...(sitePreferences ? { sitePreferences } : {}),
    },
  };
}

/**
 * Restores a backup made by `exportAll`: every item in one write, or nothing when any part is wrong or too large. Sites
 * come back as the agent left them; the browser's access to them cannot be restored from a file (it needs the agent's
 * click), so the Sites section lists those that need it.
 */
export async function importAll(text: string, fileName: string): Promise<{ ok: true } | { ok: false; problems: PackProblem[] }> {
  const read = readBackup(text, fileName);
  if (!read.ok) return read;
  const { settings, installedPacks, packPreferences, sitePreferences } = read.backup;
  const room = await checkRoom(await installedPacksItem.getValue(), installedPacks);
  if (!room.ok) return { ok: false, problems: [{ file: fileName, path: 'installedPacks', message: room.message }] };
  await storage.setItems([
    { item: settingsItem, value: settings },
    { item: installedPacksItem, value: installedPacks },
    { item: packPreferencesItem, value: packPreferences },
    // A backup made before sites were kept leaves the current ones as they are.
    ...(sitePreferences ? [{ item: sitePreferencesItem, value: sitePreferences }] : []),
  ]);
  return { ok: true };
}
