// The draft's plain text as each editor's DOM renders it, and the way back from offsets to a DOM range.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { domRangeForOffsets, mapDraftText } from '../../composer/draft-text.ts';

function editable(html: string): HTMLElement {
  const root = document.createElement('div');
  root.contentEditable = 'true';
  root.innerHTML = html;
  document.body.replaceChildren(root);
  return root;
}

describe('mapDraftText', () => {
  it.each([
    [
      'ProseMirror paragraphs with an empty one',
      '<p>您好</p><p><br class="ProseMirror-trailingBreak"></p><p>再见</p>',
      '您好\n\n再见',
    ],
    ['an empty ProseMirror document', '<p><br class="ProseMirror-trailingBreak"></p>', ''],
    [
      'CKEditor 5 with its inline filler',
      '<p>订单\u2060\u2060\u2060\u2060\u2060\u2060\u2060已发货</p><p><br data-cke-filler="true"></p>',
      '订单已发货\n',
    ],
    [
      'Slate with a placeholder and a zero-width empty line',
      '<div data-slate-node="element"><span data-slate-node="text"><span data-slate-leaf="true"><span data-slate-string="true">第一行</span></span></span></div>' +
        '<div data-slate-node="element"><span data-slate-node="text"><span data-slate-leaf="true"><span contenteditable="false" data-slate-placeholder="true">输入回复内容…</span><span data-slate-zero-width="n" data-slate-length="0">\ufeff<br></span></span></span></div>',
      '第一行\n',
    ],
    [
      'Draft.js blocks, the second one empty',
      '<div data-contents="true"><div data-block="true"><div data-offset-key="a-0-0"><span data-offset-key="a-0-0"><span data-text="true">亲</span></span></div></div>' +
        '<div data-block="true"><div data-offset-key="b-0-0"><span data-offset-key="b-0-0"><br data-text="true"></span></div></div></div>',
      '亲\n',
    ],
    [
      'Lexical line breaks inside one paragraph',
      '<p><span data-lexical-text="true">甲</span><br><span data-lexical-text="true">乙</span></p>',
      '甲\n乙',
    ],
    ['Chromium contenteditable: loose text, then divs', 'abc<div>def</div><div><br></div>', 'abc\ndef\n'],
    ['a trailing <br> only keeps the last line open', 'a<br><br>', 'a\n'],
    ['non-breaking spaces read as spaces', '<p>a&nbsp;b</p>', 'a b'],
    ['nested blocks (a list) are one line per item', '<ul><li>一</li><li>二</li></ul><p>三</p>', '一\n二\n三'],
  ])('%s', (_name, html, expected) => {
    expect(mapDraftText(editable(html)).text).toBe(expected);
  });

  it('records a DOM place for every character of the text', () => {
    const map = mapDraftText(editable('<p>您好</p><p><br></p><p>再见</p>'));
    expect(map.places).toHaveLength(map.text.length);
  });
});

describe('domRangeForOffsets', () => {
  const html = '<p>您好，<strong>订单</strong>已发货</p><p><br></p><p>物流单号 SF123</p>';

  it.each([
    [0, 2],
    [3, 5],
    [2, 8],
    [10, 14],
  ])('covers exactly the characters %i–%i', (start, end) => {
    const root = editable(html);
    const map = mapDraftText(root);
    const points = domRangeForOffsets(map, start, end);
    const range = document.createRange();
    range.setStart(points.start.node, points.start.offset);
    range.setEnd(points.end.node, points.end.offset);
    expect(range.toString()).toBe(map.text.slice(start, end).replace(/\n/g, ''));
  });

  it('maps a span across paragraphs to the paragraphs it touches', () => {
    const root = editable(html);
    const map = mapDraftText(root);
    expect(map.text).toBe('您好，订单已发货\n\n物流单号 SF123');
    const points = domRangeForOffsets(map, 5, 14);
    expect(root.children[0]!.contains(points.start.node)).toBe(true);
    expect(root.children[2]!.contains(points.end.node)).toBe(true);
  });

  it('puts a caret at offset 0 of an empty editor inside its first paragraph', () => {
    const root = editable('<p><br></p>');
    const points = domRangeForOffsets(mapDraftText(root), 0, 0);
    expect(points.start.node).toBe(root.firstChild);
    expect(points.start.offset).toBe(0);
  });

  it('puts a caret at the end of the text after the last character', () => {
    const root = editable('<p>甲</p><p>乙</p>');
    const points = domRangeForOffsets(mapDraftText(root), 3, 3);
    expect(points.start.node.textContent).toBe('乙');
    expect(points.start.offset).toBe(1);
  });
});
