// The agent's own replies in storage: in storage.sync while they fit (they follow the browser profile), else on this device; saved only when valid.
import { storage } from 'wxt/utils/storage';
import {
  buildMyRepliesPacks,
  checkMyReply,
  MY_REPLY_LIMITS,
  scopeTitles,
  type MyReply,
  type MyReplyProblem,
  type Pack,
} from '../engine/index.ts';
import { settingsItem, withPackLibraryLock, type PersonalRepliesMode } from './storage.ts';

type Place = 'sync' | 'local';

// storage.sync holds 8 KB an item and 100 KB in all (Chrome's QUOTA_BYTES_PER_ITEM, QUOTA_BYTES): the list is written
// in chunks under one manifest, and moves to this device when it would take more than a safe share of the whole.
const SYNC_CHUNK_BYTES = 7000;
const SYNC_BUDGET_BYTES = 80_000;
const CHUNK_KEY = (index: number) => `sync:myReplies.${index}` as const;

interface SyncManifest {
  chunks: number;
  savedAt: number;
}

/** Where the list is kept; a new device reads sync (where another device of the profile may have written it). */
export const myRepliesPlaceItem = storage.defineItem<Place>('local:myRepliesPlace', { fallback: 'sync' });
/** The list when it is kept on this device. */
const localRepliesItem = storage.defineItem<MyReply[]>('local:myReplies', { fallback: [] });
/** Written last on every sync save: what the background watches to rebuild the packs. */
const syncManifestItem = storage.defineItem<SyncManifest | null>('sync:myReplies', { fallback: null });

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

