// The guessing adapter for helpdesks nobody wrote an adapter for: finds the message list, each message's role and the composer by cues.
import { fingerprint, readableText } from './dom-text.ts';
import type { ChatMessage, ComposerInfo, MessageRole, SiteAdapter } from './types.ts';

/** The agent's picks for this host; they win over every guess. */
export interface GenericPreference {
  messageListSelector?: string;
  composerSelector?: string;
}

const CUSTOMER_WORDS = new Set([
  'in',
  'incoming',
  'inbound',
  'received',
  'receive',
  'left',
  'customer',
  'customers',
  'visitor',
  'user',
  'guest',
  'client',
  'contact',
  'enduser',
  'buyer',
  'them',
  'other',
  'remote',
  'requester',
]);
const AGENT_WORDS = new Set([
  'out',
  'outgoing',
  'outbound',
  'sent',
  'send',
  'right',
  'agent',
  'operator',
  'staff',
  'admin',
  'me',
  'self',
  'mine',
  'own',
  'reply',
  'support',
  'servicer',
  'kefu',
  'seat',
  'bot',
  'robot',
]);
const NOTE_WORDS = new Set(['note', 'notes', 'internal', 'private', 'whisper']);
const SYSTEM_WORDS = new Set([
  'system',
  'sys',
  'notice',
  'event',
  'events',
  'info',
  'divider',
  'separator',
  'tip',
  'tips',
  'announcement',
  'activity',
]);

const CHINESE_CUES: ReadonlyArray<[RegExp, MessageRole]> = [
  [/内部备注|內部備註|备注|備註/, 'note'],
  [/系统|系統|通知/, 'system'],
  [/访客|訪客|客户|客戶|用户|用戶|顾客|顧客|买家|買家/, 'customer'],
  [/客服|坐席|专员|專員|机器人|機器人/, 'agent'],
];

/** Parts of an item that are chrome, not the message: names, times, avatars, status ticks. */
const ITEM_CHROME =
  'time, img, [class*="avatar"], [class*="time"], [class*="date"], [class*="name"], [class*="nick"], [class*="author"], [class*="sender"], [class*="speaker"], [class*="meta"], [class*="status"], [class*="label"], [class*="who"], [class*="header"], [class*="heading"], [aria-hidden="true"]';
/** A line that only says when (a time, "12 mins ago"), left by a time element without a telling class. */
const TIME_ONLY_LINE =
  /^(\d{1,2}:\d{2}(:\d{2})?|\d+\s*(s|secs?|mins?|minutes?|hours?|days?)\s+ago|刚刚|\d+\s*(秒|分钟|小时|天)前)$/i;
/** Elements whose text names who spoke. */
const LABEL_PARTS =
  '[class*="name"], [class*="nick"], [class*="author"], [class*="sender"], [class*="label"], [class*="who"], [class*="role"], [class*="speaker"]';
const ROLE_ATTRIBUTES = [
  'data-role',
  'data-author',
  'data-sender',
  'data-from',
  'data-type',
  'data-direction',
  'data-message-type',
  'data-author-type',
  'aria-label',
  'title',
];
const ID_ATTRIBUTES = ['data-message-id', 'data-msg-id', 'data-id', 'data-mid', 'id'];
const EDITABLE =
  'textarea, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], [role="textbox"]';

/**
 * Values of the other data-* attributes when they are one short token ("private", "outgoing", "visitor"): widgets put
 * roles in attributes of their own naming. Longer values are text or ids, not roles.
 */
function otherDataWords(element: Element): string[] {
  const words: string[] = [];
  for (const attribute of Array.from(element.attributes)) {
    if (
      !attribute.name.startsWith('data-') ||
      ROLE_ATTRIBUTES.includes(attribute.name) ||
      ID_ATTRIBUTES.includes(attribute.name)
    )
      continue;
    if (attribute.value.length <= 24 && /^[a-z_-]+$/iu.test(attribute.value)) words.push(attribute.value);
  }
  return words;
}

/** Words of a class list or attribute value: `msg--incoming`, `fromCustomer`, `bubble_left` → msg, incoming, from, customer… */
function wordsOf(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

function isHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    const style = (node as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  }
  if (element instanceof HTMLInputElement && element.type === 'hidden') return true;
  return false;
}

