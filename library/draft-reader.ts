// Trains the draft reader once per set of enabled packs, here in the background, and publishes it for every tab to take instead of training its own in the page.
import { draftReaderTraining } from '../engine/index.ts';
import type { Pack } from '../engine/types.ts';
import { draftReaderItem, enabledPacksItem, extensionBuild } from '../utils/storage.ts';

/** A slice of training between two turns of the background's event loop: its messages (the panel's) wait no longer. */
const TRAINING_SLICE_MS = 25;

const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Trains for these packs and writes the reader, unless the kept one was trained by this build on the same packs (a
 * background that starts again, as a service worker often does, trains nothing). Stops without writing once `current`
 * says these packs are no longer the enabled ones. When storage cannot hold the reader, says so in the item (the tabs
 * train their own), so that the next start does not train again in vain.
 */
async function publishDraftReader(packs: readonly Pack[], current: () => boolean): Promise<void> {
  const training = draftReaderTraining(packs);
  const stamp = { build: extensionBuild(), fingerprint: training.fingerprint() };
  const kept = await draftReaderItem.getValue();
  if (kept?.build === stamp.build && kept.fingerprint === stamp.fingerprint) return;
  // The old reader goes first: its room is free for the new one, and no tab is left reading it meanwhile.
  if (kept) await draftReaderItem.removeValue();
  while (!training.prepare(TRAINING_SLICE_MS)) {
    await nextTurn();
    if (!current()) return;
  }
  const reader = training.trained() ?? null;
  if (!current()) return;
  try {
    await draftReaderItem.setValue({ ...stamp, reader });
  } catch (error) {
    console.error('[huashu] storage could not hold the draft reader; each tab trains its own', error);
    await draftReaderItem.setValue({ ...stamp, reader: null });
  }
}

/** Publishes at start and whenever the enabled packs change. Returns the stop function. */
export function startDraftReaderPublishing(): () => void {
  let generation = 0;
  let running: Promise<void> = Promise.resolve();
  const publish = (packs: Pack[] | null): void => {
    if (!packs) return;
    const mine = ++generation;
    running = running
      .then(() => (mine === generation ? publishDraftReader(packs, () => mine === generation) : undefined))
      // The tabs train their own readers then, as they did before the background could.
      .catch((error: unknown) => console.error('[huashu] training the draft reader failed', error));
  };
  const stop = enabledPacksItem.watch(publish);
  enabledPacksItem
    .getValue()
    .then(publish)
    .catch((error: unknown) => console.error('[huashu] reading the enabled packs failed', error));
  return stop;
}
