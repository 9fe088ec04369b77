// The extension's stored items (settings, packs, per-site choices, usage counts, what the agent taught), versioned for migrations.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Pack } from '../engine/types.ts';
import type {
  CueLists,
  TaughtCorrection,
  TrainedDraftReader,
  TrainedEmotionReader,
  UnmatchedMessage,
} from '../engine/index.ts';

export type UiLanguage = 'auto' | 'zh-CN' | 'zh-TW' | 'en';

/**
 * What Huashu does when the agent sends a draft with an error-severity finding: nothing (`off`), stops the send and
 * offers "send anyway" (`confirm`), or stops it with no way past but fixing the draft (`block`).
 */
export type SendGuardMode = 'off' | 'confirm' | 'block';
export const SEND_GUARD_MODES: readonly SendGuardMode[] = ['off', 'confirm', 'block'];

/** The agent's own replies: kept and shown (`on`), shown but not changed (`read-only`), or neither (`off`). */
export type PersonalRepliesMode = 'on' | 'read-only' | 'off';
export const PERSONAL_REPLIES_MODES: readonly PersonalRepliesMode[] = ['on', 'read-only', 'off'];

export interface Settings {
  agentName: string;
  agentId: string;
  company: string;
  /** Values of pack-defined variables. */
  customVariables: Record<string, string>;
  uiLanguage: UiLanguage;
  /** Typed in the composer to open the inline picker. */
  expansionTrigger: string;
  /** The inline picker is on (off: the trigger is plain text). */
  expansionEnabled: boolean;
  /** The guard before sending (content/send-guard.ts); settings stored before it existed have none: `confirm`. */
  sendGuard: SendGuardMode;
  /** Settings stored before personal replies existed have none: `on`. A policy may set it for a team. */
  personalReplies?: PersonalRepliesMode;
  /** The agent's level and team, as packs name them (docs/packs.md "Audience"); empty: every level's and team's replies. */
  agentLevel?: string;
  agentTeam?: string;
}

export const DEFAULT_SETTINGS: Settings = {
  agentName: '',
  agentId: '',
  company: '',
  customVariables: {},
  uiLanguage: 'auto',
  expansionTrigger: ';;',
  expansionEnabled: true,
  sendGuard: 'confirm',
  personalReplies: 'on',
  agentLevel: '',
  agentTeam: '',
};

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });

/** The most the options form lets an agent type (its maxLength), so a restored backup can hold no more. */
export const SETTINGS_LIMITS = {
  /** agentName, agentId, company and each custom variable's value. */
  textLength: 200,
  triggerLength: 8,
  variableNameLength: 100,
  variables: 200,
} as const;

export type PackSource =
  | { kind: 'builtin' }
  | { kind: 'file'; fileName: string }
  | { kind: 'paste' }
  | {
      kind: 'url';
      url: string;
      etag?: string;
      lastModified?: string;
      lastChecked?: number;
      lastChanged?: number;
      lastError?: string;
    }
  | { kind: 'policy'; url?: string };

/** A pack added by the agent, the team lead (URL) or the administrator (policy). Built-in packs are not stored here. */
export interface InstalledPack {
  pack: Pack;
  source: PackSource;
  addedAt: number;
  updatedAt: number;
}

export const installedPacksItem = storage.defineItem<InstalledPack[]>('local:installedPacks', {
  fallback: [],
  version: 1,
});

/** The lock every read-modify-write of the pack library (installed packs, pack preferences, policy settings) runs under. */
const PACK_LIBRARY_LOCK = 'huashu-pack-library';
let localTail: Promise<unknown> = Promise.resolve();

/**
 * Runs `change` alone: the options page, the background's policy sync and its subscription refresh each read the
 * library, change it and write it back, so two at once would lose one's change. navigator.locks is shared by every page
 * and worker of the extension's origin; where it is missing (unit tests), changes queue within this context. The lock
 * is not reentrant: `change` must not call another function that takes it, and should not wait on the network.
 */
export function withPackLibraryLock<T>(change: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  if (locks) return locks.request(PACK_LIBRARY_LOCK, change) as Promise<T>;
  const run = localTail.then(change, change);
  localTail = run.catch(() => undefined);
  return run;
}

