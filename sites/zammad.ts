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
  chatBody: '.chat-body.js-body',
  chatEntry: '.chat-message, .chat-notice-message',
  chatInput: '.js-customerChatInput[contenteditable="true"]',
  chatSend: '.js-send',
  chatName: '.chat-name .js-name',
} as const;

/** The active task, or the whole document when a build renders a single task without the `.content` wrapper. */
function activeScope(doc: Document): ParentNode {
  return doc.querySelector(SELECTORS.activeTask) ?? doc;
}

/** Several chats can be open side by side: the one the agent is typing in, else the first. */
function activeChatWindow(doc: Document): HTMLElement | null {
  const windows = Array.from(activeScope(doc).querySelectorAll<HTMLElement>(SELECTORS.chatWindow));
  const focused = doc.activeElement;
  return windows.find((chat) => focused !== null && chat.contains(focused)) ?? windows[0] ?? null;
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

function readChatMessages(list: HTMLElement): ChatMessage[] {
  const session = sessionIdOf(list.closest<HTMLElement>(SELECTORS.chatWindow)) ?? 'chat';
  const messages: ChatMessage[] = [];
  list.querySelectorAll<HTMLElement>(SELECTORS.chatEntry).forEach((entry, index) => {
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
  const session = sessionIdOf(list.closest<HTMLElement>(SELECTORS.chatWindow)) ?? 'chat';
  let index = 0;
  if (entry.parentElement === list) {
    for (let previous = entry.previousElementSibling; previous; previous = previous.previousElementSibling) {
      if (previous.matches(SELECTORS.chatEntry)) index += 1;
    }
  } else {
    index = Array.prototype.indexOf.call(list.querySelectorAll(SELECTORS.chatEntry), entry) as number;
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

/** chat_window.jst.eco prints "<name> #<session id>" in the header. */
function sessionIdOf(chat: HTMLElement | null): string | undefined {
  if (!chat) return undefined;
  return /#\s*([\w-]+)\s*$/.exec(chat.querySelector(SELECTORS.chatName)?.textContent ?? '')?.[1];
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
    return activeChatWindow(doc)?.querySelector<HTMLElement>(SELECTORS.chatBody) ?? null;
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
    // chat_window.jst.eco: the visitor's name is the header's first text, before " #<session>".
    const nameElement = activeChatWindow(doc)?.querySelector(SELECTORS.chatName);
    const firstText = nameElement?.firstChild?.nodeType === 3 ? nameElement.firstChild.nodeValue : null;
    const name = firstText?.trim();
    return name || undefined;
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
