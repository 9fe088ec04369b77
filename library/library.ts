// The pack library behind the options page: check an import before saving it, save within the storage quota, remove with undo, switch on/off, reorder, export a pack.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_PACKS } from '../engine/default-packs.ts';
import { isMyRepliesPack } from '../engine/index.ts';
import { parseCsvPack, parsePack, explainMerge, mergePacks, sameReply } from '../engine/packs.ts';
import type { MergedReply, Pack, PackProblem } from '../engine/types.ts';
import { orderPacks, type PackEntry } from '../utils/packs.ts';
import {
  installedPacksItem,
  packPreferencesItem,
  type InstalledPack,
  type PackPreferences,
  type PackSource,
  withPackLibraryLock,
} from '../utils/storage.ts';
import { libraryError, type LibraryError, type LibraryProblem } from './errors.ts';

type ChangeKind = 'scenario' | 'stage' | 'reply' | 'rule';

interface ImportChange {
  kind: ChangeKind;
  id: string;
  /** For replies: the scenario or stage they belong to. */
  parent?: string;
  /** What a person reads of it: a scenario's or stage's title, a reply's title or the start of its text. */
  label?: string;
}

/** How long a reply's text is shown in a preview before it is cut. */
const PREVIEW_TEXT_CHARS = 60;

function replyLabel(reply: { title?: string; text: string }): string {
  if (reply.title) return reply.title;
  return reply.text.length > PREVIEW_TEXT_CHARS ? `${reply.text.slice(0, PREVIEW_TEXT_CHARS - 1)}…` : reply.text;
}

interface ImportOverride extends ImportChange {
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
  /** What the pack may still get wrong without it stopping the save (a blank written "……" instead of a field). */
  notices: PackProblem[];
}

/** A refused import lists the pack's own problems and, for an id it may not take, the library's. */
export type ImportCheck =
  { ok: true; preview: ImportPreview } | { ok: false; problems: Array<PackProblem | LibraryProblem> };
/** A refusal is data: the page that shows it phrases it in its language (describeLibraryError). */
export type LibraryResult<T = void> = { ok: true; value: T } | { ok: false; error: LibraryError };

/** How an agent adds a pack; `policy` is the policy sync's alone and `builtin` is never stored. */
export type AgentPackSource = Extract<PackSource, { kind: 'file' | 'paste' | 'url' }>;
export const AGENT_SOURCE_KINDS: ReadonlyArray<PackSource['kind']> = ['file', 'paste', 'url'];

export const BUILTIN_IDS: ReadonlySet<string> = new Set(DEFAULT_PACKS.map((p) => p.id));
/** Chrome's storage.local quota when the browser does not say (Firefox has no getBytesInUse nor QUOTA_BYTES). */
const FALLBACK_QUOTA_BYTES = 10 * 1024 * 1024;

const ok = <T>(value: T): LibraryResult<T> => ({ ok: true, value });
const refuse = (error: LibraryError): LibraryResult<never> => ({ ok: false, error });

