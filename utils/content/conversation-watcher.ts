// Watches the helpdesk's active conversation through a site adapter: reads it once, then only on mutations of its message list.
import type { ChatMessage, SiteAdapter } from '../../sites/types.ts';

export interface ConversationSnapshot {
  /** The adapter's conversation key, or undefined when the page shows none. */
  conversationKey: string | undefined;
  /** Every message of the active conversation, oldest first. */
  messages: ChatMessage[];
  /** Messages not reported before in this conversation (each id once). */
  added: ChatMessage[];
  /** True on the first read and whenever the agent switched conversation (or the list was replaced by another one). */
  conversationChanged: boolean;
}

export interface ConversationWatcherOptions {
  adapter: SiteAdapter;
  doc?: Document;
  onSnapshot(snapshot: ConversationSnapshot): void;
  /** Called when the message list appears or disappears. */
  onListChange?(list: HTMLElement | null): void;
}

export interface ConversationWatcher {
  /** The message list being observed, or null while the page shows none. */
  readonly list: HTMLElement | null;
  /** Reads now (coalesced with any pending mutation read). */
  refresh(): void;
  stop(): void;
}

const LIST_OBSERVER_OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export function watchConversation(options: ConversationWatcherOptions): ConversationWatcher {
  const { adapter, onSnapshot, onListChange } = options;
  const doc = options.doc ?? document;
  const win = doc.defaultView;

  let list: HTMLElement | null = null;
  let conversationKey: string | undefined;
  let seenIds = new Set<string>();
  let firstRead = true;
  let readScheduled = false;
  let stopped = false;

  // The message list: its messages, their text. Nothing else on the page.
  let pendingRecords: MutationRecord[] = [];
  let lastMessages: ChatMessage[] = [];
  const listObserver = new MutationObserver((records) => {
    // Bounded: a page that churns thousands of nodes between two reads gets one full read instead of a long record list.
    if (pendingRecords.length < 500) pendingRecords.push(...records);
    else pendingRecords.length = 501;
    scheduleRead();
  });
  // The list's ancestors, children only (no subtree): tells when the list itself is removed or replaced.
  const ancestryObserver = new MutationObserver(() => scheduleRead());
  // Only while there is no list: waits for one to appear (a conversation opened), then disconnects.
  const appearanceObserver = new MutationObserver(() => scheduleRead());

  function safeFindList(): HTMLElement | null {
    try {
      return adapter.findMessageList(doc);
    } catch (error) {
      console.error(`[huashu] the ${adapter.id} adapter failed to find the message list`, error);
      return null;
    }
  }

  function safeConversationKey(): string | undefined {
    try {
      return adapter.conversationKey?.(doc);
    } catch (error) {
      console.error(`[huashu] the ${adapter.id} adapter failed to read the conversation key`, error);
      return undefined;
    }
  }

  function attach(next: HTMLElement | null): void {
    listObserver.disconnect();
    ancestryObserver.disconnect();
    appearanceObserver.disconnect();
    list = next;
    if (next) {
      listObserver.observe(next, LIST_OBSERVER_OPTIONS);
      for (let node = next.parentNode; node; node = node.parentNode) ancestryObserver.observe(node, { childList: true });
    } else if (doc.documentElement) {
      appearanceObserver.observe(doc.documentElement, { childList: true, subtree: true });
    }
    try {
      onListChange?.(next);
    } catch (error) {
      console.error('[huashu] list change callback failed', error);
    }
  }

  function scheduleRead(): void {
    if (readScheduled || stopped) return;
    readScheduled = true;
    // One read for every mutation batch and every observer that fired in the same turn.
    queueMicrotask(() => {
      readScheduled = false;
      if (stopped) return;
      try {
        read();
      } catch (error) {
        console.error('[huashu] reading the conversation failed', error);
      }
    });
  }

  /**
   * The messages a batch of mutations appended, read one by one through the adapter's readMessage, or null when the
   * batch did anything else that matters (removed or edited a message, inserted in the middle): then the whole list is
   * read. This keeps a new message in a 5 000-message conversation as cheap as in a 10-message one.
   */
  function readAppended(records: MutationRecord[]): ChatMessage[] | null {
    const readOne = adapter.readMessage;
    if (!readOne || !list || records.length === 0 || records.length > 500) return null;
    const added: ChatMessage[] = [];
    for (const record of records) {
      if (record.type !== 'childList') return null;
      for (const node of record.removedNodes) {
        // A typing indicator or a toast leaving is nothing; a message leaving changes the conversation.
        if (node.nodeType === 1 && readOne.call(adapter, node as Element, list)) return null;
      }
      // Something added inside an item (text rendered late, an attachment): re-read that item's message.
      if (record.target !== list && record.target.nodeType === 1) {
        const inside = readOne.call(adapter, record.target as Element, list);
        if (inside && seenIds.has(inside.id) && lastTexts.get(inside.id) !== inside.text) return null;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || !node.isConnected) continue;
        // Only appends: anything added before the end (FreeScout's newest-first, a history page) needs a full read.
        for (let next = node.nextSibling; next; next = next.nextSibling) {
          if (next.nodeType === 1 && !(record.addedNodes as unknown as Node[]).includes(next) && readOne.call(adapter, next as Element, list)) return null;
        }
        const message = readOne.call(adapter, node as Element, list);
        if (!message) continue;
        // Text filled into a message already seen (rendered empty, then filled): the full read notices the change.
        if (seenIds.has(message.id) && lastTexts.get(message.id) !== message.text) return null;
        if (!added.some((m) => m.id === message.id)) added.push(message);
      }
    }
    return added;
  }

  function read(): void {
    const records = pendingRecords;
    pendingRecords = [];
    let listReplaced = false;
    if (!list || !list.isConnected || safeFindList() !== list) {
      const found = safeFindList();
      if (found !== list) {
        listReplaced = list !== null && found !== null;
        attach(found);
      }
    }
    if (!list) return;
    const key = safeConversationKey();
    const conversationChanged = firstRead || key !== conversationKey || (listReplaced && key === undefined);
    if (conversationChanged) seenIds = new Set();
    conversationKey = key;
    firstRead = false;
    let messages: ChatMessage[];
    let appended: ChatMessage[] | null = null;
    try {
      appended = conversationChanged ? null : readAppended(records);
      messages = appended ? [...lastMessages, ...appended.filter((m) => !seenIds.has(m.id))] : adapter.readMessages(list);
    } catch (error) {
      console.error(`[huashu] the ${adapter.id} adapter failed to read the messages`, error);
      return;
    }
    const added: ChatMessage[] = [];
    for (const message of messages) {
      if (seenIds.has(message.id)) continue;
      seenIds.add(message.id);
      added.push(message);
    }
    // Mutations that change nothing we read (a timestamp ticking, a typing indicator) are not reported.
    if (appended) {
      // Nothing but appends: the old messages are as they were, only the new ones need noting.
      if (added.length === 0) return;
      for (const m of added) lastTexts.set(m.id, m.text);
    } else {
      if (!conversationChanged && added.length === 0 && !textChanged(messages)) return;
      lastTexts = new Map(messages.map((m) => [m.id, m.text]));
    }
    lastMessages = messages;
    try {
      onSnapshot({ conversationKey: key, messages, added, conversationChanged });
    } catch (error) {
      console.error('[huashu] conversation callback failed', error);
    }
  }

  let lastTexts = new Map<string, string>();
  function textChanged(messages: ChatMessage[]): boolean {
    if (messages.length !== lastTexts.size) return true;
    return messages.some((m) => lastTexts.get(m.id) !== m.text);
  }

  // SPA navigation that swaps the conversation without touching the list's DOM right away still changes the URL.
  const onNavigation = (): void => scheduleRead();
  win?.addEventListener('popstate', onNavigation);
  win?.addEventListener('hashchange', onNavigation);
  const navigation = (win as (Window & { navigation?: EventTarget }) | null)?.navigation;
  navigation?.addEventListener('navigatesuccess', onNavigation);

  attach(safeFindList());
  scheduleRead();

  return {
    get list() {
      return list;
    },
    refresh: scheduleRead,
    stop() {
      stopped = true;
      listObserver.disconnect();
      ancestryObserver.disconnect();
      appearanceObserver.disconnect();
      win?.removeEventListener('popstate', onNavigation);
      win?.removeEventListener('hashchange', onNavigation);
      navigation?.removeEventListener('navigatesuccess', onNavigation);
    },
  };
}
