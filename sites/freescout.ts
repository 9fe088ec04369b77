// Adapter for FreeScout's conversation view (self-hosted only): threads newest first in the DOM, a Summernote reply/note editor.
import { matchInLocation, readableText } from './dom-text.ts';
import type { ChatMessage, ComposerInfo, MessageRole, SiteAdapter } from './types.ts';

const SELECTORS = {
  layout: '#conv-layout',
  messageList: '#conv-layout-main',
  thread: '.thread',
  threadBody: '.thread-body',
  lineItemTitle: '.thread-title',
  // Inside a thread body, what the agent did not write to the customer: bounce/send-failure alerts, attachment lists.
  bodyChrome: '.alert, .thread-attachments, .thread-badge',
  replyBlock: '.conv-reply-block',
  editor: '.note-editable[contenteditable="true"]',
  bodyField: 'textarea#body',
  customerName: '#conv-layout-customer .customer-name',
} as const;

const ROLE_BY_THREAD_TYPE: Readonly<Record<string, MessageRole>> = {
  customer: 'customer',
  message: 'agent',
  note: 'note',
  lineitem: 'system',
};

function threadRole(thread: Element): MessageRole | null {
  for (const className of Array.from(thread.classList)) {
    if (!className.startsWith('thread-type-')) continue;
    // Drafts are the agent's unsent text, not part of the conversation.
    return ROLE_BY_THREAD_TYPE[className.slice('thread-type-'.length)] ?? null;
  }
  return null;
}

/** Threads carry data-thread_id; line items (status changes, assignments) only the element id "thread-<id>". */
function threadId(thread: HTMLElement): string | undefined {
  return thread.dataset.thread_id || /^thread-(\d+)$/.exec(thread.id)?.[1];
}

function readThread(thread: HTMLElement): ChatMessage | null {
  const id = threadId(thread);
  const role = threadRole(thread);
  if (!id || !role) return null;
  const textElement = thread.querySelector(role === 'system' ? SELECTORS.lineItemTitle : SELECTORS.threadBody);
  const text = textElement ? readableText(textElement, SELECTORS.bodyChrome) : '';
  return text ? { id, role, text } : null;
}

export const freescoutAdapter: SiteAdapter = {
  id: 'freescout',
  name: 'FreeScout',
  matches: [],

  detect(doc) {
    return (
      doc.querySelector(`${SELECTORS.layout} ${SELECTORS.messageList}`) !== null &&
      doc.querySelector(SELECTORS.replyBlock) !== null
    );
  },

  findMessageList(doc) {
    return doc.querySelector<HTMLElement>(SELECTORS.messageList);
  },

  readMessages(list) {
    const messages: ChatMessage[] = [];
    for (const thread of list.querySelectorAll<HTMLElement>(SELECTORS.thread)) {
      const message = readThread(thread);
      if (message) messages.push(message);
    }
    // The conversation view lists the newest thread first; thread ids grow with time, so sorting by them gives the
    // oldest-first order whatever order a view or a module renders them in.
    if (messages.every((message) => /^\d+$/.test(message.id)))
      return messages.sort((a, b) => Number(a.id) - Number(b.id));
    return messages.reverse();
  },

  // FreeScout puts a new thread at the top, so the watcher reads the list again in order; this reads the one thread.
  readMessage(node) {
    const thread = node.closest<HTMLElement>(SELECTORS.thread) ?? node.querySelector<HTMLElement>(SELECTORS.thread);
    return thread ? readThread(thread) : null;
  },

  findComposer(doc) {
    const block = doc.querySelector<HTMLElement>(SELECTORS.replyBlock);
    // The reply block stays in the page, hidden, until the agent clicks Reply or Note.
    if (!block || block.classList.contains('hidden')) return null;
    const editor = block.querySelector<HTMLElement>(SELECTORS.editor);
    const kind: ComposerInfo['kind'] = editor ? 'summernote' : 'textarea';
    const element = editor ?? block.querySelector<HTMLElement>(SELECTORS.bodyField);
    if (!element) return null;
    const noteMode =
      block.classList.contains('conv-note-block') ||
      block.querySelector<HTMLInputElement>('input[name="is_note"]')?.value === '1';
    return { element, kind, noteMode };
  },

  readCustomerName(doc) {
    const name = doc.querySelector(SELECTORS.customerName)?.textContent?.trim();
    return name || undefined;
  },

  conversationKey(doc) {
    // view.blade.php puts the id on <body data-conversation_id>; the URL is /conversation/<id>.
    return doc.body?.dataset.conversation_id || matchInLocation(doc, /\/conversation\/(\d+)/);
  },
};