/** Pack ids in priority order (later wins) and which are switched off. Packs not listed follow the built-ins. */
export interface PackPreferences {
  order: string[];
  disabled: string[];
}

export const packPreferencesItem = storage.defineItem<PackPreferences>('local:packPreferences', {
  fallback: { order: [], disabled: [] },
  version: 1,
});

/** Per host: on/off, and the agent's picks when the generic adapter guessed wrong. */
export interface SitePreference {
  enabled: boolean;
  /** The scheme the site was turned on with (absent: https), to ask for the same access when it is turned on again. */
  scheme?: 'http' | 'https';
  messageListSelector?: string;
  composerSelector?: string;
}

export const sitePreferencesItem = storage.defineItem<Record<string, SitePreference>>('local:sitePreferences', {
  fallback: {},
  version: 1,
});

/** How often the agent inserted each reply, per scenario: reply ids and counts only, never text. */
export type ReplyUsage = Record<string, Record<string, number>>;

export const replyUsageItem = storage.defineItem<ReplyUsage>('local:replyUsage', { fallback: {}, version: 1 });

/**
 * The agent's corrections of detected scenarios, customer messages masked (engine/teach.ts): on this device only
 * (`local`, never `sync`: a synced copy would leave the device), at most TEACH_LIMITS.corrections.
 */
export const taughtCorrectionsItem = storage.defineItem<TaughtCorrection[]>('local:taughtCorrections', {
  fallback: [],
  version: 1,
});

/** Masked customer messages detection found no scenario for, to label later: the most recent, for a limited time. */
export const unmatchedMessagesItem = storage.defineItem<UnmatchedMessage[]>('local:unmatchedMessages', {
  fallback: [],
  version: 1,
});

/**
 * The enabled packs in priority order, taught pack included, as the background last built them (library/enabled-packs.ts)
 * from the built-in, installed and taught packs. The content script and the panel read this instead of carrying the
 * built-in packs in their own code; null until the background has built it once.
 */
export const enabledPacksItem = storage.defineItem<Pack[] | null>('local:enabledPacks', { fallback: null });

/**
 * The pinyin table (engine/tables/pinyin.ts), published by the background with the enabled packs: the content script's
 * build leaves it out to stay small, and its engine waits for it.
 */
export const pinyinTableItem = storage.defineItem<string | null>('local:pinyinTable', { fallback: null });

/** The traditional → simplified table (engine/tables/t2s.ts), published and left out of the content script the same way. */
export const traditionalTableItem = storage.defineItem<string | null>('local:traditionalTable', { fallback: null });

/** The cue lists of emotion, negation and shorthand (engine/tables/cue-lists.ts), published and left out the same way. */
export const cueListsItem = storage.defineItem<CueLists | null>('local:cueLists', { fallback: null });

/**
 * A learned reader the background trained on the enabled packs (library/reader-publishing.ts), stamped with the build
 * that trained it and the packs' fingerprint: each tab of that build takes it instead of training its own. `reader` is
 * null when storage could not hold it: the tabs train their own then, as a tab whose packs differ (a site's own replies)
 * always does.
 */
export interface PublishedReader<Trained> {
  build: string;
  fingerprint: string;
  reader: Trained | null;
}

export type PublishedDraftReader = PublishedReader<TrainedDraftReader>;

/** The draft reader (about 2.8 MB; two seconds of a page's main thread to train). */
export const draftReaderItem = storage.defineItem<PublishedDraftReader | null>('local:draftReader', { fallback: null });

/**
 * The emotion reader (about 0.9 MB; about half a second of a page's main thread to train), published the same way.
 */
export const emotionReaderItem = storage.defineItem<PublishedReader<TrainedEmotionReader> | null>(
  'local:emotionReader',
  { fallback: null },
);

/**
 * The extension's build, as its manifest names it: a reader trained by another version of the code is not taken, even
 * for the same packs (an update may read drafts otherwise). The stores publish a new version with every update.
 */
export function extensionBuild(): string {
  return browser.runtime.getManifest().version;
}

/** How the agent left the panel's folds: tips start folded, and stay open once the agent opens them. */
export interface PanelLayout {
  tipsOpen: boolean;
}

export const panelLayoutItem = storage.defineItem<PanelLayout>('local:panelLayout', { fallback: { tipsOpen: false } });
