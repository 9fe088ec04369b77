// The page bridge's message contract: only well-formed requests are acted on, answers reach only their request, and the channel goes through no DOM attribute.
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  BRIDGE_MAX_TEXT_LENGTH,
  BRIDGE_PORT_EVENT,
  BRIDGE_TAG,
  parseBridgeRequest,
  parseBridgeResponse,
} from '../../composer/bridge-protocol.ts';
import { offerPageBridge, startPageBridge } from '../../composer/page-bridge-runtime.ts';

const request = {
  tag: BRIDGE_TAG,
  direction: 'request',
  requestId: 'request0123456789',
  op: 'ckeditor5-insert',
  target: 'target0123456789',
  text: '您好',
  span: null,
};

describe('parseBridgeRequest', () => {
  it('accepts a well-formed insert and a ping', () => {
    expect(parseBridgeRequest(request)).toEqual(request);
    expect(parseBridgeRequest({ ...request, span: { start: 1, end: 2 } })).toMatchObject({
      span: { start: 1, end: 2 },
    });
    expect(
      parseBridgeRequest({ tag: BRIDGE_TAG, direction: 'request', requestId: 'request0123456789', op: 'ping' }),
    ).toMatchObject({ op: 'ping' });
  });

  it.each([
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
    expect(parseBridgeRequest(message)).toBeNull();
  });
});

describe('parseBridgeResponse', () => {
  const response = { tag: BRIDGE_TAG, direction: 'response', requestId: 'request0123456789', ok: true };
  it('matches only the request it answers', () => {
    expect(parseBridgeResponse(response, 'request0123456789')).toMatchObject({ ok: true });
    expect(parseBridgeResponse(response, 'request9999999999')).toBeNull();
    expect(parseBridgeResponse({ ...response, error: 'weird' }, 'request0123456789')).toBeNull();
    expect(parseBridgeResponse({ ...response, direction: 'request' }, 'request0123456789')).toBeNull();
  });
});

describe('the bridge on its own end of a channel', () => {
  let stop: (() => void) | undefined;
  let other: MessagePort | undefined;
  afterEach(() => {
    stop?.();
    other?.close();
  });

  /** Sends one message from the content script's end and waits for the bridge's answer to it. */
  const ask = (port: MessagePort, message: unknown) =>
    new Promise<unknown>((resolve) => {
      port.onmessage = (event) => resolve(event.data);
      port.postMessage(message);
    });

  it('answers a ping, and says when no CKEditor is behind the target', async () => {
    const channel = new MessageChannel();
    stop = startPageBridge(channel.port1);
    other = channel.port2;
    expect(
      await ask(other, { tag: BRIDGE_TAG, direction: 'request', requestId: 'request0123456789', op: 'ping' }),
    ).toEqual({
      tag: BRIDGE_TAG,
      direction: 'response',
      requestId: 'request0123456789',
      ok: true,
    });
    const plain = document.createElement('div');
    plain.setAttribute('data-huashu-bridge-target', 'target0123456789');
    document.body.replaceChildren(plain);
    expect(await ask(other, request)).toMatchObject({ requestId: 'request0123456789', ok: false, error: 'no-editor' });
  });

  it('offers the other end through an event on its own script element, writing nothing on it', () => {
    const script = document.createElement('script');
    const offered: MessagePort[] = [];
    script.addEventListener(BRIDGE_PORT_EVENT, (event) => offered.push(...(event as MessageEvent).ports));
    stop = offerPageBridge(script);
    other = offered[0];
    expect(offered).toHaveLength(1);
    expect(script.getAttributeNames()).toEqual([]);
  });
});
