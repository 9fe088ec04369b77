// Composer insertion in real Chromium on the editors' real packages: the editor's own model must hold the text (selection replaced, lines kept, undo).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoComposerPage, startInsertTestEnvironment, type InsertTestEnvironment } from './pages/browser-session.ts';
import type { ComposerKind, InsertMethod } from '../../composer/index.ts';

/**
 * Every composer kind the demo can mount: the path insertText must take for it (the first one the editor honours),
 * and whether Ctrl+Z takes our insertion back. A single-line <input> flattens line breaks to spaces.
 */
const editors: { kind: ComposerKind; method: InsertMethod; undoRemovesInsertion: boolean; multiLine: boolean }[] = [
  { kind: 'textarea', method: 'exec-command', undoRemovesInsertion: true, multiLine: true },
  { kind: 'input', method: 'exec-command', undoRemovesInsertion: true, multiLine: false },
  { kind: 'contenteditable', method: 'exec-command', undoRemovesInsertion: true, multiLine: true },
  { kind: 'prosemirror', method: 'paste', undoRemovesInsertion: true, multiLine: true },
  { kind: 'ckeditor5', method: 'page-bridge', undoRemovesInsertion: true, multiLine: true },
  { kind: 'lexical', method: 'paste', undoRemovesInsertion: true, multiLine: true },
  { kind: 'quill', method: 'paste', undoRemovesInsertion: true, multiLine: true },
  { kind: 'draftjs', method: 'paste', undoRemovesInsertion: true, multiLine: true },
  { kind: 'slate', method: 'paste', undoRemovesInsertion: true, multiLine: true },
  { kind: 'summernote', method: 'exec-command', undoRemovesInsertion: true, multiLine: true },
];

let env: InsertTestEnvironment;

beforeAll(async () => {
  env = await startInsertTestEnvironment();
});

afterAll(async () => {
  await env?.close();
});

describe.each(editors)('insertText into $kind', ({ kind, method, undoRemovesInsertion, multiLine }) => {
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
    expect(outcome).toEqual({ ok: true, method });
    expect(await composer.modelText()).toBe('您好，这边帮您核实');
    expect(await composer.readDraft()).toBe('您好，这边帮您核实');
  });

  it('replaces the selection the agent left when focus moved elsewhere on the page', async () => {
    await composer.setDraft('请您稍等片刻');
    await composer.selectBeforeEnd(2);
    // As when the agent clicks Huashu's inline suggestion: focus leaves the editor, its selection stays.
    await composer.page.evaluate(() => document.querySelector<HTMLButtonElement>('#send-button')!.focus());
    await composer.page.waitForTimeout(150);
    expect(await composer.insert('一下')).toMatchObject({ ok: true });
    expect(await composer.modelText()).toBe('请您稍等一下');
  });

  it(
    undoRemovesInsertion ? 'takes the insertion back on Ctrl+Z' : 'is not undone on Ctrl+Z (editor limitation)',
    async () => {
      await composer.setDraft('感谢您的耐心');
      await composer.selectBeforeEnd(0);
      const outcome = await composer.insert('等待');
      expect(outcome).toMatchObject({ ok: true });
      expect(await composer.modelText()).toBe('感谢您的耐心等待');
      await composer.undo();
      const afterUndo = await composer.modelText();
      if (undoRemovesInsertion) expect(afterUndo).toBe('感谢您的耐心');
      else expect(afterUndo).toBe('感谢您的耐心等待');
    },
  );

  it('inserts at the end of the draft when the editor has no caret', async () => {
    await composer.setDraft('亲，');
    await composer.dropCaret();
    const outcome = await composer.insert(
      multiLine ? '您的订单已发货。\n物流单号：SF1234567890\n请留意查收。' : '您的订单已发货。',
    );
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

  it.runIf(multiLine)('replaces a span on the second line of a multi-line draft', async () => {
    await composer.setDraft('');
    await composer.dropCaret();
    expect(await composer.insert('您好！\n这个没办法\n祝您生活愉快')).toMatchObject({ ok: true });
    const draft = await composer.readDraft();
    expect(draft).toBe('您好！\n这个没办法\n祝您生活愉快');
    const start = draft.indexOf('没办法');
    expect(await composer.replace(start, start + 3, '需要进一步确认')).toMatchObject({ ok: true });
    expect(await composer.modelText()).toBe('您好！\n这个需要进一步确认\n祝您生活愉快');
  });

  it.runIf(multiLine)('keeps a blank line between paragraphs', async () => {
    await composer.setDraft('');
    await composer.dropCaret();
    expect(await composer.insert('您好：\n\n退款已原路退回。')).toMatchObject({ ok: true });
    expect(await composer.modelText()).toBe('您好：\n\n退款已原路退回。');
    expect(await composer.readDraft()).toBe('您好：\n\n退款已原路退回。');
  });

  it.runIf(!multiLine)('keeps a multi-line reply on one line', async () => {
    await composer.setDraft('');
    await composer.dropCaret();
    expect(await composer.insert('第一行\n第二行')).toMatchObject({ ok: true });
    expect(await composer.modelText()).toBe('第一行 第二行');
  });

  it('sends what was inserted: the host app reads the text from its own state', async () => {
    await composer.setDraft('');
    await composer.dropCaret();
    expect(await composer.insert('您好，已为您登记退款申请。')).toMatchObject({ ok: true });
    const messageId = await composer.page.evaluate(() => window.huashuDemo.send());
    expect(messageId).not.toBeNull();
    const sent = await composer.page.evaluate((id) => {
      const item = document.querySelector<HTMLElement>(`[data-message-id="${id}"]`);
      return { role: item?.dataset.role, text: item?.querySelector('.message__bubble')?.textContent };
    }, messageId);
    expect(sent).toEqual({ role: 'agent', text: '您好，已为您登记退款申请。' });
    expect(await composer.modelText()).toBe('');
  });
});

