// Trains the learned readers (drafts, emotion) once per set of enabled packs, here in the background, and publishes them for every tab to take instead of training its own in the page.
import { draftReaderTraining, emotionReaderTraining, type ReaderTraining } from '../engine/index.ts';
import type { Pack } from '../engine/types.ts';
import {
  draftReaderItem,
  emotionReaderItem,
  enabledPacksItem,
  extensionBuild,
  type PublishedReader,
} from '../utils/storage.ts';

/** A slice of training between two turns of the background's event loop: its messages (the panel's) wait no longer. */
const TRAINING_SLICE_MS = 25;

const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The storage item a reader is kept in. */
interface ReaderItem<Trained> {
  getValue(): Promise<PublishedReader<Trained> | null>;
  setValue(value: PublishedReader<Trained> | null): Promise<void>;
  removeValue(): Promise<void>;
}

/**
 * Trains for these packs and writes the reader, unless the kept one was trained by this build on the same packs (a
 * background that starts again, as a service worker often does, trains nothing). Stops without writing once `current`
 * says these packs are no longer the enabled ones. When storage cannot hold the reader, says so in the item (the tabs
 * train their own), so that the next start does not train again in vain.
 */
async function publishReader<Trained>(
  training: ReaderTraining<Trained>,
  item: ReaderItem<Trained>,
  name: string,
  current: () => boolean,
): Promise<void> {
  const stamp = { build: extensionBuild(), fingerprint: training.fingerprint() };
  const kept = await item.getValue();
  if (kept?.build === stamp.build && kept.fingerprint === stamp.fingerprint) return;
  // The old reader goes first: its room is free for the new one, and no tab is left reading it meanwhile.
  if (kept) await item.removeValue();
  while (!training.prepare(TRAINING_SLICE_MS)) {
    await nextTurn();
    if (!current()) return;
  }
  const reader = training.trained() ?? null;
  if (!current()) return;
  try {
    await item.setValue({ ...stamp, reader });
  } catch (error) {
    console.error(`[huashu] storage could not hold the ${name}; each tab trains its own`, error);
    await item.setValue({ ...stamp, reader: null });
  }
}

/**
 * Publishes at start and whenever the enabled packs change: the emotion reader first (about half a second of
 * training), then the draft reader (a few seconds). Returns the stop function.
 */
export function startReaderPublishing(): () => void {
  let generation = 0;
  let running: Promise<void> = Promise.resolve();
  const publish = (packs: Pack[] | null): void => {
    if (!packs) return;
    const mine = ++generation;
    const current = (): boolean => mine === generation;
    running = running
      .then(() =>
        current()
          ? publishReader(emotionReaderTraining(packs), emotionReaderItem, 'emotion reader', current)
          : undefined,
      )
      // The tabs train their own readers then, as they did before the background could.
      .catch((error: unknown) => console.error('[huashu] publishing the emotion reader failed', error))
      .then(() =>
        current() ? publishReader(draftReaderTraining(packs), draftReaderItem, 'draft reader', current) : undefined,
      )
      .catch((error: unknown) => console.error('[huashu] publishing the draft reader failed', error));
  };
  const stop = enabledPacksItem.watch(publish);
  enabledPacksItem
    .getValue()
    .then(publish)
    .catch((error: unknown) => console.error('[huashu] reading the enabled packs failed', error));
  return stop;
}
