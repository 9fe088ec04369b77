// @vitest-environment happy-dom
// The 微语 (Bytedesk) adapter against markup following the agent workbench's ChatUI message list and composer.
import { describe, expect, it } from 'vitest';
import { bytedeskAdapter } from '../../sites/bytedesk.ts';
import { loadFixture } from './load-fixture.ts';

function readAll(doc: Document) {
  const list = bytedeskAdapter.findMessageList(doc);
  expect(list).not.toBeNull();
  return bytedeskAdapter.readMessages(list!);
}

/** A copy of a fixture message with a new id and text, appended as the newest. */
function appendLike(doc: Document, selector: string, id: string | null, text: string): HTMLElement {
  const template = doc.querySelector<HTMLElement>(selector)!;
  const copy = template.cloneNode(true) as HTMLElement;
  if (id === null) copy.removeAttribute('data-id');
  else copy.setAttribute('data-id', id);
  (copy.querySelector('.Bubble p, .SystemMessage-inner span') ?? copy).textContent = text;
  template.parentElement!.append(copy);
  return copy;
}

describe('bytedesk adapter', () => {
  it('recognises the workbench by its DOM, and not other helpdesks', () => {
    expect(bytedeskAdapter.detect(loadFixture('bytedesk'))).toBe(true);
    expect(bytedeskAdapter.detect(loadFixture('chatwoot'))).toBe(false);
    expect(bytedeskAdapter.detect(loadFixture('zammad'))).toBe(false);
  });

  it('reads the thread oldest first, with message uids and roles: the transfer card is a note', () => {
    const messages = readAll(loadFixture('bytedesk'));
    expect(messages.map((message) => [message.id, message.role])).toEqual([
      ['system:start:0', 'system'],
      ['1890342400000000001', 'customer'],
      ['1890342400000000002', 'agent'],
      ['1890342400000000003', 'note'],
      ['1890342400000000004', 'customer'],
    ]);
  });

  it('keeps only what was said: no author, time, avatar, delivery state, card title or buttons', () => {
    const messages = readAll(loadFixture('bytedesk'));
    expect(messages[0]?.text).toBe('访客王先生已接入，来自[售后组]');
    expect(messages[1]?.text).toBe('你好，上周买的蓝牙耳机左边没有声音了');
    expect(messages[2]?.text).toBe('您好，麻烦先把耳机放回充电仓充电十分钟再试试。');
    expect(messages[3]?.text).toBe('客户要求换货，售后组跟进一下');
  });

  it('skips the typing indicator and reads robot answers and notices as not the customer', () => {
    const doc = loadFixture('bytedesk');
    const typing = appendLike(doc, '.Message.left[data-type="TEXT"]', 'typing', '');
    typing.setAttribute('data-type', 'typing');
    const robot = appendLike(doc, '.Message.left[data-type="TEXT"]', '1890342400000000009', '您可以在订单页申请售后');
    robot.setAttribute('data-type', 'ROBOT');
    const notice = appendLike(doc, '.Message.left[data-type="TEXT"]', '1890342400000000010', '会话即将超时');
    notice.setAttribute('data-type', 'NOTICE');
    const roles = readAll(doc).slice(5);
    expect(roles.map((message) => [message.id, message.role])).toEqual([
      ['1890342400000000009', 'agent'],
      ['1890342400000000010', 'system'],
    ]);
  });

  it('names system lines after the message before them, so history put on top does not rename them', () => {
    const doc = loadFixture('bytedesk');
    appendLike(doc, '.SystemMessage', null, '客服小美结束了会话');
    appendLike(doc, '.SystemMessage', null, '访客已离开');
    const list = bytedeskAdapter.findMessageList(doc)!;
    const before = bytedeskAdapter.readMessages(list).slice(-2);
    expect(before.map((message) => message.id)).toEqual([
      'system:1890342400000000004:0',
      'system:1890342400000000004:1',
    ]);
    const older = list.querySelector('.Message.left[data-id]')!.cloneNode(true) as HTMLElement;
    older.setAttribute('data-id', '1890342300000000000');
    list.prepend(older);
    expect(bytedeskAdapter.readMessages(list).slice(-2)).toEqual(before);
  });

  it('reads one added message the way readMessages reads it', () => {
    const doc = loadFixture('bytedesk');
    const list = bytedeskAdapter.findMessageList(doc)!;
    const added = appendLike(doc, '.Message.left[data-type="TEXT"]', '1890342400000000011', '可以换新的吗');
    const inner = added.querySelector('.Bubble p')!;
    expect(bytedeskAdapter.readMessage?.(inner, list)).toEqual(bytedeskAdapter.readMessages(list).at(-1));
    expect(bytedeskAdapter.readMessage?.(inner, list)).toEqual({
      id: '1890342400000000011',
      role: 'customer',
      text: '可以换新的吗',
    });
  });

  it('finds the reply textarea (antd Mentions) as a plain textarea, never in note mode', () => {
    const composer = bytedeskAdapter.findComposer(loadFixture('bytedesk'));
    expect(composer?.kind).toBe('textarea');
    expect(composer?.element.localName).toBe('textarea');
    expect(composer?.element.closest('.Composer-inputWrap')).not.toBeNull();
    expect(composer?.noteMode).toBe(false);
  });

  it('names the customer from the chat header, and from the active thread while the header shows a typing preview', () => {
    const doc = loadFixture('bytedesk');
    expect(bytedeskAdapter.readCustomerName?.(doc)).toBe('王先生');
    const numberLine = doc.querySelector('.ant-layout-header span + span')!;
    numberLine.textContent = '左耳还是';
    doc.querySelector('.ant-layout-header span')!.textContent = '';
    expect(bytedeskAdapter.readCustomerName?.(doc)).toBe('王先生');
  });

  it('keys the conversation by thread uid, and keeps the key while the header shows a typing preview', () => {
    const doc = loadFixture('bytedesk', '/agent/chat');
    expect(bytedeskAdapter.conversationKey?.(doc)).toBe('1890342361842421760');
    const numberLine = doc.querySelector('.ant-layout-header span + span')!;
    numberLine.textContent = '正在输入...';
    expect(bytedeskAdapter.conversationKey?.(doc)).toBe('1890342361842421760');
    numberLine.textContent = '客服会话编号：#1890342361842429999';
    expect(bytedeskAdapter.conversationKey?.(doc)).toBe('1890342361842429999');
  });
});
