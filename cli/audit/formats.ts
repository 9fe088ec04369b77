// The shapes of exported conversations, told apart by their content: the audit layout (JSONL or CSV), Zendesk tickets
// with their comments, and Chatwoot messages or conversations. Each becomes the same AuditMessage.
import type { BadLineReason } from './messages.ts';

const AUDIT_ROLES = ['customer', 'agent', 'system', 'note'] as const;
export type AuditRole = (typeof AUDIT_ROLES)[number];

/** One message of a conversation, whatever export it came from. */
export interface AuditMessage {
  conversation: string;
  /** Who sent it, for agent messages and notes; "" when nobody is named. */
  agent: string;
  role: AuditRole;
  /** Milliseconds since the epoch. */
  time: number;
  text: string;
}

/** What one JSON value of an export gave: messages, or why it was skipped. */
export type Decoded = { ok: true; messages: AuditMessage[] } | { ok: false; reason: BadLineReason };

/** The columns (and JSONL fields) of the audit layout, in the order a CSV header lists them in docs/audit.md. */
export const LAYOUT_FIELDS = ['conversation', 'agent', 'role', 'time', 'text'] as const;

// ISO 8601 as exports write it: a date, "T" or a space, a time to the minute at least, and an optional zone.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/iu;

/** An ISO 8601 date and time in milliseconds, or undefined; Date.parse alone would also take "June 1" and "1". */
function parseIsoTime(value: string): number | undefined {
  const trimmed = value.trim();
  if (!ISO_8601.test(trimmed)) return undefined;
  const ms = Date.parse(trimmed.replace(' ', 'T').replace(',', '.'));
  return Number.isNaN(ms) ? undefined : ms;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const idText = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';

const fail = (reason: BadLineReason): Decoded => ({ ok: false, reason });

/** One message in the audit layout, from a JSONL object or a CSV row by column name. */
export function decodeLayout(row: Readonly<Record<string, unknown>>): Decoded {
  const conversation = idText(row.conversation);
  if (conversation === '') return fail({ code: 'missingField', params: { field: 'conversation' } });
  const role = typeof row.role === 'string' ? row.role.trim().toLowerCase() : '';
  if (role === '') return fail({ code: 'missingField', params: { field: 'role' } });
  if (!(AUDIT_ROLES as readonly string[]).includes(role))
    return fail({ code: 'badRole', params: { value: String(row.role) } });
  const agent = idText(row.agent);
  if (role === 'agent' && agent === '') return fail({ code: 'missingField', params: { field: 'agent' } });
  if (typeof row.time !== 'string' || row.time.trim() === '')
    return fail({ code: 'missingField', params: { field: 'time' } });
  const time = parseIsoTime(row.time);
  if (time === undefined) return fail({ code: 'badTime', params: { value: row.time } });
  if (typeof row.text !== 'string') return fail({ code: 'missingField', params: { field: 'text' } });
  return { ok: true, messages: [{ conversation, agent, role: role as AuditRole, time, text: row.text }] };
}

/**
 * A Zendesk ticket with its comments (the ticket JSON of the API and of the account's JSON export): a comment by the
 * ticket's requester is the customer's, a private one (`public: false`) a note, any other an agent's reply.
 */
function decodeZendeskTicket(ticket: Readonly<Record<string, unknown>>): Decoded {
  const conversation = idText(ticket.id);
  if (conversation === '') return fail({ code: 'missingField', params: { field: 'id' } });
  const requester = idText(ticket.requester_id);
  const messages: AuditMessage[] = [];
  for (const comment of ticket.comments as unknown[]) {
    if (!isObject(comment)) return fail({ code: 'notObject' });
    const author = idText(comment.author_id);
    const text =
      typeof comment.plain_body === 'string'
        ? comment.plain_body
        : typeof comment.body === 'string'
          ? comment.body
          : '';
    const created = typeof comment.created_at === 'string' ? comment.created_at : '';
    const time = parseIsoTime(created);
    if (time === undefined)
      return created === ''
        ? fail({ code: 'missingField', params: { field: 'comments[].created_at' } })
        : fail({ code: 'badTime', params: { value: created } });
    const role: AuditRole =
      author !== '' && author === requester ? 'customer' : comment.public === false ? 'note' : 'agent';
    messages.push({ conversation, agent: role === 'customer' ? '' : author, role, time, text });
  }
  return { ok: true, messages };
}

const CHATWOOT_TYPES: Record<string, 'incoming' | 'outgoing' | 'activity' | 'template'> = {
  '0': 'incoming',
  '1': 'outgoing',
  '2': 'activity',
  '3': 'template',
  incoming: 'incoming',
  outgoing: 'outgoing',
  activity: 'activity',
  template: 'template',
};

/**
 * A Chatwoot message (the messages API, a conversation's `messages`, webhooks): `message_type` 0 incoming is the
 * customer's, 1 outgoing an agent's (a note when `private`), 2 activity and 3 template are the system's.
 * `created_at` is Unix seconds in the API and ISO 8601 in webhooks; both are read.
 */
function decodeChatwootMessage(message: Readonly<Record<string, unknown>>, conversationId?: string): Decoded {
  const conversation = conversationId ?? idText(message.conversation_id);
  if (conversation === '') return fail({ code: 'missingField', params: { field: 'conversation_id' } });
  const type = CHATWOOT_TYPES[String(message.message_type)];
  if (type === undefined) return fail({ code: 'badRole', params: { value: String(message.message_type) } });
  const created = message.created_at;
  const time =
    typeof created === 'number' && Number.isFinite(created)
      ? created * 1000
      : typeof created === 'string'
        ? parseIsoTime(created)
        : undefined;
  if (time === undefined)
    return created === undefined
      ? fail({ code: 'missingField', params: { field: 'created_at' } })
      : fail({ code: 'badTime', params: { value: String(created) } });
  const role: AuditRole =
    type === 'incoming' ? 'customer' : type === 'outgoing' ? (message.private === true ? 'note' : 'agent') : 'system';
  const sender = isObject(message.sender) ? message.sender : {};
  const agent =
    role === 'customer' ? '' : idText(sender.available_name) || idText(sender.name) || idText(sender.id) || '';
  const text = typeof message.content === 'string' ? message.content : '';
  return { ok: true, messages: [{ conversation, agent, role, time, text }] };
}

/** A Chatwoot conversation with its `messages`. */
function decodeChatwootConversation(conversation: Readonly<Record<string, unknown>>): Decoded {
  const id = idText(conversation.id);
  const messages: AuditMessage[] = [];
  for (const message of conversation.messages as unknown[]) {
    if (!isObject(message)) return fail({ code: 'notObject' });
    const one = decodeChatwootMessage(message, id || undefined);
    if (!one.ok) return one;
    messages.push(...one.messages);
  }
  return { ok: true, messages };
}

/** One JSON value of an export (a JSONL line or an item of a JSON document), by its shape. */
export function decodeJsonValue(value: unknown): Decoded {
  if (!isObject(value)) return fail({ code: 'notObject' });
  if (Array.isArray(value.comments)) return decodeZendeskTicket(value);
  if ('message_type' in value) return decodeChatwootMessage(value);
  if (Array.isArray(value.messages)) return decodeChatwootConversation(value);
  if ('role' in value || 'conversation' in value) return decodeLayout(value);
  return fail({ code: 'unknownShape' });
}

/**
 * The items of one whole JSON document: `{"tickets": […]}` (Zendesk), `{"payload": […]}` or `{"data": {"payload": […]}}`
 * (Chatwoot), a single ticket `{"ticket": {…}}`, or an array of any item. Undefined when it holds none of these.
 */
export function documentItems(document: unknown): unknown[] | undefined {
  if (Array.isArray(document)) return document;
  if (!isObject(document)) return undefined;
  if (Array.isArray(document.tickets)) return document.tickets;
  if (isObject(document.ticket)) return [document.ticket];
  if (Array.isArray(document.payload)) return document.payload;
  if (isObject(document.data) && Array.isArray(document.data.payload)) return document.data.payload;
  if (Array.isArray(document.comments) || Array.isArray(document.messages) || 'message_type' in document)
    return [document];
  return undefined;
}
