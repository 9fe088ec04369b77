// The agent's own replies in storage: in storage.sync while they fit (they follow the browser profile), else on this device; saved only when valid.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  buildMyRepliesPacks,
  checkMyReply,
  moveMyReply,
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
  /** Length and FNV-1a hash of the whole JSON: chunks that arrived from another device without the rest do not match. */
  length: number;
  hash: number;
}

/** Where the list is kept; a new device reads sync (where another device of the profile may have written it). */
export const myRepliesPlaceItem = storage.defineItem<Place>('local:myRepliesPlace', { fallback: 'sync' });
/** The list when it is kept on this device. */
const localRepliesItem = storage.defineItem<MyReply[]>('local:myReplies', { fallback: [] });
/** Written with the chunks in one write: what says how many there are and what they must add up to. */
const syncManifestItem = storage.defineItem<SyncManifest | null>('sync:myReplies', { fallback: null });

/** The sync copy is incomplete or damaged (chunks still on their way from another device): read again later. */
class MyRepliesUnreadable extends Error {}

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

// Chrome writes a stored string as JSON escaping quotes and backslashes (2 bytes), and "<", ">", "&", control
// characters and U+2028/U+2029 as \uXXXX (6 bytes): count each as it is written, not as it is in memory.
function storedBytes(char: string): number {
  if (char === '"' || char === '\\') return 2;
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x2028 || code === 0x2029 || char === '<' || char === '>' || char === '&') return 6;
  return utf8Bytes(char);
}

