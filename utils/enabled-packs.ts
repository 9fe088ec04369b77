// The enabled packs as the background publishes them (utils/storage.ts enabledPacksItem), for the content script and the panel: read once, then followed.
import type { Pack } from '../engine/types.ts';
import { enabledPacksItem } from './storage.ts';

/**
 * Calls `onPacks` with the enabled packs now (once the background has published them) and on every change. Returns the
 * unwatch function.
 */
export function followEnabledPacks(onPacks: (packs: Pack[]) => void): () => void {
  let seenChange = false;
  const unwatch = enabledPacksItem.watch((packs) => {
    seenChange = true;
    if (packs) onPacks(packs);
  });
  enabledPacksItem
    .getValue()
    .then((packs) => {
      // A change that arrived while reading is newer than what was read.
      if (packs && !seenChange) onPacks(packs);
    })
    .catch((error: unknown) => console.error('[huashu] reading the enabled packs failed', error));
  return unwatch;
}
