// Takes a learned reader the background published for the tab's packs (library/reader-publishing.ts) instead of training one in the page.
import { extensionBuild, type PublishedReader } from '../utils/storage.ts';

/** True when `take` took the published reader: one this build trained and storage could hold (`take` checks the packs). */
export function takeIfCurrent<Trained>(
  published: PublishedReader<Trained> | null,
  take: (reader: Trained) => boolean,
): boolean {
  return published?.reader != null && published.build === extensionBuild() && take(published.reader);
}

/** Reads the item and takes its reader when it fits; false, and the tab trains its own, when none does or reading fails. */
export async function takePublishedReader<Trained>(
  item: { getValue(): Promise<PublishedReader<Trained> | null> },
  name: string,
  take: (reader: Trained) => boolean,
): Promise<boolean> {
  try {
    return takeIfCurrent(await item.getValue(), take);
  } catch (error) {
    console.error(`[huashu] reading the published ${name} failed; training one here`, error);
    return false;
  }
}