/** The packs in force if `pack` were saved: it replaces its namesake in place, or comes last (highest priority). */
function packsWith(
  pack: Pack,
  installed: readonly InstalledPack[],
  prefs: PackPreferences,
): { before: Pack[]; after: Pack[] } {
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
  if (BUILTIN_IDS.has(pack.id))
    return { ok: false, problems: [{ file: fileName, path: 'id', error: libraryError('builtinId', { id: pack.id }) }] };
  if (isMyRepliesPack(pack.id))
    return {
      ok: false,
      problems: [{ file: fileName, path: 'id', error: libraryError('reservedId', { id: pack.id }) }],
    };
  const replaces = installed.find((i) => i.pack.id === pack.id);
  if (replaces?.source.kind === 'policy') {
    return { ok: false, problems: [{ file: fileName, path: 'id', error: libraryError('policyId', { id: pack.id }) }] };
  }

  const { before, after } = packsWith(pack, installed, prefs);
  const existing = new Map(explainMerge(before).map((w) => [`${w.kind}:${w.id}`, w]));
  const winners = explainMerge(after);
  const merged = mergePacks(before);
  const existingReplies = new Map<string, MergedReply[]>();
  for (const scope of [...merged.scenarios, ...merged.stages]) existingReplies.set(scope.id, scope.replies);

  const adds: ImportChange[] = [];
  const overrides: ImportOverride[] = [];
  const scopes = [...(pack.scenarios ?? []), ...(pack.stages ?? [])];
  const titles = new Map<string, string>(scopes.map((scope) => [scope.id, scope.title]));
  for (const w of winners) {
    if (!w.definedBy.includes(pack.id)) continue;
    const earlier = existing.get(`${w.kind}:${w.id}`);
    const label = w.kind === 'rule' ? undefined : titles.get(w.id);
    if (!earlier) adds.push({ kind: w.kind, id: w.id, ...(label !== undefined && { label }) });
    else overrides.push({ kind: w.kind, id: w.id, over: earlier.definedBy, ...(label !== undefined && { label }) });
  }
  for (const scope of scopes) {
    const known = existingReplies.get(scope.id) ?? [];
    for (const reply of scope.replies ?? []) {
      // Only the same reply in the same language is overridden; the same id in another language is a translation added.
      const replaced = known.filter((r) => sameReply(r, { id: reply.id, locale: pack.locale }));
      if (replaced.length > 0)
        overrides.push({
          kind: 'reply',
          id: reply.id,
          parent: scope.id,
          label: replyLabel(reply),
          over: [...new Set(replaced.map((r) => r.packId))],
        });
      else adds.push({ kind: 'reply', id: reply.id, parent: scope.id, label: replyLabel(reply) });
    }
  }
  return { ok: true, preview: { pack, fileName, adds, overrides, replaces, notices: parsed.notices ?? [] } };
}

const encoder = new TextEncoder();
const byteSize = (key: string, value: unknown): number =>
  encoder.encode(key).length + encoder.encode(JSON.stringify(value) ?? '').length;

