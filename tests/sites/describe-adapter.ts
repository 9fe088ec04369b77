// The checks every helpdesk adapter's test makes on its own fixture: recognised there and not elsewhere, every message read oldest first with its body alone, the composer found, in note mode on the derived `-note` page only.
import { describe, expect, it } from 'vitest';
import type { ChatMessage, ComposerInfo, MessageRole, SiteAdapter } from '../../sites/types.ts';
import { loadFixture } from './load-fixture.ts';

/** The messages of the adapter's list on this page, which must have one. */
export function readAll(adapter: SiteAdapter, doc: Document): ChatMessage[] {
  const list = adapter.findMessageList(doc);
  expect(list).not.toBeNull();
  return adapter.readMessages(list!);
}

export function rolesOf(messages: ChatMessage[]): MessageRole[] {
  return messages.map((message) => message.role);
}

export function idsOf(messages: ChatMessage[]): string[] {
  return messages.map((message) => message.id);
}

/** What an adapter must find on its fixture (tests/fixtures/sites/<adapter id>.html) and its `-note` variant. */
export interface AdapterExpectations {
  /** A page the adapter must not claim: another product's fixture, or markup of no helpdesk. */
  notOn: string | { html: string };
  /** Where the fixture is loaded to read its messages; '/' when not given. */
  path?: string;
  /** Every message of the fixture, oldest first: their roles, and their ids or texts where given. */
  roles: MessageRole[];
  ids?: string[];
  texts?: string[];
  /** What else holds of those messages on this product. */
  moreOnMessages?: (messages: ChatMessage[]) => void;
  /** The text of some messages (by index, oldest first) and of the latest customer message: the body alone. */
  body?: { leavesOut: string; texts: Record<number, string>; latestCustomer: string };
  composer: ComposerInfo['kind'];
  /** What marks the composer's element on this product. */
  composerElement: (element: HTMLElement) => void;
  /** What else holds of the composer on this product. */
  moreOnComposer?: () => void;
}

export function describeAdapter(adapter: SiteAdapter, expected: AdapterExpectations): void {
  const fixture = adapter.id;
  const { notOn } = expected;
  const other = typeof notOn === 'string' ? `the ${notOn} fixture` : 'a page of no helpdesk';
  const read = ['roles', expected.ids && 'ids', expected.texts && 'texts'].filter(Boolean).join(', ');

  describe(`${fixture} adapter on its own fixture`, () => {
    it(`recognises the page by its DOM, and not ${other}`, () => {
      expect(adapter.detect(loadFixture(fixture))).toBe(true);
      if (typeof notOn === 'string') {
        expect(adapter.detect(loadFixture(notOn))).toBe(false);
      } else {
        document.body.innerHTML = notOn.html;
        expect(adapter.detect(document)).toBe(false);
      }
    });

    it(`reads every message oldest first (${read})`, () => {
      const messages = readAll(adapter, loadFixture(fixture, expected.path));
      expect(rolesOf(messages)).toEqual(expected.roles);
      if (expected.ids) expect(idsOf(messages)).toEqual(expected.ids);
      if (expected.texts) expect(messages.map((message) => message.text)).toEqual(expected.texts);
      expected.moreOnMessages?.(messages);
    });

    const { body } = expected;
    if (body)
      it(`keeps only the message body: no ${body.leavesOut}`, () => {
        const messages = readAll(adapter, loadFixture(fixture, expected.path));
        for (const [index, text] of Object.entries(body.texts)) expect(messages[Number(index)]?.text).toBe(text);
        expect(messages.filter((message) => message.role === 'customer').at(-1)?.text).toBe(body.latestCustomer);
      });

    it(`finds the ${expected.composer} composer, in note mode on ${fixture}-note only`, () => {
      const composer = adapter.findComposer(loadFixture(fixture));
      expect(composer?.kind).toBe(expected.composer);
      expected.composerElement(composer!.element);
      expect(composer?.noteMode).toBe(false);
      expect(adapter.findComposer(loadFixture(`${fixture}-note`))?.noteMode).toBe(true);
      expected.moreOnComposer?.();
    });
  });
}
