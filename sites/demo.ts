// Adapter for Huashu's own demo helpdesk (demo/): the markup documented in demo/README.md, served on localhost.
import type { ChatMessage, ComposerInfo, MessageRole, SiteAdapter } from './types.ts';

const SELECTORS = {
  conversation: '#conversation[data-conversation-id]',
  messageList: '#message-list',
  message: 'li.message[data-message-id][data-role]',
  systemText: '.message__system-text',
  bubble: '.message__bubble',
  composerSection: '#composer',
  composer: '[data-huashu-demo-composer]',
  customerName: '#customer-name',
  sendButton: '#send-button',
  enterSendsSwitch: '#enter-sends',
} as const;

const ROLES: ReadonlySet<string> = new Set<MessageRole>(['customer', 'agent', 'note', 'system']);
const COMPOSER_KINDS: ReadonlySet<string> = new Set<ComposerInfo['kind']>([
  'textarea',
  'input',
  'contenteditable',
  'prosemirror',
  'ckeditor5',
  'lexical',
  'quill',
  'draftjs',
  'slate',
  'summernote',
]);

function isRole(value: string | undefined): value is MessageRole {
  return value !== undefined && ROLES.has(value);
}

function isComposerKind(value: string | undefined): value is ComposerInfo['kind'] {
  return value !== undefined && COMPOSER_KINDS.has(value);
}

function readItem(item: HTMLElement): ChatMessage | null {
  const role = item.dataset.role;
  const id = item.dataset.messageId;
  if (!isRole(role) || !id) return null;
  // The bubble alone: author and time are page chrome, not what the customer wrote.
  const textElement = item.querySelector(role === 'system' ? SELECTORS.systemText : SELECTORS.bubble) ?? item;
  return { id, role, text: (textElement.textContent ?? '').trim() };
}

export const demoAdapter: SiteAdapter = {
  id: 'demo',
  name: '星河商城 (demo)',
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],

  detect(doc) {
    return (
      doc.querySelector(SELECTORS.conversation) !== null &&
      doc.querySelector(`${SELECTORS.conversation} ${SELECTORS.messageList}`) !== null
    );
  },

  findMessageList(doc) {
    return doc.querySelector<HTMLElement>(`${SELECTORS.conversation} ${SELECTORS.messageList}`);
  },

  readMessages(list) {
    const messages: ChatMessage[] = [];
    for (const item of list.querySelectorAll<HTMLElement>(SELECTORS.message)) {
      const message = readItem(item);
      if (message) messages.push(message);
    }
    return messages;
  },

  readMessage(item, list) {
    // The added element itself, or the message around a node added inside one (a removed message is read as itself).
    const element = item.matches(SELECTORS.message)
      ? item
      : list.contains(item)
        ? item.closest(SELECTORS.message)
        : null;
    return element instanceof HTMLElement ? readItem(element) : null;
  },

  findComposer(doc) {
    const element = doc.querySelector<HTMLElement>(`${SELECTORS.composerSection} ${SELECTORS.composer}`);
    const kind = element?.dataset.huashuDemoComposer;
    if (!element || !isComposerKind(kind)) return null;
    const noteMode = doc.querySelector(SELECTORS.composerSection)?.classList.contains('is-note') ?? false;
    return { element, kind, noteMode };
  },

  findSendButton(doc) {
    return doc.querySelector<HTMLElement>(`${SELECTORS.composerSection} ${SELECTORS.sendButton}`);
  },

  enterSends(doc) {
    // The demo's switch beside the send button, as helpdesks offer "Enter sends" as a choice.
    return doc.querySelector<HTMLInputElement>(SELECTORS.enterSendsSwitch)?.checked === true;
  },

  readCustomerName(doc) {
    const name = doc.querySelector(SELECTORS.customerName)?.textContent?.trim();
    return name ? name : undefined;
  },

  conversationKey(doc) {
    return doc.querySelector<HTMLElement>(SELECTORS.conversation)?.dataset.conversationId || undefined;
  },
};
