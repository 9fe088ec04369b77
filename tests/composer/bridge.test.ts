// The page bridge's message contract: only well-formed requests on our channel are acted on, and answers reach only their request.
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Window as HappyDomWindow } from 'happy-dom';
import { BRIDGE_MAX_TEXT_LENGTH, BRIDGE_TAG, parseBridgeRequest, parseBridgeResponse } from '../../utils/composer/bridge-protocol.ts';
import { createPageBridgeClient } from '../../utils/composer/bridge-client.ts';
import { startPageBridge } from '../../utils/composer/page-bridge-runtime.ts';
import { composerErrors } from '../../utils/composer/errors.ts';

const channel = 'channel0123456789';
const request = {
  tag: BRIDGE_TAG,
  channel,
  direction: 'request',
  requestId: 'request0123456789',
  op: 'ckeditor5-insert',
  target: 'target0123456789',
  text: '您好',
  span: null,
};

describe('parseBridgeRequest', () => {
  it('accepts a well-formed insert and a ping', () => {
    expect(parseBridgeRequest(request, channel)).toEqual(request);
    expect(parseBridgeRequest({ ...request, span: { start: 1, end: 2 } }, channel)).toMatchObject({ span: { start: 1, end: 2 } });
    expect(parseBridgeRequest({ tag: BRIDGE_TAG, channel, direction: 'request', requestId: 'request0123456789', op: 'ping' }, channel)).toMatchObject({
      op: 'ping',
    });
  });

  it.each([
    ['another channel', { ...request, channel: 'otherchannel0000' }],
    ['another tag', { ...request, tag: 'someone-else' }],
    ['a response', { ...request, direction: 'response' }],
    ['an unknown operation', { ...request, op: 'read-conversation' }],
    ['a selector-breaking target', { ...request, target: 'x"] , body [a="' }],
    ['a short request id', { ...request, requestId: 'abc' }],
    ['text that is not a string', { ...request, text: 42 }],
    ['oversized text', { ...request, text: 'x'.repeat(BRIDGE_MAX_TEXT_LENGTH + 1) }],
    ['a reversed span', { ...request, span: { start: 3, end: 1 } }],
    ['a span with extra fields', { ...request, span: { start: 0, end: 1, html: '<b>' } }],
    ['a string', JSON.stringify(request)],
    ['null', null],
  ])('ignores %s', (_name, message) => {
    expect(parseBridgeRequest(message, channel)).toBeNull();
  });
});

describe('parseBridgeResponse', () => {
  const response = { tag: BRIDGE_TAG, channel, direction: 'response', requestId: 'request0123456789', ok: true };
  it('matches only the request it answers', () => {
    expect(parseBridgeResponse(response, channel, 'request0123456789')).toMatchObject({ ok: true });
    expect(parseBridgeResponse(response, channel, 'request9999999999')).toBeNull();
    expect(parseBridgeResponse({ ...response, error: 'weird' }, channel, 'request0123456789')).toBeNull();
  });
});

describe('client and bridge over window messages', () => {
  // A standalone happy-dom window: its postMessage names itself as event.source, as a browser window does.
  const pageWindow = new HappyDomWindow({ url: 'https://helpdesk.example/' }) as unknown as Window;
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('finds no CKEditor behind a plain element and says so', async () => {
    stop = startPageBridge(channel, pageWindow);
    const client = createPageBridgeClient(pageWindow, channel);
    const plain = pageWindow.document.createElement('div');
    pageWindow.document.body.replaceChildren(plain);
    expect(await client.isAvailable()).toBe(true);
    expect(await client.insertIntoCkeditor(plain, '您好', null)).toEqual({ ok: false, message: composerErrors.bridgeNoEditor() });
    // The one-request marker is gone once the request is answered.
    expect(plain.getAttributeNames()).toEqual([]);
  });

  it('reports the bridge missing when nothing listens on the channel', async () => {
    stop = startPageBridge('a-different-channel', pageWindow);
    const client = createPageBridgeClient(pageWindow, channel);
    expect(await client.isAvailable()).toBe(false);
    expect(await client.insertIntoCkeditor(pageWindow.document.body, '您好', null)).toEqual({ ok: false, message: composerErrors.bridgeUnavailable() });
  });
});
