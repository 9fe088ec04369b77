// Composer insertion in real Chromium on the editors' real packages: the editor's own model must hold the text (selection replaced, lines kept, undo).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoComposerPage, startInsertTestEnvironment, type InsertTestEnvironment } from './pages/browser-session.ts';
import type { ComposerKind } from '../../utils/composer/index.ts';

/** Every composer kind the demo can mount, with what its editor does on Ctrl+Z after our insertion. */
const editors: { kind: ComposerKind; undoRemovesInsertion: boolean; multiLine: boolean }[] = [
  { kind: 'textarea', undoRemovesInsertion: true, multiLine: true },
  { kind: 'input', undoRemovesInsertion: true, multiLine: false },
  { kind: 'contenteditable', undoRemovesInsertion: true, multiLine: true },
  { kind: 'prosemirror', undoRemovesInsertion: true, multiLine: true },
  { kind: 'ckeditor5', undoRemovesInsertion: true, multiLine: true },
  { kind: 'lexical', undoRemovesInsertion: true, multiLine: true },
  { kind: 'quill', undoRemovesInsertion: true, multiLine: true },
  { kind: 'draftjs', undoRemovesInsertion: true, multiLine: true },
  { kind: 'slate', undoRemovesInsertion: true, multiLine: true },
  { kind: 'summernote', undoRemovesInsertion: true, multiLine: true },
];

let env: InsertTestEnvironment;

beforeAll(async () => {
  env = await startInsertTestEnvironment();
});

afterAll(async () => {
  await env?.close();
});

describe.each(editors)('insertText into $kind', ({ kind, undoRemovesInsertion, multiLine }) => {
  let composer: DemoComposerPage;

  beforeAll(async () => {
    composer = await DemoComposerPage.open(env, kind, { bridge: kind === 'ckeditor5' });
  });

  afterAll(async () => {
    await composer?.close();
  });

  it('replaces the selected word in the editor model', async () => {
    await composer.setDraft('您好，这边帮您查询');
    await composer.selectBeforeEnd(2);
    const outcome = await composer.insert('核实');
    expect(outcome).toMatchObject({ ok: true });
    expect(await composer.modelText()).toBe('您好，这边帮您核实');
    expect(await composer.readDraft()).toBe('您好，这边帮您核实');
  });

  it(undoRemovesInsertion ? 'takes the insertion back on Ctrl+Z' : 'is not undone on Ctrl+Z (editor limitation)', async () => {
    await composer.setDraft('感谢您的耐心');
    await composer.selectBeforeEnd(0);
    const outcome = await composer.insert('等待');
    expect(outcome).toMatchObject({ ok: true });
    expect(await composer.modelText()).toBe('感谢您的耐心等待');
    await composer.undo();
    const afterUndo = await composer.modelText();
    if (undoRemovesInsertion) expect(afterUndo).toBe('感谢您的耐心');
    else expect(afterUndo).toBe('感谢您的耐心等待');
  });

  it('inserts at the end of the draft when the editor has no caret', async () => {
    await composer.setDraft('亲，');
    await composer.dropCaret();
    const outcome = await composer.insert(multiLine ? '您的订单已发货。\n物流单号：SF1234567890\n请留意查收。' : '您的订单已发货。');
    expect(outcome).toMatchObject({ ok: true });
    const expected = multiLine ? '亲，您的订单已发货。\n物流单号：SF1234567890\n请留意查收。' : '亲，您的订单已发货。';
    expect(await composer.modelText()).toBe(expected);
    expect(await composer.readDraft()).toBe(expected);
  });

  it('replaces a span of the draft text (a suggestion fix)', async () => {
    await composer.setDraft('这个问题我们不清楚，您自己看吧');
    const draft = await composer.readDraft();
    const start = draft.indexOf('不清楚');
    const outcome = await composer.replace(start, start + '不清楚'.length, '正在核实');
    expect(outcome).toMatchObject({ ok: true });
    expect(await composer.modelText()).toBe('这个问题我们正在核实，您自己看吧');
  });

  it('replaces a span on the second line of a multi-line draft', async () => {
    if (!multiLine) return;
    await composer.setDraft('');
    await composer.dropCaret();
    expect(await composer.insert('您好！\n这个没办法\n祝您生活愉快')).toMatchObject({ ok: true });
    const draft = await composer.readDraft();
    expect(draft).toBe('您好！\n这个没办法\n祝您生活愉快');
    const start = draft.indexOf('没办法');
    expect(await composer.replace(start, start + 3, '需要进一步确认')).toMatchObject({ ok: true });
    expect(await composer.modelText()).toBe('您好！\n这个需要进一步确认\n祝您生活愉快');
  });
});
