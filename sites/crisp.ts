// Adapter for the Crisp inbox (app.crisp.chat): day groups of visitor and operator bubbles, the Lexical composer.
import { fingerprint, matchInLocation, readableText } from './dom-text.ts';
import type { ChatMessage, ComposerInfo, MessageRole, SiteAdapter } from './types.ts';

const MESSAGE_CLASS = 'c-conversation-box-content-message';

const SELECTORS = {
  messageList: '.c-conversation-box-content',
  dayGroup: '.c-conversation-box-content__group',
  dayLabel: '.c-conversation-box-content__date',
  message: `.${MESSAGE_CLASS}`,
  bubbleContent: '.c-conversation-box-content-message-bubble__content',
  editorArea: '.c-conversation-box__editor',
  editorField: '.c-editor-composer__field',
  editable: '[contenteditable="true"]',
  profileName: '.c-conversation-profile__name',
} as const;

/** Tooltips, avatars and delivery marks that Crisp nests inside a message row. */
const MESSAGE_CHROME =
  '[class*="tooltip"], [class*="__avatar"], [class*="__status"], [class*="__time"], [class*="__date"]';

function messageRole(message: Element): MessageRole {
  const { classList } = message;
  if (classList.contains(`${MESSAGE_CLASS}--user`)) return 'customer';
  // Private notes are written by operators but never sent; the modifier name is not confirmed, so match loosely.
  if (Array.from(classList).some((name) => name.startsWith(`${MESSAGE_CLASS}--`) && name.includes('note')))
    return 'note';
  if (classList.contains(`${MESSAGE_CLASS}--operator`)) return 'agent';
  return 'system';
}

interface Row {
  role: MessageRole;
  text: string;
  key: string;
}

function readRow(message: HTMLElement): Row | null {
  const role = messageRole(message);
  const content = message.querySelector(SELECTORS.bubbleContent) ?? message;
  const text = readableText(content, MESSAGE_CHROME);
  if (!text) return null;
  const day = message.closest(SELECTORS.dayGroup)?.querySelector(SELECTORS.dayLabel)?.textContent?.trim() ?? '';
  return { role, text, key: `${role}:${fingerprint(`${day}\n${text}`)}` };
}

function withOccurrence(row: Row, occurrence: number): ChatMessage {
  return { id: occurrence ? `${row.key}#${occurrence}` : row.key, role: row.role, text: row.text };
}

export const crispAdapter: SiteAdapter = {
  id: 'crisp',
  name: 'Crisp',
  matches: ['https://app.crisp.chat/*'],

  detect(doc) {
    return doc.querySelector(SELECTORS.messageList) !== null && doc.querySelector(SELECTORS.editorArea) !== null;
  },

  findMessageList(doc) {
    return doc.querySelector<HTMLElement>(SELECTORS.messageList);
  },

  readMessages(list) {
    // The markup carries no message id and the list is virtualised (rows come and go as the agent scrolls), so the
    // id is built from what does not change: the day, the author side and the text, plus a repeat counter.
    const seen = new Map<string, number>();
    const messages: ChatMessage[] = [];
    for (const message of list.querySelectorAll<HTMLElement>(SELECTORS.message)) {
      const read = readRow(message);
      if (!read) continue;
      const occurrence = seen.get(read.key) ?? 0;
      seen.set(read.key, occurrence + 1);
      messages.push(withOccurrence(read, occurrence));
    }
    return messages;
  },

  readMessage(node, list) {
    const row = node.closest<HTMLElement>(SELECTORS.message) ?? node.querySelector<HTMLElement>(SELECTORS.message);
    if (!row) return null;
    const read = readRow(row);
    if (!read) return null;
    // The key holds the day, so repeats are counted within the row's day group only, not the whole conversation.
    const scope = row.closest(SELECTORS.dayGroup) ?? list;
    let occurrence = 0;
    for (const other of scope.querySelectorAll<HTMLElement>(SELECTORS.message)) {
      if (other === row) break;
      if (readRow(other)?.key === read.key) occurrence += 1;
    }
    return withOccurrence(read, occurrence);
  },

  findComposer(doc) {
    const area = doc.querySelector<HTMLElement>(SELECTORS.editorArea);
    const field = area?.querySelector<HTMLElement>(SELECTORS.editorField);
    const element = field?.matches(SELECTORS.editable)
      ? field
      : (field ?? area)?.querySelector<HTMLElement>(SELECTORS.editable);
    if (!area || !element) return null;
    const kind: ComposerInfo['kind'] =
      element.dataset.lexicalEditor === 'true' || field ? 'lexical' : 'contenteditable';
    // Crisp tints the editor in note mode; its modifier class is unconfirmed, so any "--note" modifier counts.
    const noteMode = [area, ...Array.from(area.querySelectorAll('[class*="--note"]'))].some((node) =>
      /--note\b/.test(node.className),
    );
    return { element, kind, noteMode };
  },

  readCustomerName(doc) {
    const name = doc.querySelector(SELECTORS.profileName)?.textContent?.trim();
    return name || undefined;
  },

  conversationKey(doc) {
    return matchInLocation(doc, /\/inbox\/(session_[^/]+)/);
  },
};
