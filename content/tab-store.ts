// The tab's one state store: what the panel is told, and the live parts of the session (engine, adapter, composer, watchers) that the features read and set.
import type { Engine } from '../engine/index.ts';
import type { ComposerInfo, SiteAdapter } from '../sites/types.ts';
import type { TabState } from '../utils/messaging.ts';
import { DEFAULT_SETTINGS, type Settings, type SitePreference } from '../utils/storage.ts';
import type { ConversationSnapshot, ConversationWatcher } from './conversation-watcher.ts';
import type { DraftWatcher } from './draft-watcher.ts';

export interface TabModel {
  /** What the side panel shows for this tab (sent to it on every change). */
  view: TabState;
  settings: Settings;
  /** Built from the enabled packs; null until they are read. */
  engine: Engine | null;
  /** This site's entry in the site preferences (on/off, the agent's picks). */
  sitePreference: SitePreference | undefined;
  /** The adapter of the running session; null while Huashu waits for a helpdesk or is off here. */
  adapter: SiteAdapter | null;
  conversation: ConversationWatcher | null;
  /** The conversation's messages as last read (detection sets it): the checklist reads them. */
  snapshot: ConversationSnapshot | null;
  draft: DraftWatcher | null;
  /** The composer the draft watcher follows. */
  composer: ComposerInfo | null;
  /** The `;;` picker is open with replies to pick: Enter is its (it picks), not the helpdesk's (send). */
  expansionTakesEnter: boolean;
}

export interface Store<T> {
  get(): T;
  /** Merges the patch; listeners run at once, in the order they subscribed, when any field changed identity. */
  set(patch: Partial<T>): void;
  subscribe(listener: (next: T, previous: T) => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  // Each listener's last seen state: a change made by a listener reaches the others once, as one step from what they saw.
  const listeners = new Map<(next: T, previous: T) => void, T>();
  return {
    get: () => state,
    set(patch) {
      const changed = (Object.keys(patch) as (keyof T)[]).some((key) => patch[key] !== state[key]);
      if (!changed) return;
      state = { ...state, ...patch };
      for (const [listener, seen] of [...listeners]) {
        if (seen === state || !listeners.has(listener)) continue;
        listeners.set(listener, state);
        try {
          listener(state, seen);
        } catch (error) {
          console.error('[huashu] a part of the page runtime failed on a state change', error);
        }
      }
    },
    subscribe(listener) {
      listeners.set(listener, state);
      return () => listeners.delete(listener);
    },
  };
}

export function initialTabState(): TabState {
  return {
    site: null,
    active: false,
    latest: null,
    findings: [],
    draftLength: 0,
    noteMode: false,
    hasComposer: false,
    checklist: null,
  };
}

export function initialTabModel(): TabModel {
  return {
    view: initialTabState(),
    settings: DEFAULT_SETTINGS,
    engine: null,
    sitePreference: undefined,
    adapter: null,
    conversation: null,
    snapshot: null,
    draft: null,
    composer: null,
    expansionTakesEnter: false,
  };
}

/** Changes part of what the panel is told. */
export function setView(store: Store<TabModel>, patch: Partial<TabState>): void {
  store.set({ view: { ...store.get().view, ...patch } });
}

/**
 * Runs `start` for each session (an adapter recognized) and its stop when the session ends or the adapter changes: the
 * features that live only while a helpdesk is read use it instead of a central start/stop.
 */
export function duringSession(store: Store<TabModel>, start: (adapter: SiteAdapter) => () => void): () => void {
  let stop: (() => void) | null = null;
  const follow = (adapter: SiteAdapter | null): void => {
    stop?.();
    stop = null;
    if (adapter) stop = start(adapter);
  };
  const unsubscribe = store.subscribe((next, previous) => {
    if (next.adapter !== previous.adapter) follow(next.adapter);
  });
  follow(store.get().adapter);
  return () => {
    unsubscribe();
    stop?.();
    stop = null;
  };
}
