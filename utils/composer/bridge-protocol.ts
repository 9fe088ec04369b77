// The messages between the content script and the main-world page bridge, with validators for both directions.

export const BRIDGE_TAG = 'huashu-page-bridge';
/** Attribute the content script puts on the editor for one request, since DOM elements cannot travel in a message. */
export const BRIDGE_TARGET_ATTRIBUTE = 'data-huashu-bridge-target';
/** Attribute on the injected <script> that hands the bridge its channel id. */
export const BRIDGE_CHANNEL_DATASET_KEY = 'huashuChannel';
/** Replies are short; anything longer is not ours. */
export const BRIDGE_MAX_TEXT_LENGTH = 20_000;

export interface BridgeSpan {
  start: number;
  end: number;
}

export type BridgeRequest =
  | { tag: typeof BRIDGE_TAG; channel: string; direction: 'request'; requestId: string; op: 'ping' }
  | {
      tag: typeof BRIDGE_TAG;
      channel: string;
      direction: 'request';
      requestId: string;
      op: 'ckeditor5-insert';
      /** Value of BRIDGE_TARGET_ATTRIBUTE on the editable. */
      target: string;
      text: string;
      /** Plain-text offsets to replace; null inserts at the editor's own selection. */
      span: BridgeSpan | null;
    };

export type BridgeErrorCode = 'no-editor' | 'failed';

export interface BridgeResponse {
  tag: typeof BRIDGE_TAG;
  channel: string;
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
  return isRecord(value) && isOffset(value.start) && isOffset(value.end) && value.start <= value.end && Object.keys(value).length === 2;
}

function hasEnvelope(value: unknown, channel: string, direction: string): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    value.tag === BRIDGE_TAG &&
    value.channel === channel &&
    value.direction === direction &&
    typeof value.requestId === 'string' &&
    TOKEN_PATTERN.test(value.requestId)
  );
}

/** Accepts only a well-formed request on our channel; everything else a page may post is ignored. */
export function parseBridgeRequest(value: unknown, channel: string): BridgeRequest | null {
  if (!hasEnvelope(value, channel, 'request')) return null;
  if (value.op === 'ping') return { tag: BRIDGE_TAG, channel, direction: 'request', requestId: value.requestId as string, op: 'ping' };
  if (value.op !== 'ckeditor5-insert') return null;
  if (typeof value.target !== 'string' || !TOKEN_PATTERN.test(value.target)) return null;
  if (typeof value.text !== 'string' || value.text.length > BRIDGE_MAX_TEXT_LENGTH) return null;
  if (value.span !== null && !isSpan(value.span)) return null;
  return {
    tag: BRIDGE_TAG,
    channel,
    direction: 'request',
    requestId: value.requestId as string,
    op: 'ckeditor5-insert',
    target: value.target,
    text: value.text,
    span: value.span === null ? null : { start: (value.span as BridgeSpan).start, end: (value.span as BridgeSpan).end },
  };
}

export function parseBridgeResponse(value: unknown, channel: string, requestId: string): BridgeResponse | null {
  if (!hasEnvelope(value, channel, 'response') || value.requestId !== requestId) return null;
  if (typeof value.ok !== 'boolean') return null;
  if (value.error !== undefined && value.error !== 'no-editor' && value.error !== 'failed') return null;
  return {
    tag: BRIDGE_TAG,
    channel,
    direction: 'response',
    requestId,
    ok: value.ok,
    error: value.error as BridgeErrorCode | undefined,
    detail: typeof value.detail === 'string' ? value.detail.slice(0, 300) : undefined,
  };
}

/** An unguessable id for channels, requests and targets. */
export function randomToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
