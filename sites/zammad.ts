// Adapter for Zammad's agent UI (hosted *.zammad.com and self-hosted): the ticket zoom's articles and the customer chat.
import { matchInLocation, readableText } from './dom-text.ts';
import type { ChatMessage, ComposerInfo, MessageRole, SiteAdapter } from './types.ts';

const SELECTORS = {
  // Zammad keeps every open task (ticket tab, chat) in the DOM; the one on screen is `.content.active`.
  activeTask: '.content.active',
  ticketArticles: '.ticket-article',
  article: '.ticket-article-item[data-id]',
  articleBody: '.textBubble-content .richtext-content',
  articleSystemLine: '.task-subline',
  articleLink: 'a[href*="#ticket/zoom/"]',
  articleForm: 'form.article-add',
  articleEditor: '[contenteditable="true"][data-name="body"]',
  chatWindow: '.chat-window',
  chatWorkspace: '.chat-workspace',
  chatBody: '.chat-body.js-body',
  // chat_message, chat_notice_message and chat_status_message ("<name> left the conversation"); the typing indicator
  // (chat_loader, a customer-styled line that comes and goes) is none of them, so it never shifts a position.
  chatEntry: '.chat-message:not(.chat-message--loader, .js-loader), .chat-notice-message, .chat-status-message',
  chatOffline: '.is-offline',
  chatNewCustomerMessage: '.chat-message--customer.chat-message--new',
  chatInput: '.js-customerChatInput[contenteditable="true"]',
  chatSend: '.js-send',
  chatName: '.chat-name .js-name',
  chatNameLegacy: '.chat-name',
} as const;

/** The active task, or the whole document when a build renders a single task without the `.content` wrapper. */
function activeScope(doc: Document): ParentNode {
  return doc.querySelector(SELECTORS.activeTask) ?? doc;
}

/**
 * Several chats can be open side by side (ChatWindow in controllers/customer_chat). The one the agent is typing in;
 * else the first one with a customer message still highlighted as new (receiveMessage marks each one that arrives while
 * the chat's input has no focus; focusing or clicking the chat clears every mark); else the first chat still running
 * (a closed one is `is-offline` until the agent closes its window); else the first.
 */
function activeChatWindow(doc: Document): HTMLElement | null {
  const windows = Array.from(activeScope(doc).querySelectorAll<HTMLElement>(SELECTORS.chatWindow));
  const focused = doc.activeElement;
  const typing = windows.find((chat) => focused !== null && focused !== doc.body && chat.contains(focused));
  if (typing) return typing;
  const highlighted = windows.find((chat) => chat.querySelector(SELECTORS.chatNewCustomerMessage) !== null);
  if (highlighted) return highlighted;
  return windows.find((chat) => !chat.matches(SELECTORS.chatOffline)) ?? windows[0] ?? null;
}

/**
 * The element observed for chats: the workspace that holds every chat window, so a message arriving in a chat other
 * than the one read now is seen too (it may become the active one).
 */
function chatContainer(doc: Document): HTMLElement | null {
  const chat = activeScope(doc).querySelector<HTMLElement>(SELECTORS.chatWindow);
  if (!chat) return null;
  return chat.closest<HTMLElement>(SELECTORS.chatWorkspace) ?? chat.parentElement;
}

function articleRole(article: HTMLElement): MessageRole {
  // Internal articles come from any sender (an agent's note, a forwarded customer mail): never the customer's words.
  if (article.classList.contains('is-internal') || article.querySelector('.is-internal, .internal-border.is-internal'))
    return 'note';
  if (article.classList.contains('system')) return 'system';
  if (article.classList.contains('customer')) return 'customer';
  if (article.classList.contains('agent')) return 'agent';
  return 'system';
}

function readArticle(article: HTMLElement): ChatMessage | null {
  const id = article.dataset.id;
  if (!id) return null;
  const role = articleRole(article);
  const body = article.querySelector(SELECTORS.articleBody) ?? article.querySelector(SELECTORS.articleSystemLine);
  const text = body ? readableText(body) : '';
  return text ? { id, role, text } : null;
}