// ---- The message list ----

/** A child's shape: tag plus the first class's base (`bubble` of `bubble--left`), so left and right bubbles count as one kind. */
function signatureOf(element: Element): string {
  const firstClass = element.classList[0] ?? '';
  return `${element.tagName}.${firstClass.split(/--|__/)[0]!.replace(/[-_](in|out|left|right|incoming|outgoing|me|them)$/i, '')}`;
}

function looksScrollable(element: Element): boolean {
  const style = (element as HTMLElement).style;
  const computed = element.ownerDocument.defaultView?.getComputedStyle?.(element);
  const overflow = `${style?.overflowY ?? ''} ${style?.overflow ?? ''} ${computed?.overflowY ?? ''}`;
  if (/auto|scroll/.test(overflow)) return true;
  return /scroll|messages|conversation|chat|log|history|thread|transcript/i.test(`${element.className} ${element.id}`);
}

function editablesOf(doc: Document): HTMLElement[] {
  return Array.from(doc.querySelectorAll<HTMLElement>(EDITABLE)).filter((element) => {
    if (isHidden(element)) return false;
    if (element instanceof HTMLTextAreaElement && (element.readOnly || element.disabled)) return false;
    // An editable inside another editable is the editor's own inner node; the outer one is the composer.
    return !element.parentElement?.closest(EDITABLE);
  });
}

/** Bodies of lists that only wrap one block (tbody of a table log) are looked at as the list itself. */
function listScore(candidate: Element, composer: HTMLElement | null): number {
  const children = Array.from(candidate.children).filter((child) => (child.textContent ?? '').trim() !== '');
  if (children.length < 2) return 0;
  const groups = new Map<string, number>();
  for (const child of children) groups.set(signatureOf(child), (groups.get(signatureOf(child)) ?? 0) + 1);
  const largest = Math.max(...groups.values());
  if (largest < 2 || largest / children.length < 0.5) return 0;
  let score = largest;
  if (looksScrollable(candidate)) score *= 1.5;
  if (composer) {
    if (candidate.contains(composer)) return 0;
    // The conversation sits just above the field the agent types in.
    if (candidate.compareDocumentPosition(composer) & Node.DOCUMENT_POSITION_FOLLOWING) score *= 1.5;
    let shared = 0;
    for (let node: Element | null = candidate; node && !node.contains(composer); node = node.parentElement) shared += 1;
    score /= 1 + shared * 0.1;
  }
  // Navigation and menus repeat links, not sentences.
  const textPerChild = (candidate.textContent ?? '').trim().length / children.length;
  if (textPerChild < 4) score *= 0.3;
  if (candidate.closest('nav, header, footer, [role="navigation"], [role="menu"], select')) score *= 0.2;
  return score;
}