/** The JSON of the list in pieces each of which, stored as a string, stays under SYNC_CHUNK_BYTES. */
function chunksOf(json: string): string[] {
  const chunks: string[] = [];
  let current = '';
  let bytes = 2; // the quotes around the stored string
  for (const char of json) {
    // A quote or backslash is escaped in storage's JSON: count it twice.
    const size = utf8Bytes(char) + (char === '"' || char === '\\' ? 1 : 0);
    if (bytes + size > SYNC_CHUNK_BYTES) {
      chunks.push(current);
      current = '';
      bytes = 2;
    }
    current += char;
    bytes += size;
  }
  if (current !== '' || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** Keeps only well-formed entries: the sync area is written by other devices and older versions too. */
function wellFormed(value: unknown): MyReply[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (entry): entry is MyReply =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof entry.id === 'string' &&
        typeof entry.title === 'string' &&
        typeof entry.text === 'string' &&
        Array.isArray(entry.scopes) &&
        entry.scopes.every((scope: unknown) => typeof scope === 'string') &&
        (entry.shortcut === undefined || typeof entry.shortcut === 'string'),
    )
    .slice(0, MY_REPLY_LIMITS.replies);
}

async function readSync(): Promise<MyReply[]> {
  const manifest = await syncManifestItem.getValue();
  if (!manifest || !Number.isInteger(manifest.chunks) || manifest.chunks < 1 || manifest.chunks > 64) return [];
  const keys = Array.from({ length: manifest.chunks }, (_, i) => CHUNK_KEY(i));
  const parts = await storage.getItems(keys);
  try {
    return wellFormed(JSON.parse(parts.map((part) => (typeof part.value === 'string' ? part.value : '')).join('')));
  } catch {
    return [];
  }
}

/** The agent's replies, in the agent's order. */
export async function loadMyReplies(): Promise<MyReply[]> {
  const place = await myRepliesPlaceItem.getValue();
  return place === 'local' ? wellFormed(await localRepliesItem.getValue()) : readSync();
}

/**
 * Writes the whole list to sync when it fits and sync takes it, else to this device; returns where it went. Callers hold
 * the library's lock (withPackLibraryLock).
 */
export async function writeMyReplies(replies: readonly MyReply[], now: number): Promise<Place> {
  const json = JSON.stringify(replies);
  const previous = await syncManifestItem.getValue();
  const oldChunks = previous && Number.isInteger(previous.chunks) ? Math.min(previous.chunks, 64) : 0;
  if (utf8Bytes(json) <= SYNC_BUDGET_BYTES) {
    const chunks = chunksOf(json);
    try {
      await storage.setItems(chunks.map((value, i) => ({ key: CHUNK_KEY(i), value })));
      await syncManifestItem.setValue({ chunks: chunks.length, savedAt: now });
      const stale = Array.from({ length: Math.max(0, oldChunks - chunks.length) }, (_, i) =>
        CHUNK_KEY(chunks.length + i),
      );
      if (stale.length > 0) await storage.removeItems(stale);
      await localRepliesItem.removeValue();
      await myRepliesPlaceItem.setValue('sync');
      return 'sync';
    } catch {
      // Sync refused (quota, or a browser without sync for this extension): this device keeps them.
    }
  }
  await localRepliesItem.setValue([...replies]);
  await myRepliesPlaceItem.setValue('local');
  if (oldChunks > 0) {
    await storage
      .removeItems([syncManifestItem.key, ...Array.from({ length: oldChunks }, (_, i) => CHUNK_KEY(i))])
      .catch(() => undefined);
  }
  return 'local';
}

export type MyRepliesResult =
  | { ok: true; replies: MyReply[]; place: Place }
  | { ok: false; problems: MyReplyProblem[] }
  | { ok: false; mode: Exclude<PersonalRepliesMode, 'on'> };

/** Refused when a policy turned personal replies off or made them read-only. */
async function withWritableReplies(
  change: (replies: MyReply[]) => MyReply[] | { problems: MyReplyProblem[] },
  now: number,
): Promise<MyRepliesResult> {
  // Under the library's lock: the panel and the options page may both change the list at once.
  return withPackLibraryLock(async () => {
    const mode = (await settingsItem.getValue()).personalReplies ?? 'on';
    if (mode !== 'on') return { ok: false, mode };
    const next = change(await loadMyReplies());
    if (!Array.isArray(next)) return { ok: false, problems: next.problems };
    const place = await writeMyReplies(next, now);
    return { ok: true, replies: next, place };
  });
}

/**
 * Saves a new reply or one edited (same id), after the same checks as the form shows; nothing changes when any
 * fails. A new reply comes first in the list.
 */
export function saveMyReply(
  reply: Omit<MyReply, 'updatedAt'>,
  variables: readonly string[],
  now: number = Date.now(),
): Promise<MyRepliesResult> {
  return withWritableReplies((replies) => {
    const problems = checkMyReply(reply, { others: replies, variables });
    if (problems.length > 0) return { problems };
    const saved: MyReply = {
      id: reply.id,
      title: reply.title.trim(),
      text: reply.text.trim(),
      ...(reply.shortcut?.trim() ? { shortcut: reply.shortcut.trim() } : {}),
      scopes: [...new Set(reply.scopes)],
      updatedAt: now,
    };
    const at = replies.findIndex((r) => r.id === reply.id);
    return at === -1 ? [saved, ...replies] : replies.map((r, i) => (i === at ? saved : r));
  }, now);
}

/** Removes a reply; the result's list is what to put back (`replaceMyReplies`) for undo. */
export function deleteMyReply(id: string, now: number = Date.now()): Promise<MyRepliesResult> {
  return withWritableReplies((replies) => replies.filter((r) => r.id !== id), now);
}

/** Writes a whole list (undo of a delete, a new order). */
export function replaceMyReplies(replies: readonly MyReply[], now: number = Date.now()): Promise<MyRepliesResult> {
  return withWritableReplies(() => wellFormed(replies), now);
}

/** Calls `onChange` whenever the list may have changed, on this device or (through sync) another. */
export function watchMyReplies(onChange: () => void): () => void {
  const stops = [
    syncManifestItem.watch(onChange),
    localRepliesItem.watch(onChange),
    myRepliesPlaceItem.watch(onChange),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

/**
 * The packs with the agent's replies appended last, a pack per language (the highest priority, so they lead their
 * scenario's replies), unless personal replies are off. Their scope titles are copied from the packs: they change no title.
 */
export function withMyRepliesPack(
  packs: readonly Pack[],
  replies: readonly MyReply[],
  locale: string,
  mode: PersonalRepliesMode = 'on',
): Pack[] {
  if (mode === 'off') return [...packs];
  return [...packs, ...buildMyRepliesPacks(replies, { locale, scopeOf: scopeTitles(packs, locale) })];
}
