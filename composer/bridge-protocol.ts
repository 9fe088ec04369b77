// The messages between the content script and the main-world page bridge, with validators for both directions.
//
// They travel on a MessageChannel the bridge creates when it starts and hands to the content script through an event
// on its own <script> element, while that script runs. No name, token or attribute of the channel ever reaches the DOM,
// so a page that reads every attribute and listens to every window message has nothing to answer on.

export const BRIDGE_TAG = 'huashu-page-bridge';
/** Event the bridge dispatches on its own <script> element, carrying the content script's end of the channel. */
export const BRIDGE_PORT_EVENT = 'huashu-page-bridge-port';
/** Attribute the content script puts on the editor for one request, since DOM elements cannot travel in a message. */
export const BRIDGE_TARGET_ATTRIBUTE = 'data-huashu-bridge-target';
/** Replies are short; anything longer is not ours. */
export const BRIDGE_MAX_TEXT_LENGTH = 20_000;

export interface BridgeSpan {
  start: number;
  end: number;
}

export type BridgeRequest =
  | { tag: typeof BRIDGE_TAG; direction: 'request'; requestId: string; op: 'ping' }
  | {
      tag: typeof BRIDGE_TAG;
      direction: 'request';
      requestId: string;
      op: 'ckeditor5-insert';
      /** Value of BRIDGE_TARGET_ATTRIBUTE on the editable. */
      target: string;
      text: string;
      /** Plain-text offsets to replace; null inserts at the editor's own selection. */
      span: BridgeSpan | null;
    };

type BridgeErrorCode = 'no-editor' | 'failed';

export interface BridgeResponse {
  tag: typeof BRIDGE_TAG;
  direction: 'response';
  requestId: string;
  ok: boolean;
  error?: BridgeErrorCode;
  /** The editor's own error message, for the log. */
  detail?: string;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= BRIDGE_MAX_TEXT_LENGTH * 10;
}

function isSpan(value: unknown): value is BridgeSpan {
  return (
    isRecord(value) &&
    isOffset(value.start) &&
    isOffset(value.end) &&
    value.start <= value.end &&
    Object.keys(value).length === 2
  );
}

function hasEnvelope(value: unknown, direction: string): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    value.tag === BRIDGE_TAG &&
    value.direction === direction &&
    typeof value.requestId === 'string' &&
    TOKEN_PATTERN.test(value.requestId)
  );
}

/** Accepts only a well-formed request; anything else that arrives on the port is ignored. */
export function parseBridgeRequest(value: unknown): BridgeRequest | null {
  if (!hasEnvelope(value, 'request')) return null;
  if (value.op === 'ping')
    return { tag: BRIDGE_TAG, direction: 'request', requestId: value.requestId as string, op: 'ping' };
  if (value.op !== 'ckeditor5-insert') return null;
  if (typeof value.target !== 'string' || !TOKEN_PATTERN.test(value.target)) return null;
  if (typeof value.text !== 'string' || value.text.length > BRIDGE_MAX_TEXT_LENGTH) return null;
  if (value.span !== null && !isSpan(value.span)) return null;
  return {
    tag: BRIDGE_TAG,
    direction: 'request',
    requestId: value.requestId as string,
    op: 'ckeditor5-insert',
    target: value.target,
    text: value.text,
    span: value.span === null ? null : { start: (value.span as BridgeSpan).start, end: (value.span as BridgeSpan).end },
  };
}

export function parseBridgeResponse(value: unknown, requestId: string): BridgeResponse | null {
  if (!hasEnvelope(value, 'response') || value.requestId !== requestId) return null;
  if (typeof value.ok !== 'boolean') return null;
  if (value.error !== undefined && value.error !== 'no-editor' && value.error !== 'failed') return null;
  return {
    tag: BRIDGE_TAG,
    direction: 'response',
    requestId,
    ok: value.ok,
    error: value.error as BridgeErrorCode | undefined,
    detail: typeof value.detail === 'string' ? value.detail.slice(0, 300) : undefined,
  };
}

/** An unguessable id for requests and targets. */
export function randomToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