function guessMessageList(doc: Document): HTMLElement | null {
  const composer = guessComposerElement(doc);
  let best: HTMLElement | null = null;
  let bestScore = 0;
  for (const candidate of Array.from(doc.body?.querySelectorAll<HTMLElement>('*') ?? [])) {
    if (candidate.children.length < 2 || isHidden(candidate)) continue;
    const score = listScore(candidate, composer);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

// ---- Roles ----

function roleFromWords(words: Iterable<string>): MessageRole | undefined {
  let customer = 0;
  let agent = 0;
  for (const word of words) {
    if (NOTE_WORDS.has(word)) return 'note';
    if (SYSTEM_WORDS.has(word)) return 'system';
    if (CUSTOMER_WORDS.has(word)) customer += 1;
    if (AGENT_WORDS.has(word)) agent += 1;
  }
  if (customer > agent) return 'customer';
  if (agent > customer) return 'agent';
  return undefined;
}

function roleFromChinese(text: string): MessageRole | undefined {
  return CHINESE_CUES.find(([pattern]) => pattern.test(text))?.[1];
}

function roleFromAlignment(element: Element): MessageRole | undefined {
  const view = element.ownerDocument.defaultView;
  for (const node of [element, ...Array.from(element.children)]) {
    const style = (node as HTMLElement).style;
    const computed = view?.getComputedStyle?.(node);
    const read = (name: string): string =>
      `${style?.getPropertyValue(name) ?? ''} ${computed?.getPropertyValue(name) ?? ''}`;
    if (
      /flex-end|\bend\b|right/.test(
        `${read('justify-content')} ${read('align-self')} ${read('text-align')} ${read('float')}`,
      )
    )
      return 'agent';
    if (/auto/.test(read('margin-left')) && !/auto/.test(read('margin-right'))) return 'agent';
    if (/flex-start|\bstart\b|left/.test(`${read('justify-content')} ${read('align-self')} ${read('float')}`))
      return 'customer';
  }
  return undefined;
}

/**
 * The speaker written before the words, the way plain pages log a chat: a first bold/span child ending in a colon
 * ("Visitor:", "Operator Lisa:", "访客：").
 */
function speakerPrefixOf(item: Element): Element | null {
  const first = item.firstElementChild;
  if (!first || !['B', 'STRONG', 'SPAN', 'LABEL', 'EM'].includes(first.tagName)) return null;
  // Nothing but spaces before it: it opens the line.
  for (let node = item.firstChild; node && node !== first; node = node.nextSibling)
    if ((node.textContent ?? '').trim() !== '') return null;
  const label = (first.textContent ?? '').trim();
  return label.length > 0 && label.length <= 40 && /[:：]$/.test(label) ? first : null;
}

function roleFromSpeakerPrefix(item: Element): MessageRole | undefined {
  const label = speakerPrefixOf(item)?.textContent ?? '';
  return label ? (roleFromChinese(label) ?? roleFromWords(wordsOf(label))) : undefined;
}

/** The role of one list item, strongest cue first: explicit attributes, the item's classes, its parts' classes, name labels, alignment. */
function roleOfItem(item: Element): MessageRole | undefined {
  const attributeText = (element: Element): string =>
    [...ROLE_ATTRIBUTES.map((name) => element.getAttribute(name) ?? ''), ...otherDataWords(element)].join(' ');
  const own = roleFromWords(wordsOf(attributeText(item))) ?? roleFromChinese(attributeText(item));
  if (own) return own;
  const ownClasses = roleFromWords(wordsOf(typeof item.className === 'string' ? item.className : ''));
  if (ownClasses) return ownClasses;
  const parts = Array.from(item.querySelectorAll('*')).slice(0, 12);
  const partWords = parts.flatMap((part) =>
    wordsOf(`${typeof part.className === 'string' ? part.className : ''} ${attributeText(part)}`),
  );
  const fromParts = roleFromWords(partWords);
  if (fromParts) return fromParts;
  const labels = Array.from(item.querySelectorAll(LABEL_PARTS))
    .map((label) => label.textContent ?? '')
    .join(' ');
  const fromLabels = roleFromChinese(labels) ?? roleFromWords(wordsOf(labels));
  if (fromLabels) return fromLabels;
  return roleFromSpeakerPrefix(item) ?? roleFromAlignment(item);
}

// ---- Order ----

/** A comparable time for an item from <time datetime>, data-time attributes or a shown date/time, when it has one. */
function timeOf(item: Element): number | undefined {
  const stamped =
    item.querySelector('time[datetime]')?.getAttribute('datetime') ??
    item.getAttribute('data-time') ??
    item.getAttribute('data-timestamp') ??
    item.querySelector('[data-time], [data-timestamp]')?.getAttribute('data-time');
  if (stamped) {
    const numeric = Number(stamped);
    if (Number.isFinite(numeric)) return numeric;
    const parsed = Date.parse(stamped);
    if (Number.isFinite(parsed)) return parsed;
  }
  const shown = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(item.textContent ?? '');
  if (shown) {
    const [, year, month, day, hour, minute, second] = shown;
    return Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +(second ?? 0));
  }
  return undefined;
}

/** True when the items carry times that mostly go down the page: a newest-first list. */
function isNewestFirst(items: Element[]): boolean {
  const times = items.map(timeOf).filter((time): time is number => time !== undefined);
  if (times.length < 2) return false;
  let falling = 0;
  let rising = 0;
  for (let index = 1; index < times.length; index += 1) {
    if (times[index]! < times[index - 1]!) falling += 1;
    if (times[index]! > times[index - 1]!) rising += 1;
  }
  return falling > rising;
}

// ---- Reading ----

/** Where the items are: a table log's rows live in its tbody, everything else holds them directly. */
function itemContainerOf(list: HTMLElement): HTMLElement {
  return list instanceof HTMLTableElement && list.tBodies[0] ? list.tBodies[0] : list;
}

function itemsOf(list: HTMLElement): Element[] {
  return Array.from(itemContainerOf(list).children).filter(
    (child) =>
      !['SCRIPT', 'STYLE', 'TEMPLATE', 'THEAD'].includes(child.tagName) && (child.textContent ?? '').trim() !== '',
  );
}

function ownIdOf(item: Element): string | undefined {
  for (const name of ID_ATTRIBUTES) {
    const value = item.getAttribute(name);
    if (value) return value;
  }
  return undefined;
}

function itemText(item: Element): string {
  const text = readableText(item, ITEM_CHROME) || readableText(item);
  const prefix = speakerPrefixOf(item);
  const label = prefix ? readableText(prefix) : '';
  const words = label && text.startsWith(label) ? text.slice(label.length).trim() : text;
  const lines = words.split('\n').filter((line) => !TIME_ONLY_LINE.test(line));
  return lines.length > 0 ? lines.join('\n') : words;
}

/**
 * The helpdesk's own id, else one from the text and the text of the message before it in time (a run of equal texts
 * counted), so it stays the same when messages are added at either end and a single added item gets the same id as a
 * full read gives it.
 */
function idOf(item: Element, newestFirst: boolean, textOf: (element: Element) => string = itemText): string {
  const own = ownIdOf(item);
  if (own) return own;
  const text = textOf(item);
  const older = (element: Element): Element | null =>
    newestFirst ? element.nextElementSibling : element.previousElementSibling;
  let neighbour = older(item);
  let repeats = 0;
  while (neighbour && repeats < 50 && textOf(neighbour) === text) {
    repeats += 1;
    neighbour = older(neighbour);
  }
  return `generic-${fingerprint(`${neighbour ? textOf(neighbour) : ''}\u0000${text}\u0000${repeats}`)}`;
}

/**
 * Roles for items without cues, learned from the cued ones around them. Items with the very same classes play the same
 * part (msg-row-l every time the customer speaks), so an uncued item takes a cued twin's role. When the cued items of
 * its shape all speak for one party and differ from it in a modifier class (msg-row-r), it is the other party of the
 * two-party chat.
 */
function roleInference(context: Element[]): (item: Element) => MessageRole {
  const classesOf = (item: Element): string => `${item.tagName}.${Array.from(item.classList).sort().join('.')}`;
  const roleByClasses = new Map<string, MessageRole>();
  const partiesBySignature = new Map<string, Set<MessageRole>>();
  for (const item of context) {
    const role = roleOfItem(item);
    if (!role) continue;
    // A prefix names this line's speaker only: lines of the same classes may be anyone's.
    const perLine = speakerPrefixOf(item) !== null && roleFromSpeakerPrefix(item) === role;
    if (!perLine && !roleByClasses.has(classesOf(item))) roleByClasses.set(classesOf(item), role);
    if (role === 'customer' || role === 'agent') {
      const parties = partiesBySignature.get(signatureOf(item)) ?? new Set<MessageRole>();
      parties.add(role);
      partiesBySignature.set(signatureOf(item), parties);
    }
  }
  // Where lines name their speaker in a prefix, a line of the same shape without one is the page speaking.
  const prefixed = context.some((item) => roleFromSpeakerPrefix(item) !== undefined);
  return (item) => {
    if (prefixed && speakerPrefixOf(item) === null) return 'system';
    const twin = roleByClasses.get(classesOf(item));
    if (twin) return twin;
    const parties = partiesBySignature.get(signatureOf(item));
    if (parties?.size === 1) return parties.has('agent') ? 'customer' : 'agent';
    // A line of another shape among the bubbles, with no cue, is the widget's own notice.
    if (partiesBySignature.size > 0 && !partiesBySignature.has(signatureOf(item))) return 'system';
    return 'customer';
  };
}

/**
 * The lines of a conversation block: a block that groups one speaker's consecutive lines under one header (name, time)
 * holds two or more text children of one shape beside the header, each a message of its own. Null for a plain item.
 */
function blockLinesOf(item: Element): Element[] | null {
  const withText = Array.from(item.children).filter((child) => readableText(child, ITEM_CHROME) !== '');
  if (withText.length < 2 || withText.length === item.children.length) return null;
  const shape = signatureOf(withText[0]!);
  return withText.every((child) => signatureOf(child) === shape && child.children.length === 0) ? withText : null;
}

/** A line of a block: its text, its id from the line (or the item) before it, its role the block's. */
function readBlockLine(line: Element, block: Element, role: MessageRole): ChatMessage | null {
  const text = readableText(line, ITEM_CHROME);
  if (!text) return null;
  const previous = line.previousElementSibling;
  const before =
    previous && blockLinesOf(block)?.includes(previous)
      ? readableText(previous, ITEM_CHROME)
      : block.previousElementSibling
        ? itemText(block.previousElementSibling)
        : '';
  return { id: ownIdOf(line) ?? `generic-${fingerprint(`${before}\u0000${text}\u0001`)}`, role, text };
}

/** Whether the list runs newest first, decided once per list element: the order of a list does not change. */
const newestFirstByList = new WeakMap<HTMLElement, boolean>();

function listIsNewestFirst(list: HTMLElement): boolean {
  let newestFirst = newestFirstByList.get(list);
  if (newestFirst === undefined) {
    newestFirst = isNewestFirst(itemsOf(list));
    newestFirstByList.set(list, newestFirst);
  }
  return newestFirst;
}

function readItems(list: HTMLElement): ChatMessage[] {
  const items = itemsOf(list);
  const newestFirst = isNewestFirst(items);
  newestFirstByList.set(list, newestFirst);
  const ordered = newestFirst ? [...items].reverse() : items;
  const inferRole = roleInference(ordered);
  // Each text is needed twice (its own message, the next one's id): read it once.
  const texts = new Map<Element, string>();
  const textOf = (element: Element): string => {
    let text = texts.get(element);
    if (text === undefined) {
      text = itemText(element);
      texts.set(element, text);
    }
    return text;
  };
  const messages: ChatMessage[] = [];
  for (const item of ordered) {
    const text = textOf(item);
    if (!text) continue;
    const role = roleOfItem(item) ?? inferRole(item);
    const lines = newestFirst ? null : blockLinesOf(item);
    if (lines) {
      for (const line of lines) {
        const message = readBlockLine(line, item, role);
        if (message) messages.push(message);
      }
      continue;
    }
    messages.push({ id: idOf(item, newestFirst, textOf), role, text });
  }
  return messages;
}

/** How many neighbours on each side an added item's role is learned from when it has no cue of its own. */
const ROLE_CONTEXT = 20;

function readAddedItem(node: Element, list: HTMLElement): ChatMessage | null {
  const container = itemContainerOf(list);
  let item: Element | null = node;
  while (item && item.parentElement !== container) item = item.parentElement;
  if (!item || ['SCRIPT', 'STYLE', 'TEMPLATE', 'THEAD'].includes(item.tagName)) return null;
  const text = itemText(item);
  if (!text) return null;
  const newestFirst = listIsNewestFirst(list);
  const role = roleOfItem(item) ?? roleInference(neighboursOf(item))(item);
  const lines = newestFirst ? null : blockLinesOf(item);
  if (lines) {
    // A line added to a block, or a new block: the line that holds the node, else the block's latest.
    const line = lines.find((candidate) => candidate.contains(node)) ?? lines.at(-1)!;
    return readBlockLine(line, item, role);
  }
  return { id: idOf(item, newestFirst), role, text };
}

function neighboursOf(item: Element): Element[] {
  const neighbours: Element[] = [item];
  let before = item.previousElementSibling;
  let after = item.nextElementSibling;
  for (let step = 0; step < ROLE_CONTEXT; step += 1) {
    if (before) {
      neighbours.unshift(before);
      before = before.previousElementSibling;
    }
    if (after) {
      neighbours.push(after);
      after = after.nextElementSibling;
    }
  }
  return neighbours;
}

// ---- The composer ----

/** A dialog the page keeps in the DOM while closed (Bootstrap's .modal without .in/.show, <dialog> without open). */
const CLOSED_DIALOG = '.modal:not(.in, .show), dialog:not([open])';
/** Fields that are not the reply: the customer's remarks, searches, feedback forms. */
const NOT_A_REPLY = /remark|memo|search|feedback|comment|备注|備註|搜索|搜尋|查找|反馈|反饋/i;

function describesField(element: HTMLElement): string {
  return ['id', 'name', 'class', 'placeholder', 'aria-label', 'title']
    .map((name) => element.getAttribute(name) ?? '')
    .join(' ');
}

function guessComposerElement(doc: Document): HTMLElement | null {
  const editables = editablesOf(doc).filter(
    (element) => !(element instanceof HTMLInputElement) && !element.closest(CLOSED_DIALOG),
  );
  const replies = editables.filter((element) => !NOT_A_REPLY.test(describesField(element)));
  // The reply field is the last editable on the page in nearly every chat layout (search boxes come first); a field
  // that says it holds remarks or feedback is passed over while another one is there.
  return replies.at(-1) ?? editables.at(-1) ?? null;
}

function composerKindOf(element: HTMLElement): ComposerInfo['kind'] {
  if (element instanceof HTMLTextAreaElement) return 'textarea';
  if (element instanceof HTMLInputElement) return 'input';
  if (element.closest('.ProseMirror')) return 'prosemirror';
  if (element.closest('.ck-editor__editable, .ck-content')) return 'ckeditor5';
  if (element.closest('[data-lexical-editor]')) return 'lexical';
  if (element.closest('.ql-editor')) return 'quill';
  if (element.closest('.DraftEditor-root, [data-contents]') || element.querySelector('[data-contents]'))
    return 'draftjs';
  if (element.closest('[data-slate-editor]')) return 'slate';
  if (element.closest('.note-editable')) return 'summernote';
  return 'contenteditable';
}

/** Note mode: the composer or its form says internal/private/note (classes, attributes, a checked toggle). */
function isNoteMode(element: HTMLElement): boolean {
  for (let node: Element | null = element; node && node.tagName !== 'BODY'; node = node.parentElement) {
    const words = wordsOf(
      `${typeof node.className === 'string' ? node.className : ''} ${node.getAttribute('data-mode') ?? ''}`,
    );
    if (words.some((word) => NOTE_WORDS.has(word))) return true;
  }
  const placeholder = `${element.getAttribute('placeholder') ?? ''} ${element.getAttribute('aria-label') ?? ''} ${element.getAttribute('data-placeholder') ?? ''}`;
  return /internal note|private note|内部备注|內部備註/i.test(placeholder);
}

function resolve(doc: Document, selector: string | undefined): HTMLElement | null {
  if (!selector) return null;
  try {
    return doc.querySelector<HTMLElement>(selector);
  } catch {
    // A stored pick that no longer parses is ignored, not fatal: the guess takes over.
    return null;
  }
}

export function createGenericAdapter(pref: GenericPreference = {}): SiteAdapter {
  const findMessageList = (doc: Document): HTMLElement | null =>
    resolve(doc, pref.messageListSelector) ?? guessMessageList(doc);
  const findComposer = (doc: Document): ComposerInfo | null => {
    const picked = resolve(doc, pref.composerSelector);
    // A picked wrapper of the editor counts: type into the editable inside it.
    const element = picked
      ? picked.matches(EDITABLE)
        ? picked
        : (picked.querySelector<HTMLElement>(EDITABLE) ?? picked)
      : guessComposerElement(doc);
    if (!element) return null;
    return { element, kind: composerKindOf(element), noteMode: isNoteMode(element) };
  };
  return {
    id: 'generic',
    name: 'Generic',
    matches: [],
    detect: (doc) => findMessageList(doc) !== null && findComposer(doc) !== null,
    findMessageList,
    readMessages: readItems,
    readMessage: readAddedItem,
    findComposer,
    conversationKey(doc) {
      const location = doc.defaultView?.location;
      if (!location) return undefined;
      // Conversation ids are the last long number or uuid-like segment of the path or hash.
      const ids = `${location.pathname}${location.hash}${location.search}`.match(/[0-9a-f]{8}-[0-9a-f-]{27}|\d{3,}/gi);
      return ids?.at(-1);
    },
  };
}
