// Watches the helpdesk's active conversation through a site adapter: reads it once, then only on mutations of its message list.
import type { ChatMessage, SiteAdapter } from '../sites/types.ts';

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

  // Added nodes since the last read, when every mutation since then was an addition (see `readAdded`).
  let pendingAdded: Element[] = [];
  // True when a mutation since the last read was anything other than an addition: the whole list is read again.
  let fullReadNeeded = true;
  let messages: ChatMessage[] = [];

  // The message list: its messages, their text. Nothing else on the page.
  // Elements removed since the last read: a typing indicator leaving is nothing, a message leaving needs a full read.
  let pendingRemoved: Element[] = [];
  const listObserver = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type !== 'childList') {
        fullReadNeeded = true;
        continue;
      }
      for (const node of record.removedNodes) {
        if (node.nodeType === 1) pendingRemoved.push(node as Element);
        // Text taken straight out of an element changes a message the watcher may know.
        else fullReadNeeded = true;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === 1) pendingAdded.push(node as Element);
        // Text put straight into an element (a message being streamed in) changes a message the watcher may know.
        else fullReadNeeded = true;
      }
    }
    // Bounded: a page that churns thousands of nodes between two reads gets one full read, not a long node list.
    if (pendingAdded.length + pendingRemoved.length > 500) {
      fullReadNeeded = true;
      pendingAdded = [];
      pendingRemoved = [];
    }
    // Only removals: read nothing when what left was no message (a typing indicator, a read receipt), else the whole
    // list, as the read would once it asked the same question.
    if (!fullReadNeeded && pendingAdded.length === 0 && list) {
      const messageLeft = removedAMessage(list, pendingRemoved);
      pendingRemoved = [];
      if (!messageLeft) return;
      fullReadNeeded = true;
    }
    scheduleRead();
  });
  // The list's ancestors, children only (no subtree): tells when the list itself may be removed or replaced. The read
  // looks the list up again and reads it whole only if it changed: a page that appends to <body> all the time (toasts,
  // tooltips) does not make each of its changes a read of the whole conversation.
  const ancestryObserver = new MutationObserver(() => scheduleRead());
  // Only while there is no list: waits for one to appear (a conversation opened), then disconnects.
  const appearanceObserver = new MutationObserver(() => scheduleFullRead());

  function scheduleFullRead(): void {
    fullReadNeeded = true;
    scheduleRead();
  }

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
      for (let node = next.parentNode; node; node = node.parentNode)
        ancestryObserver.observe(node, { childList: true });
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

  function read(): void {
    let listReplaced = false;
    if (!list || !list.isConnected || safeFindList() !== list) {
      const found = safeFindList();
      if (found !== list) {
        listReplaced = list !== null && found !== null;
        attach(found);
        fullReadNeeded = true;
      }
    }
    const addedNodes = pendingAdded;
    const removedNodes = pendingRemoved;
    pendingAdded = [];
    pendingRemoved = [];
    const fullRead = fullReadNeeded || listReplaced;
    fullReadNeeded = false;
    if (!list) return;
    const key = safeConversationKey();
    const conversationChanged = firstRead || key !== conversationKey || (listReplaced && key === undefined);
    if (conversationChanged) seenIds = new Set();
    conversationKey = key;
    firstRead = false;
    // Woken by the list's ancestors only, with the same list and conversation: nothing in the list changed.
    if (!conversationChanged && !fullRead && addedNodes.length === 0 && removedNodes.length === 0) return;
    let added: ChatMessage[] | null = null;
    if (!conversationChanged && !fullRead && !removedAMessage(list, removedNodes)) added = readAdded(list, addedNodes);
    if (added === null) {
      try {
        messages = adapter.readMessages(list);
      } catch (error) {
        console.error(`[huashu] the ${adapter.id} adapter failed to read the messages`, error);
        fullReadNeeded = true;
        return;
      }
      added = [];
      for (const message of messages) {
        if (seenIds.has(message.id)) continue;
        seenIds.add(message.id);
        added.push(message);
      }
      // Mutations that change nothing we read (a timestamp ticking, a typing indicator) are not reported.
      if (!conversationChanged && added.length === 0 && !textChanged(messages)) return;
      lastTexts = new Map(messages.map((m) => [m.id, m.text]));
    } else {
      if (added.length === 0) return;
      messages = [...messages, ...added];
      for (const message of added) lastTexts.set(message.id, message.text);
    }
    try {
      onSnapshot({ conversationKey: key, messages, added, conversationChanged });
    } catch (error) {
      console.error('[huashu] conversation callback failed', error);
    }
  }

  /**
   * Reads only the nodes added since the last read, through the adapter's readMessage, so a new message costs the
   * same in a 5 000-message conversation as in a short one. Null when that cannot be done correctly and the whole list
   * must be read: no readMessage, an item inserted before existing ones (older history loaded above), an adapter error.
   */
  function readAdded(current: HTMLElement, nodes: Element[]): ChatMessage[] | null {
    const readOne = adapter.readMessage?.bind(adapter);
    if (!readOne) return null;
    const addedSet = new Set(nodes);
    const fresh = nodes.filter(
      (node) => node.isConnected && current.contains(node) && !hasAddedAncestor(node, addedSet, current),
    );
    // Each new node must sit at the end of the list (at every level up to it), after all existing items: anything
    // inserted before them changes the order, which only a full read gets right.
    for (const node of fresh) {
      for (let level: Element | null = node; level && level !== current; level = level.parentElement) {
        const next = level.nextElementSibling;
        if (next && !addedSet.has(next)) return null;
      }
    }
    fresh.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const added: ChatMessage[] = [];
    for (const item of fresh) {
      let message: ChatMessage | null;
      try {
        message = readOne(item, current);
      } catch (error) {
        console.error(`[huashu] the ${adapter.id} adapter failed to read an added message`, error);
        return null;
      }
      if (!message) continue;
      // Something added inside a known message (an "edited" label, a translation) may change its text.
      if (seenIds.has(message.id)) {
        if (lastTexts.get(message.id) !== message.text) return null;
        continue;
      }
      if (added.some((m) => m.id === message.id)) continue;
      added.push(message);
    }
    // Marked seen only now: a bail-out above leaves them for the full read to report.
    for (const message of added) seenIds.add(message.id);
    return added;
  }

  function removedAMessage(current: HTMLElement, nodes: Element[]): boolean {
    if (!adapter.readMessage) return nodes.length > 0;
    try {
      return nodes.some((node) => adapter.readMessage!(node, current) !== null);
    } catch {
      return true;
    }
  }

  /** A node inside another added node is read with it. */
  function hasAddedAncestor(node: Element, addedSet: Set<Element>, current: HTMLElement): boolean {
    for (let parent = node.parentElement; parent && parent !== current; parent = parent.parentElement)
      if (addedSet.has(parent)) return true;
    return false;
  }

  let lastTexts = new Map<string, string>();
  function textChanged(messages: ChatMessage[]): boolean {
    if (messages.length !== lastTexts.size) return true;
    return messages.some((m) => lastTexts.get(m.id) !== m.text);
  }

  // SPA navigation that swaps the conversation without touching the list's DOM right away still changes the URL.
  const onNavigation = (): void => scheduleFullRead();
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
    refresh: scheduleFullRead,
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