function readTicketArticles(list: HTMLElement): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const article of list.querySelectorAll<HTMLElement>(SELECTORS.article)) {
    const message = readArticle(article);
    if (message) messages.push(message);
  }
  return messages;
}

/** Chat lines carry no ids; they are only ever appended, so the position in the session is stable. */
function readChatEntry(entry: HTMLElement, session: string, index: number): ChatMessage | null {
  const role: MessageRole = entry.classList.contains('chat-message--customer')
    ? 'customer'
    : entry.classList.contains('chat-message--agent')
      ? 'agent'
      : 'system';
  const text = readableText(entry);
  return text ? { id: `${session}:${index}`, role, text } : null;
}

/** The body of the chat read now, when it lies inside `list` (the workspace, or a chat body itself). */
function activeChatBody(list: HTMLElement): HTMLElement | null {
  if (list.matches(SELECTORS.chatBody)) return list;
  const chat = activeChatWindow(list.ownerDocument);
  const body = chat?.querySelector<HTMLElement>(SELECTORS.chatBody) ?? null;
  return body && list.contains(body) ? body : null;
}

function readChatMessages(list: HTMLElement): ChatMessage[] {
  const body = activeChatBody(list);
  if (!body) return [];
  const session = sessionIdOf(body.closest<HTMLElement>(SELECTORS.chatWindow)) ?? 'chat';
  const messages: ChatMessage[] = [];
  body.querySelectorAll<HTMLElement>(SELECTORS.chatEntry).forEach((entry, index) => {
    const message = readChatEntry(entry, session, index);
    if (message) messages.push(message);
  });
  return messages;
}

/** One added article or chat entry. Chat entries carry no id: their position is it, counted without reading text. */
function readAddedEntry(node: Element, list: HTMLElement): ChatMessage | null {
  if (list.matches(SELECTORS.ticketArticles)) {
    const article = node.closest<HTMLElement>(SELECTORS.article) ?? node.querySelector<HTMLElement>(SELECTORS.article);
    return article ? readArticle(article) : null;
  }
  const entry = node.closest<HTMLElement>(SELECTORS.chatEntry) ?? node.querySelector<HTMLElement>(SELECTORS.chatEntry);
  if (!entry) return null;
  // A line taken out of the page: a message, whatever its place was (the watcher then reads the whole chat again).
  if (!entry.isConnected) return readChatEntry(entry, 'removed', -1);
  // A line of another chat than the one read now is not this conversation's (a removed one has no body left).
  const body = activeChatBody(list);
  if (!body || !body.contains(entry)) return null;
  const session = sessionIdOf(body.closest<HTMLElement>(SELECTORS.chatWindow)) ?? 'chat';
  let index = 0;
  if (entry.parentElement === body) {
    for (let previous = entry.previousElementSibling; previous; previous = previous.previousElementSibling) {
      if (previous.matches(SELECTORS.chatEntry)) index += 1;
    }
  } else {
    index = Array.prototype.indexOf.call(body.querySelectorAll(SELECTORS.chatEntry), entry) as number;
  }
  return readChatEntry(entry, session, index);
}

/**
 * The ticket view names the customer in each customer article's meta block (rendered, folded away): From comes first
 * when the article has a sender address, as `Name <address>`.
 */