/** The JSON of the list in pieces each of which, stored as a string, stays under SYNC_CHUNK_BYTES. */
function chunksOf(json: string): string[] {
  const chunks: string[] = [];
  let current = '';
  let bytes = 2; // the quotes around the stored string
  for (const char of json) {
    const size = storedBytes(char);
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

const MAX_CHUNKS = 64;

async function readSync(): Promise<MyReply[]> {
  const manifest = await syncManifestItem.getValue();
  if (!manifest) return [];
  if (!Number.isInteger(manifest.chunks) || manifest.chunks < 1 || manifest.chunks > MAX_CHUNKS)
    throw new MyRepliesUnreadable('the sync manifest is damaged');
  const keys = Array.from({ length: manifest.chunks }, (_, i) => CHUNK_KEY(i));
  const json = (await storage.getItems(keys))
    .map((part) => (typeof part.value === 'string' ? part.value : ''))
    .join('');
  if (json.length !== manifest.length || fnv1a(json) !== manifest.hash)
    throw new MyRepliesUnreadable('the sync copy is incomplete');
  try {
    return wellFormed(JSON.parse(json));
  } catch {
    throw new MyRepliesUnreadable('the sync copy is not JSON');
  }
}

// What this page or worker last read whole: shown while a sync copy is still arriving, never written back.
let lastRead: MyReply[] | undefined;

/**
 * The agent's replies, in the agent's order. While the sync copy is incomplete (another device's chunks still on their
 * way) it is the list last read whole here; with nothing read yet, it throws MyRepliesUnreadable.
 */
export async function loadMyReplies(): Promise<MyReply[]> {
  try {
    const place = await myRepliesPlaceItem.getValue();
    lastRead = place === 'local' ? wellFormed(await localRepliesItem.getValue()) : await readSync();
    return lastRead;
  } catch (error) {
    if (error instanceof MyRepliesUnreadable && lastRead) return lastRead;
    throw error;
  }
}

/**
 * Writes the whole list to sync when it fits and sync takes it, else to this device; returns where it went. Callers hold
 * the library's lock (withPackLibraryLock).
 */
export async function writeMyReplies(replies: readonly MyReply[], now: number): Promise<Place> {
  const json = JSON.stringify(replies);
  const previous = await syncManifestItem.getValue().catch(() => null);
  const oldChunks = previous && Number.isInteger(previous.chunks) ? Math.min(previous.chunks, MAX_CHUNKS) : 0;
  if (utf8Bytes(json) <= SYNC_BUDGET_BYTES) {
    const chunks = chunksOf(json);
    try {
      // One write: a reader (or another device) gets the chunks and the manifest that describes them together.
      await storage.setItems([
        ...chunks.map((value, i) => ({ key: CHUNK_KEY(i), value })),
        {
          item: syncManifestItem,
          value: { chunks: chunks.length, savedAt: now, length: json.length, hash: fnv1a(json) },
        },
      ]);
    } catch {
      // Sync refused (quota, the write limit, or a browser without sync for this extension): this device keeps them,
      // and the sync copy stays as it was for the profile's other devices.
      await localRepliesItem.setValue([...replies]);
      await myRepliesPlaceItem.setValue('local');
      lastRead = [...replies];
      return 'local';
    }
    await myRepliesPlaceItem.setValue('sync');
    await localRepliesItem.removeValue();
    const stale = Array.from({ length: Math.max(0, oldChunks - chunks.length) }, (_, i) =>
      CHUNK_KEY(chunks.length + i),
    );
    if (stale.length > 0) await storage.removeItems(stale).catch(() => undefined);
    lastRead = [...replies];
    return 'sync';
  }
  // Too many to sync: this device keeps them; the sync copy is left for the other devices (a smaller list goes back).
  await localRepliesItem.setValue([...replies]);
  await myRepliesPlaceItem.setValue('local');
  lastRead = [...replies];
  return 'local';
}

export type MyRepliesResult =
  | { ok: true; replies: MyReply[]; place: Place }
  | { ok: false; problems: MyReplyProblem[] }
  | { ok: false; mode: Exclude<PersonalRepliesMode, 'on'> }
  /** The sync copy is still arriving from another device: writing now would lose its replies. */
  | { ok: false; unreadable: true };

/**
 * Runs `change` on the list read afresh and writes the result. Refused when a policy turned personal replies off or
 * made them read-only, and while the sync copy cannot be read whole (a write then would replace replies it cannot see).
 */
async function withWritableReplies(
  change: (replies: MyReply[]) => MyReply[] | { problems: MyReplyProblem[] },
  now: number,
): Promise<MyRepliesResult> {
  // Under the library's lock: the panel and the options page may both change the list at once.
  return withPackLibraryLock(async () => {
    const mode = (await settingsItem.getValue()).personalReplies ?? 'on';
    if (mode !== 'on') return { ok: false, mode };
    let current: MyReply[];
    try {
      const place = await myRepliesPlaceItem.getValue();
      current = place === 'local' ? wellFormed(await localRepliesItem.getValue()) : await readSync();
    } catch (error) {
      if (error instanceof MyRepliesUnreadable) return { ok: false, unreadable: true };
      throw error;
    }
    const next = change(current);
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

/** What `restoreMyReply` needs to put a deleted reply back where it was. */
export interface DeletedMyReply {
  reply: MyReply;
  index: number;
}

/** Removes a reply; the result says what to give `restoreMyReply` for Undo (undefined: there was no such reply). */
export async function deleteMyReply(
  id: string,
  now: number = Date.now(),
): Promise<{ result: MyRepliesResult; deleted?: DeletedMyReply }> {
  let deleted: DeletedMyReply | undefined;
  const result = await withWritableReplies((replies) => {
    const index = replies.findIndex((r) => r.id === id);
    if (index !== -1) deleted = { reply: replies[index]!, index };
    return replies.filter((r) => r.id !== id);
  }, now);
  return { result, deleted };
}

/**
 * Undo of a delete: the reply goes back at its place in the list as it is now (replies saved meanwhile stay), unless a
 * reply of its id came back already.
 */
export function restoreMyReply(deleted: DeletedMyReply, now: number = Date.now()): Promise<MyRepliesResult> {
  return withWritableReplies((replies) => {
    if (replies.some((r) => r.id === deleted.reply.id)) return replies;
    const at = Math.min(deleted.index, replies.length);
    return [...replies.slice(0, at), deleted.reply, ...replies.slice(at)];
  }, now);
}

/** Moves a reply one place up (-1) or down (+1) in the list as it is now. */
export function moveMyReplyBy(id: string, step: -1 | 1, now: number = Date.now()): Promise<MyRepliesResult> {
  return withWritableReplies((replies) => moveMyReply(replies, id, step), now);
}

/** Writes a whole list (a restored backup's, tests). */
export function replaceMyReplies(replies: readonly MyReply[], now: number = Date.now()): Promise<MyRepliesResult> {
  return withWritableReplies(() => wellFormed(replies), now);
}

/** Calls `onChange` whenever the list may have changed, on this device or (through sync) another. */
export function watchMyReplies(onChange: () => void): () => void {
  // The chunks too: from another device they may arrive after the manifest.
  const onSyncChange = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && Object.keys(changes).some((key) => key === 'myReplies' || key.startsWith('myReplies.')))
      onChange();
  };
  browser.storage.onChanged.addListener(onSyncChange);
  const stops = [localRepliesItem.watch(onChange), myRepliesPlaceItem.watch(onChange)];
  return () => {
    browser.storage.onChanged.removeListener(onSyncChange);
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

/** Why a change was refused, as the catalog key the panel and the options page show (problems are shown at their fields). */
export function refusalKey(
  result: Exclude<MyRepliesResult, { ok: true } | { problems: MyReplyProblem[] }>,
): 'myReplyOff' | 'myReplyReadOnly' | 'myReplyUnreadable' {
  if ('unreadable' in result) return 'myReplyUnreadable';
  return result.mode === 'off' ? 'myReplyOff' : 'myReplyReadOnly';
}
