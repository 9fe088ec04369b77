// @vitest-environment happy-dom
// selectorFor: short selectors that find the element alone, skipping names frameworks generate per build.
import { describe, expect, it } from 'vitest';
import { selectorFor } from '../../sites/selector.ts';
import { loadFixture } from './load-fixture.ts';

function expectUnique(element: Element): string {
  const selector = selectorFor(element);
  expect(element.ownerDocument.querySelectorAll(selector)).toHaveLength(1);
  expect(element.ownerDocument.querySelector(selector)).toBe(element);
  return selector;
}

describe('selectorFor', () => {
  it('uses a readable unique id alone', () => {
    document.body.innerHTML = '<main><div id="chat-log"><p>hi</p></div></main>';
    expect(expectUnique(document.getElementById('chat-log')!)).toBe('#chat-log');
  });

  it('ignores generated ids and classes and still finds the element alone', () => {
    document.body.innerHTML = `
      <div id="ember1234" class="css-1q2w3e panel"><textarea class="sc-AxjAm composer"></textarea></div>
      <div class="panel"><textarea class="composer"></textarea></div>`;
    const first = document.querySelector('textarea')!;
    const selector = expectUnique(first);
    expect(selector).not.toMatch(/ember1234|css-1q2w3e|sc-AxjAm/);
  });

  it('tells identical siblings apart by position', () => {
    document.body.innerHTML =
      '<ul class="rows"><li class="row">a</li><li class="row">b</li><li class="row">c</li></ul>';
    const second = document.querySelectorAll('li')[1]!;
    expect(expectUnique(second)).toContain(':nth-of-type(2)');
  });

  it('anchors on a stable ancestor id and leaves out names CSS would need escaped', () => {
    document.body.innerHTML = `
      <section id="inbox"><div class="md:flex w-[20px]"><span data-testid='x"y'>t</span></div></section>
      <section id="archive"><div class="md:flex"><span>t</span></div></section>`;
    const selector = expectUnique(document.querySelector('span')!);
    expect(selector.startsWith('#inbox')).toBe(true);
    expect(selector).not.toMatch(/md:|\[20px\]|x"y/);
  });

  it('finds the real helpdesk composers and message lists alone', () => {
    const doc = loadFixture('zendesk');
    expectUnique(doc.querySelector('[data-is-active="true"] [data-test-id="omni-log-container"]')!);
    expectUnique(doc.querySelector('[data-is-active="true"] .ck-editor__editable')!);
    const chat = loadFixture('zammad-chat');
    expectUnique(chat.querySelectorAll('.js-customerChatInput')[1]!);
  });

  it('builds from structure and stable names only: never from labels, titles, placeholders or ids that hold the page’s text', () => {
    document.title = 'Jane Doe – Support';
    document.body.innerHTML = `
      <header><h1>Jane Doe</h1></header>
      <section class="pane" aria-label="Recent with Jane Doe" title="Jane Doe"><ul class="messages" aria-label="Messages from Jane Doe"><li>old</li></ul></section>
      <section class="pane" aria-label="Conversation with Jane Doe" id="conversation-jane-doe">
        <ul class="messages" aria-label="Messages from Jane Doe" data-testid="jane-doe-thread"><li>Hello, I am Jane Doe</li></ul>
        <div class="box"><div contenteditable="true" class="ipt" aria-label="Reply to Jane Doe" title="Write to Jane Doe"
          placeholder="Reply to Jane" name="reply-jane" id="editor-8f3a2b"></div></div>
      </section>`;
    const list = document.querySelectorAll('ul.messages')[1]!;
    const box = document.querySelector('.ipt')!;
    for (const selector of [expectUnique(list), expectUnique(box)]) {
      expect(selector).not.toMatch(/jane|doe|aria-label|title|placeholder|8f3a2b/i);
    }
  });

  it('keeps stable data-* test names and roles that are not the page’s words', () => {
    document.title = 'Inbox';
    document.body.innerHTML = `
      <div data-testid="message-thread"><p>Jane Doe: hi</p></div>
      <div data-testid="message-thread-archive"><p>Jane Doe: bye</p></div>`;
    expect(expectUnique(document.querySelector('[data-testid="message-thread"]')!)).toBe(
      'div[data-testid="message-thread"]',
    );
  });
});