function senderOfLatestCustomerArticle(articles: Element): string | undefined {
  const customerArticles = Array.from(articles.querySelectorAll(`${SELECTORS.article}.customer:not(.is-internal)`));
  for (const article of customerArticles.reverse()) {
    const from = article.querySelector('.article-meta.top .article-meta-row .article-meta-value')?.textContent ?? '';
    const name = from
      .replace(/<[^>]*>/g, '')
      .replace(/\S+@\S+/g, '')
      .replace(/["']/g, '')
      .trim();
    if (name) return name;
  }
  return undefined;
}

// Session ids read from a window's header, kept: the header loses " #<id>" when the agent edits the visitor's name
// (sendMetaForm writes the name alone into .js-name), and the conversation must stay the same one.
const sessionIds = new WeakMap<HTMLElement, string>();

/**
 * chat_window.jst.eco prints "<name> #<session id>" in the header: in `.js-name` since the header became clickable,
 * straight in `.chat-name` before.
 */
function sessionIdOf(chat: HTMLElement | null): string | undefined {
  if (!chat) return undefined;
  const header = chat.querySelector(SELECTORS.chatName) ?? chat.querySelector(SELECTORS.chatNameLegacy);
  const id = /#\s*([\w-]+)\s*$/.exec(header?.textContent ?? '')?.[1];
  if (id) sessionIds.set(chat, id);
  return id ?? sessionIds.get(chat);
}

/** The visitor's name: the header's text before " #<session>" (chat_window.jst.eco). */
function chatName(chat: HTMLElement | null): string | undefined {
  const header = chat?.querySelector(SELECTORS.chatName) ?? chat?.querySelector(SELECTORS.chatNameLegacy);
  const first = header?.firstChild;
  const text = first?.nodeType === 3 ? (first.nodeValue ?? '') : '';
  const name = text.replace(/#\s*[\w-]+\s*$/, '').trim();
  return name || undefined;
}

export const zammadAdapter: SiteAdapter = {
  id: 'zammad',
  name: 'Zammad',
  matches: ['https://*.zammad.com/*'],

  detect(doc) {
    return (
      doc.querySelector(`${SELECTORS.ticketArticles} ${SELECTORS.article}, ${SELECTORS.articleForm}`) !== null ||
      doc.querySelector(`${SELECTORS.chatWindow} ${SELECTORS.chatInput}`) !== null
    );
  },

  findMessageList(doc) {
    const articles = activeScope(doc).querySelector<HTMLElement>(SELECTORS.ticketArticles);
    if (articles) return articles;
    return chatContainer(doc);
  },

  readMessages(list) {
    return list.matches(SELECTORS.ticketArticles) ? readTicketArticles(list) : readChatMessages(list);
  },

  readMessage: readAddedEntry,

  findComposer(doc) {
    const form = activeScope(doc).querySelector<HTMLElement>(SELECTORS.articleForm);
    const editor = form?.querySelector<HTMLElement>(SELECTORS.articleEditor);
    const kind: ComposerInfo['kind'] = 'contenteditable';
    if (form && editor) {
      const internal =
        form.classList.contains('is-internal') ||
        form.querySelector<HTMLInputElement>('input[name="internal"]')?.value === 'true';
      return { element: editor, kind, noteMode: internal };
    }
    const chatInput = activeChatWindow(doc)?.querySelector<HTMLElement>(SELECTORS.chatInput);
    return chatInput ? { element: chatInput, kind, noteMode: false } : null;
  },

  findSendButton(doc) {
    // The chat window's Send; a ticket's reply is submitted with the whole ticket form, not watched here.
    return activeChatWindow(doc)?.querySelector<HTMLElement>(SELECTORS.chatSend) ?? null;
  },

  enterSends(doc, composer) {
    // In a chat window Enter sends and Shift+Enter starts a line; a ticket article is written over several lines.
    return composer.element.matches(SELECTORS.chatInput) && activeChatWindow(doc)?.contains(composer.element) === true;
  },

  readCustomerName(doc) {
    const articles = activeScope(doc).querySelector(SELECTORS.ticketArticles);
    if (articles) return senderOfLatestCustomerArticle(articles);
    return chatName(activeChatWindow(doc));
  },

  conversationKey(doc) {
    const ticket = matchInLocation(doc, /#ticket\/zoom\/(\d+)/);
    if (ticket) return `ticket:${ticket}`;
    // Each article links back to its ticket (article_view.jst.eco), which holds when the URL does not.
    const link = activeScope(doc).querySelector(SELECTORS.articleLink)?.getAttribute('href') ?? '';
    const linked = /#ticket\/zoom\/(\d+)/.exec(link)?.[1];
    if (linked) return `ticket:${linked}`;
    const session = sessionIdOf(activeChatWindow(doc));
    return session ? `chat:${session}` : undefined;
  },
};