describe('CKEditor 5 without direct access to the editor', () => {
  it('is invisible from the isolated world, so the bridge is what reaches its API', async () => {
    const composer = await DemoComposerPage.open(env, 'ckeditor5', { bridge: true });
    try {
      expect(await composer.inContentWorld('huashuComposerHarness.canSeeCkeditorInstance()')).toBe(false);
      expect(
        await composer.page.evaluate(() => 'ckeditorInstance' in document.querySelector('.ck-editor__editable')!),
      ).toBe(true);
    } finally {
      await composer.close();
    }
  });

  it('adds nothing to the page world: no globals, no script element left behind', async () => {
    const composer = await DemoComposerPage.open(env, 'ckeditor5');
    try {
      // CKEditor adds its own window properties on first use: let it, before taking the snapshot.
      await composer.setDraft('');
      await composer.selectBeforeEnd(0);
      const globalsBefore = await composer.page.evaluate(() => Object.keys(window).sort());
      const scriptsBefore = await composer.page.evaluate(() => document.scripts.length);
      await composer.injectPageBridge(env.bridgeScript);
      await composer.setDraft('');
      await composer.dropCaret();
      expect(await composer.insert('您好')).toEqual({ ok: true, method: 'page-bridge' });
      expect(await composer.page.evaluate(() => Object.keys(window).sort())).toEqual(globalsBefore);
      expect(await composer.page.evaluate(() => document.scripts.length)).toBe(scriptsBefore);
    } finally {
      await composer.close();
    }
  });

  it('falls back to a synthetic paste when the page bridge is not injected', async () => {
    const composer = await DemoComposerPage.open(env, 'ckeditor5', { bridge: false });
    try {
      await composer.setDraft('请您提供订单号');
      await composer.selectBeforeEnd(3);
      expect(await composer.insert('手机号\n谢谢')).toEqual({ ok: true, method: 'paste' });
      expect(await composer.modelText()).toBe('请您提供手机号\n谢谢');
      await composer.undo();
      expect(await composer.modelText()).toBe('请您提供订单号');
    } finally {
      await composer.close();
    }
  });
});

describe('Summernote', () => {
  it('keeps its hidden form textarea in sync with the insertion', async () => {
    const composer = await DemoComposerPage.open(env, 'summernote');
    try {
      await composer.setDraft('您好');
      await composer.dropCaret();
      expect(await composer.insert('，订单已发货')).toMatchObject({ ok: true });
      await composer.page.waitForFunction(() =>
        document.querySelector<HTMLTextAreaElement>('textarea#body')?.value.includes('订单已发货'),
      );
      expect(await composer.hiddenTextareaValue()).toContain('您好，订单已发货');
    } finally {
      await composer.close();
    }
  });
});

describe('demo helpdesk page', () => {
  it('renders each role distinctly with stable ids, and sends a note in note mode', async () => {
    const composer = await DemoComposerPage.open(env, 'prosemirror');
    try {
      const page = composer.page;
      const roles = await page.$$eval('#message-list [data-message-id]', (items) =>
        items.map((item) => (item as HTMLElement).dataset.role),
      );
      expect(roles).toEqual(['system', 'customer', 'agent', 'note', 'customer']);
      const ids = await page.$$eval('#message-list [data-message-id]', (items) =>
        items.map((item) => (item as HTMLElement).dataset.messageId),
      );
      expect(new Set(ids).size).toBe(ids.length);
      const added = await page.evaluate(() => window.huashuDemo.addMessage('customer', '还在吗？'));
      expect(await page.$eval(`[data-message-id="${added}"]`, (item) => (item as HTMLElement).dataset.role)).toBe(
        'customer',
      );
      await page.click('.composer__mode[data-mode="note"]');
      await composer.setDraft('客户情绪较急，优先跟进');
      const noteId = await page.evaluate(() => window.huashuDemo.send());
      expect(await page.$eval(`[data-message-id="${noteId}"]`, (item) => (item as HTMLElement).dataset.role)).toBe(
        'note',
      );
      await page.evaluate(() => window.huashuDemo.clear());
      expect(await page.$$('#message-list [data-message-id]')).toHaveLength(0);
    } finally {
      await composer.close();
    }
  });
});