/** Bytes storage.local uses now: the browser's count where it has one, else the same measure Chrome applies (key + JSON). */
async function bytesInUse(): Promise<number> {
  const area = browser.storage.local as typeof browser.storage.local & {
    getBytesInUse?: (keys: null) => Promise<number>;
  };
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

/** How much storage.local would grow if each key took its next value (negative when it shrinks). */
export function storageGrowth(changes: ReadonlyArray<{ key: string; current: unknown; next: unknown }>): number {
  return changes.reduce((sum, { key, current, next }) => sum + byteSize(key, next) - byteSize(key, current), 0);
}

/** The bytes storage.local has left. */
export async function storageRoom(): Promise<number> {
  return quotaBytes() - (await bytesInUse());
}

/**
 * Refuses a new value of the installed packs that would not fit in storage.local; says how much room is left. A pack
 * takes its room twice: installed, and again among the enabled packs the background publishes for the tabs
 * (library/enabled-packs.ts); a pack that fitted once only would be saved and never reach them.
 */
async function checkRoom(current: readonly InstalledPack[], next: readonly InstalledPack[]): Promise<LibraryResult> {
  const growth = 2 * storageGrowth([{ key: 'installedPacks', current, next }]);
  if (growth <= 0) return ok(undefined);
  const room = await storageRoom();
  return growth > room
    ? refuse(libraryError('quota', { needed: { bytes: growth }, room: { bytes: room } }))
    : ok(undefined);
}

/** Saves a previewed pack (replacing its namesake in place). Reads the library afresh, so a stale preview cannot drop a pack. */
export async function commitImport(
  preview: ImportPreview,
  source: AgentPackSource,
  now: number = Date.now(),
): Promise<LibraryResult<InstalledPack>> {
  const id = preview.pack.id;
  if (BUILTIN_IDS.has(id)) return refuse(libraryError('builtinId', { id }));
  // Only the policy sync, from the browser's managed storage, makes a policy pack; the agent's packs are theirs.
  if (!AGENT_SOURCE_KINDS.includes(source.kind)) return refuse(libraryError('policyId', { id }));
  return withPackLibraryLock(async () => {
    const installed = await installedPacksItem.getValue();
    const at = installed.findIndex((i) => i.pack.id === id);
    if (at !== -1 && installed[at]!.source.kind === 'policy') return refuse(libraryError('policyId', { id }));
    const entry: InstalledPack = {
      pack: preview.pack,
      source,
      addedAt: at === -1 ? now : installed[at]!.addedAt,
      updatedAt: now,
    };
    const next = at === -1 ? [...installed, entry] : installed.map((i, index) => (index === at ? entry : i));
    const room = await checkRoom(installed, next);
    if (!room.ok) return room;
    await installedPacksItem.setValue(next);
    return ok(entry);
  });
}

/** What `removePack` took away, enough to put it back exactly. */
export interface RemovedPack {
  entry: InstalledPack;
  index: number;
  orderIndex: number;
  wasDisabled: boolean;
}

export async function removePack(id: string): Promise<LibraryResult<RemovedPack>> {
  if (BUILTIN_IDS.has(id)) return refuse(libraryError('builtinRemove', { id }));
  return withPackLibraryLock(() => removeUnlocked(id));
}

async function removeUnlocked(id: string): Promise<LibraryResult<RemovedPack>> {
  const [installed, prefs] = await Promise.all([installedPacksItem.getValue(), packPreferencesItem.getValue()]);
  const index = installed.findIndex((i) => i.pack.id === id);
  if (index === -1) return refuse(libraryError('unknownPack', { id }));
  const entry = installed[index]!;
  if (entry.source.kind === 'policy') return refuse(libraryError('policyLocked', { id }));
  const removed: RemovedPack = {
    entry,
    index,
    orderIndex: prefs.order.indexOf(id),
    wasDisabled: prefs.disabled.includes(id),
  };
  // Preferences and packs in one write, so the engine never rebuilds from half a change.
  await storage.setItems([
    { item: installedPacksItem, value: installed.filter((_, i) => i !== index) },
    {
      item: packPreferencesItem,
      value: { order: prefs.order.filter((p) => p !== id), disabled: prefs.disabled.filter((p) => p !== id) },
    },
  ]);
  return ok(removed);
}

/** Undo of `removePack`: the pack returns to its place, order and on/off state (unless a pack of that id came meanwhile). */
export function restorePack(removed: RemovedPack): Promise<LibraryResult<InstalledPack>> {
  return withPackLibraryLock(() => restoreUnlocked(removed));
}

async function restoreUnlocked(removed: RemovedPack): Promise<LibraryResult<InstalledPack>> {
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
export function setPackEnabled(id: string, enabled: boolean): Promise<LibraryResult> {
  return withPackLibraryLock(async () => {
    const { entries, prefs } = await currentEntries();
    const entry = entries.find((e) => e.pack.id === id);
    if (!entry) return refuse(libraryError('unknownPack', { id }));
    if (entry.installed?.source.kind === 'policy')
      return enabled ? ok(undefined) : refuse(libraryError('policyLocked', { id }));
    const disabled = prefs.disabled.filter((p) => p !== id);
    if (!enabled) disabled.push(id);
    await packPreferencesItem.setValue({ order: prefs.order, disabled });
    return ok(undefined);
  });
}

/** Moves a pack one place up (higher priority: later in the order, so it wins) or down. At either end nothing changes. */
export function movePack(id: string, direction: 'up' | 'down'): Promise<LibraryResult> {
  return withPackLibraryLock(() => moveUnlocked(id, direction));
}

async function moveUnlocked(id: string, direction: 'up' | 'down'): Promise<LibraryResult> {
  const { entries, prefs } = await currentEntries();
  const ids = entries.map((e) => e.pack.id);
  const at = ids.indexOf(id);
  if (at === -1) return refuse(libraryError('unknownPack', { id }));
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
