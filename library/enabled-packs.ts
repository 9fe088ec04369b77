// Builds the enabled packs (built-in, installed, taught, the agent's own replies) in the background and publishes them in storage, so the content script and the panel need not carry the built-in packs.
import { watchMyReplies } from '../utils/my-replies.ts';
import { bundledCueLists, bundledPinyinTable, bundledTraditionalTable, packsForAgent } from '../engine/index.ts';
import { loadEnabledPacks } from '../utils/packs.ts';
import {
  cueListsItem,
  enabledPacksItem,
  installedPacksItem,
  packPreferencesItem,
  pinyinTableItem,
  settingsItem,
  taughtCorrectionsItem,
  traditionalTableItem,
} from '../utils/storage.ts';

/** Builds the enabled packs now and publishes them, after the tables their engines need (each written when it changed). */
async function publishEnabledPacks(): Promise<void> {
  const table = bundledPinyinTable();
  if (table && (await pinyinTableItem.getValue()) !== table) await pinyinTableItem.setValue(table);
  const traditional = bundledTraditionalTable();
  if (traditional && (await traditionalTableItem.getValue()) !== traditional)
    await traditionalTableItem.setValue(traditional);
  const cueLists = bundledCueLists();
  if (cueLists && JSON.stringify(await cueListsItem.getValue()) !== JSON.stringify(cueLists))
    await cueListsItem.setValue(cueLists);
  // Cut to the agent's level and team here, once for every tab and panel; the site is cut where the page is known.
  const settings = await settingsItem.getValue();
  await enabledPacksItem.setValue(
    packsForAgent(await loadEnabledPacks(), { level: settings.agentLevel, team: settings.agentTeam }),
  );
}

/**
 * Publishes at start and again whenever packs, their order and switches, the corrections or the interface language
 * (which decides whose Chinese rule texts win) change. Returns the stop function.
 */
export function startEnabledPacksPublishing(): () => void {
  let running: Promise<void> = Promise.resolve();
  // One build at a time, in order: the last change is the last written.
  const publish = (): void => {
    running = running
      .then(publishEnabledPacks)
      .catch((error: unknown) => console.error('[huashu] publishing the enabled packs failed', error));
  };
  const stops = [
    installedPacksItem.watch(publish),
    packPreferencesItem.watch(publish),
    // A correction counts from the next message on, in every tab and panel.
    taughtCorrectionsItem.watch(publish),
    // The agent's own replies, saved in the panel or the options page, or on another device of the profile.
    watchMyReplies(publish),
    settingsItem.watch((next, previous) => {
      if (
        next?.uiLanguage !== previous?.uiLanguage ||
        next?.personalReplies !== previous?.personalReplies ||
        next?.agentLevel !== previous?.agentLevel ||
        next?.agentTeam !== previous?.agentTeam
      )
        publish();
    }),
  ];
  publish();
  return () => {
    for (const stop of stops) stop();
  };
}
