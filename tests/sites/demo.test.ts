// The demo helpdesk adapter on the markup demo/main.ts renders (demo/README.md documents it): roles, bubble text, composer kind and mode.
// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { demoAdapter } from '../../sites/demo.ts';
import { SITE_ADAPTERS, hostMatchPatterns, pickAdapter, urlMatchesPattern } from '../../sites/registry.ts';

const DESK = `
<main class="conversation" id="conversation" data-conversation-id="c-1001">
  <header class="conversation__header"><div class="conversation__customer" id="customer-name">林晓雨</div></header>
  <ol class="message-list" id="message-list">
    <li class="message message--system" data-message-id="c-1001-m1" data-role="system"><span class="message__system-text">会话已由 客服·小美 接入 · 14:02</span></li>
    <li class="message message--customer" data-message-id="c-1001-m2" data-role="customer"><div class="message__meta"><span class="message__author">林晓雨</span><span class="message__time">14:02</span></div><div class="message__bubble">你好，我上周买的空气炸锅到现在还没发货</div></li>
    <li class="message message--note" data-message-id="c-1001-m3" data-role="note"><div class="message__meta"><span class="message__author">客服·小美 · 内部备注，客户不可见</span><span class="message__time">14:04</span></div><div class="message__bubble">仓库显示缺货</div></li>
  </ol>
  <section class="composer" id="composer"><div class="composer__editor" id="composer-editor"><div class="ProseMirror" contenteditable="true" data-huashu-demo-composer="prosemirror"><p></p></div></div><div class="composer__actions"><label><input type="checkbox" id="enter-sends" checked> Enter 发送</label><button type="button" class="composer__send" id="send-button">发送</button></div></section>
</main>`;

beforeEach(() => {
  document.body.innerHTML = DESK;
});

describe('demo adapter', () => {
  it('recognizes the demo by its markup, and nothing else', () => {
    expect(demoAdapter.detect(document)).toBe(true);
    document.body.innerHTML = '<main id="conversation"><ol id="message-list"></ol></main>';
    expect(demoAdapter.detect(document)).toBe(false);
  });

  it('reads roles and the bubble text only (no author, no time)', () => {
    const list = demoAdapter.findMessageList(document)!;
    expect(demoAdapter.readMessages(list)).toEqual([
      { id: 'c-1001-m1', role: 'system', text: '会话已由 客服·小美 接入 · 14:02' },
      { id: 'c-1001-m2', role: 'customer', text: '你好，我上周买的空气炸锅到现在还没发货' },
      { id: 'c-1001-m3', role: 'note', text: '仓库显示缺货' },
    ]);
  });

  it('finds the composer with its kind, and the note mode', () => {
    expect(demoAdapter.findComposer(document)).toMatchObject({ kind: 'prosemirror', noteMode: false });
    document.getElementById('composer')!.classList.add('is-note');
    expect(demoAdapter.findComposer(document)?.noteMode).toBe(true);
  });

  it('finds the send button, and whether Enter sends from the switch beside it', () => {
    expect(demoAdapter.findSendButton?.(document)?.id).toBe('send-button');
    const composer = demoAdapter.findComposer(document)!;
    expect(demoAdapter.enterSends?.(document, composer)).toBe(true);
    document.querySelector<HTMLInputElement>('#enter-sends')!.checked = false;
    expect(demoAdapter.enterSends?.(document, composer)).toBe(false);
  });

  it('reads the customer name and the conversation key', () => {
    expect(demoAdapter.readCustomerName?.(document)).toBe('林晓雨');
    expect(demoAdapter.conversationKey?.(document)).toBe('c-1001');
  });
});

describe('site registry', () => {
  it('registers every adapter once, with match patterns for the manifest', () => {
    expect(new Set(SITE_ADAPTERS.map((a) => a.id)).size).toBe(SITE_ADAPTERS.length);
    expect(SITE_ADAPTERS).toContain(demoAdapter);
    expect(hostMatchPatterns()).toEqual(expect.arrayContaining(demoAdapter.matches));
  });

  it('picks the demo adapter on its page only', () => {
    expect(pickAdapter(document, 'http://127.0.0.1:5173/?editor=textarea')).toBe(demoAdapter);
    document.body.innerHTML = '<div id="app"></div>';
    expect(pickAdapter(document, 'http://127.0.0.1:5173/')).toBeNull();
  });

  it('matches URLs the way the browser matches patterns (any port unless named, subdomains with *.)', () => {
    expect(urlMatchesPattern('http://localhost:3000/app', 'http://localhost/*')).toBe(true);
    expect(urlMatchesPattern('https://localhost/app', 'http://localhost/*')).toBe(false);
    expect(urlMatchesPattern('https://acme.zendesk.com/agent/tickets/1', 'https://*.zendesk.com/*')).toBe(true);
    expect(urlMatchesPattern('https://zendesk.com.evil.io/', 'https://*.zendesk.com/*')).toBe(false);
    expect(urlMatchesPattern('https://app.chatwoot.com/app/accounts/1', '*://app.chatwoot.com/app/*')).toBe(true);
  });
});
