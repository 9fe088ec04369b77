// What the agent taught, kept on this device: corrections and unmatched messages (masked) in storage.local, and the taught pack.
import {
  buildTaughtPack,
  freshUnmatched,
  scenarioTitles,
  withCorrection,
  withUnmatched,
  type Pack,
  type TaughtCorrection,
  type UnmatchedMessage,
} from '../engine/index.ts';
import { taughtCorrectionsItem, unmatchedMessagesItem } from './storage.ts';

/** An id unique on this device (crypto.randomUUID needs a secure page; content scripts run on http helpdesks too). */
export function newTeachId(now: number = Date.now()): string {
  return `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The packs with the taught pack appended, when there is anything taught. Last is the highest priority: the corrections
 * are this agent's, about this agent's customers, and were made because the other packs got a message wrong; merged
 * after them, no pack's `"merge": "replace"` can wipe them out. Its titles are copied from those packs, so it changes
 * no title the agent sees.
 */
export function withTaughtPack(
  packs: readonly Pack[],
  corrections: readonly TaughtCorrection[],
  locale: string,
): Pack[] {
  const taught = buildTaughtPack(corrections, { titleOf: scenarioTitles(packs, locale), locale });
  return taught ? [...packs, taught] : [...packs];
}

/** Saves a correction (or replaces the one with its id); its message no longer waits among the unmatched ones. */
export async function saveCorrection(correction: TaughtCorrection): Promise<void> {
  await taughtCorrectionsItem.setValue(withCorrection(await taughtCorrectionsItem.getValue(), correction));
  const unmatched = await unmatchedMessagesItem.getValue();
  if (unmatched.some((m) => m.message === correction.message)) {
    await unmatchedMessagesItem.setValue(unmatched.filter((m) => m.message !== correction.message));
  }
}

const PLACEHOLDER = /［[^］]*］|\[[^\]]*\]/gu;

/** A message worth labelling says something: two letters or Han characters at least besides the placeholders. */
export function isWorthLabelling(masked: string): boolean {
  return /\p{L}[^]*\p{L}/u.test(masked.replace(PLACEHOLDER, ''));
}

/** Keeps a masked message detection found no scenario for, unless the agent already said what it is. */
export async function recordUnmatched(masked: string, now: number = Date.now()): Promise<boolean> {
  if (!isWorthLabelling(masked)) return false;
  const [corrections, unmatched] = await Promise.all([
    taughtCorrectionsItem.getValue(),
    unmatchedMessagesItem.getValue(),
  ]);
  if (corrections.some((c) => c.message === masked)) return false;
  await unmatchedMessagesItem.setValue(withUnmatched(unmatched, { id: newTeachId(now), message: masked, at: now }));
  return true;
}

/** Drops unmatched messages past their time (at start, so that none outlives it while no new one arrives). */
export async function pruneUnmatched(now: number = Date.now()): Promise<void> {
  const stored = await unmatchedMessagesItem.getValue();
  const fresh = freshUnmatched(stored, now);
  if (fresh.length !== stored.length) await unmatchedMessagesItem.setValue(fresh);
}

/** Labels a kept unmatched message: a scenario id, or null for "needs no scenario". */
export async function labelUnmatched(
  entry: UnmatchedMessage,
  scenario: string | null,
  now: number = Date.now(),
): Promise<void> {
  await saveCorrection({ id: newTeachId(now), message: entry.message, scenario, at: now });
}

export async function deleteCorrection(id: string): Promise<void> {
  await taughtCorrectionsItem.setValue((await taughtCorrectionsItem.getValue()).filter((c) => c.id !== id));
}

export async function deleteUnmatched(id: string): Promise<void> {
  await unmatchedMessagesItem.setValue((await unmatchedMessagesItem.getValue()).filter((m) => m.id !== id));
}

/** Forgets everything taught and every kept unmatched message. */
export async function deleteAllTaught(): Promise<void> {
  await Promise.all([taughtCorrectionsItem.setValue([]), unmatchedMessagesItem.setValue([])]);
}
