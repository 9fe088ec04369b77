// Adapter for Zendesk Agent Workspace (*.zendesk.com): the conversation log and CKEditor 5 composer of the active ticket tab.
import { fingerprint, matchInLocation, readableText } from './dom-text.ts';
import type { ChatMessage, ComposerInfo, MessageRole, SiteAdapter } from './types.ts';

const SELECTORS = {
  // Every open ticket tab keeps its layout in the DOM; only one is marked active.
  activeLayout: '[data-test-id$="-standard-layout"][data-is-active="true"]',
  anyLayout: '[data-test-id$="-standard-layout"]',
  messageList: '[data-test-id="omni-log-container"]',
  item: 'article[data-test-id="omni-log-comment-item"]',
  message: '[data-test-id="omni-log-item-message"]',
  messageContent: '[data-test-id="omni-log-message-content"]',
  sender: '[data-test-id="omni-log-item-sender"]',
  internalNoteTag: '[data-test-id="omni-log-internal-note-tag"]',
  timestamp: 'time[data-test-id^="timestamp-"][datetime]',
  editor: '.ck-editor__editable[contenteditable="true"][data-test-id$="-ckeditor"]',
  channelSwitcher: '[data-test-id="omnichannel-channel-switcher-button"]',
} as const;

/** In a message, what the agent sees around the words: sender, times, read receipts, the internal-note tag. */
const MESSAGE_CHROME = `${SELECTORS.sender}, ${SELECTORS.internalNoteTag}, time, [data-test-id^="timestamp-"], [data-test-id="convo-log-item-read-indicator"]`;

const ROLE_BY_AUTHOR_TYPE: Readonly<Record<string, MessageRole>> = {
  'end-user': 'customer',
  agent: 'agent',
  // Bots (answer bot, flows) speak to the customer on the agent's side.
  bot: 'agent',
};

function activeLayout(doc: Document): Element | null {
  return doc.querySelector(SELECTORS.activeLayout);
}

function findActiveLog(doc: Document): HTMLElement | null {
  return activeLayout(doc)?.querySelector<HTMLElement>(SELECTORS.messageList) ?? null;
}

/** Zendesk renders some messages twice, one copy aria-hidden for animation; read the visible one. */
function visibleMessage(item: Element): Element | null {
  return (
    Array.from(item.querySelectorAll(SELECTORS.message)).find(
      (message) => message.getAttribute('aria-hidden') !== 'true',
    ) ?? null
  );
}

function itemRole(item: Element, message: Element | null): MessageRole {
  if (item.querySelector(SELECTORS.internalNoteTag)) return 'note';
  const authorType = message?.getAttribute('type');
  return (authorType && ROLE_BY_AUTHOR_TYPE[authorType]) || 'system';
}

interface ReadItem {
  role: MessageRole;
  text: string;
  /** The log carries no comment id in its markup; its timestamp is the stable part (text can be edited or redacted). */
  stamp: string;
}

function itemText(item: Element): string {
  const message = visibleMessage(item);
  const content = message?.querySelector(SELECTORS.messageContent) ?? message ?? item;
  return readableText(content, MESSAGE_CHROME);
}

function readItem(item: HTMLElement): ReadItem | null {
  const text = itemText(item);
  if (!text) return null;
  const stamp = item.querySelector(SELECTORS.timestamp)?.getAttribute('datetime') ?? fingerprint(text);
  return { role: itemRole(item, visibleMessage(item)), text, stamp };
}

/** The stamp without reading the text when the item has a timestamp (the usual case). */
function stampOf(item: Element): string | undefined {
  const datetime = item.querySelector(SELECTORS.timestamp)?.getAttribute('datetime');
  if (datetime) return datetime;
  const text = itemText(item);
  return text ? fingerprint(text) : undefined;
}

function withId(item: HTMLElement, read: ReadItem, ticketId: string, occurrence: number): ChatMessage {
  const id = item.id || `${ticketId}@${read.stamp}${occurrence ? `#${occurrence}` : ''}`;
  return { id, role: read.role, text: read.text };
}

function ticketIdOf(layout: Element | null, doc: Document): string | undefined {
  const fromUrl = matchInLocation(doc, /\/agent\/tickets\/(\d+)/);
  if (fromUrl) return fromUrl;
  const withTicketId = layout?.closest('[data-ticket-id]') ?? layout?.querySelector('[data-ticket-id]');
  return withTicketId?.getAttribute('data-ticket-id') ?? /(\d+)/.exec(layout?.getAttribute('data-test-id') ?? '')?.[1];
}

function isInternalNoteMode(layout: ParentNode): boolean {
  const switcher = layout.querySelector(SELECTORS.channelSwitcher);
  if (!switcher) return false;
  const channel = switcher.getAttribute('data-channel') ?? '';
  return channel === 'internal' || /internal note|内部备注|內部備註/i.test(switcher.textContent ?? '');
}

export const zendeskAdapter: SiteAdapter = {
  id: 'zendesk',
  name: 'Zendesk',
  matches: ['https://*.zendesk.com/*'],

  detect(doc) {
    return doc.querySelector(`${SELECTORS.anyLayout} ${SELECTORS.messageList}`) !== null;
  },

  findMessageList: findActiveLog,

  readMessages(list) {
    const ticketId = ticketIdOf(list.closest(SELECTORS.anyLayout), list.ownerDocument) ?? 'ticket';
    const seen = new Map<string, number>();
    const messages: ChatMessage[] = [];
    for (const item of list.querySelectorAll<HTMLElement>(SELECTORS.item)) {
      const read = readItem(item);
      if (!read) continue;
      const occurrence = seen.get(read.stamp) ?? 0;
      seen.set(read.stamp, occurrence + 1);
      messages.push(withId(item, read, ticketId, occurrence));
    }
    return messages;
  },

  readMessage(node, list) {
    const item = node.closest<HTMLElement>(SELECTORS.item) ?? node.querySelector<HTMLElement>(SELECTORS.item);
    if (!item) return null;
    const read = readItem(item);
    if (!read) return null;
    const ticketId = ticketIdOf(list.closest(SELECTORS.anyLayout), list.ownerDocument) ?? 'ticket';
    // The repeat counter counts earlier items with the same stamp, as readMessages does.
    let occurrence = 0;
    for (const other of list.querySelectorAll<HTMLElement>(SELECTORS.item)) {
      if (other === item) break;
      if (item.id === '' && stampOf(other) === read.stamp) occurrence += 1;
    }
    return withId(item, read, ticketId, occurrence);
  },

  findComposer(doc) {
    const layout = activeLayout(doc);
    const element = layout?.querySelector<HTMLElement>(SELECTORS.editor);
    if (!layout || !element) return null;
    const kind: ComposerInfo['kind'] = 'ckeditor5';
    return { element, kind, noteMode: isInternalNoteMode(layout) };
  },

  readCustomerName(doc) {
    // The requester is the author of the end-user messages; their name heads each of them in the log.
    const list = findActiveLog(doc);
    if (!list) return undefined;
    const customerItems = Array.from(list.querySelectorAll(SELECTORS.item)).filter(
      (item) =>
        visibleMessage(item)?.getAttribute('type') === 'end-user' && !item.querySelector(SELECTORS.internalNoteTag),
    );
    const name = customerItems.at(-1)?.querySelector(SELECTORS.sender)?.textContent?.trim();
    return name || undefined;
  },

  conversationKey(doc) {
    return ticketIdOf(activeLayout(doc), doc);
  },
};
