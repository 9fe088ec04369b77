// Which ways into a rich editor are tried, and that a CKEditor-looking box with no editor behind it still takes the reply once.
// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { insertText, insertionPlan, readDraft } from '../../composer/insert.ts';
import type { PageBridgeClient } from '../../composer/bridge-client.ts';
import { composerError, type ComposerErrorCode } from '../../composer/errors.ts';

/** A bridge that answers every insertion with `code` and writes nothing. */
function bridgeAnswering(code: ComposerErrorCode): PageBridgeClient & { asked: number } {
  const client = {
    asked: 0,
    listenForBridge: () => undefined,
    isAvailable: () => Promise.resolve(code !== 'bridgeUnavailable'),
    insertIntoCkeditor: () => {
      client.asked += 1;
      return Promise.resolve({ ok: false as const, error: composerError(code) });
    },
  };
  return client;
}

/** A Zendesk reply box as a saved page keeps it: CKEditor's markup, no editor instance. */
function savedCkeditorBox(): HTMLElement {
  document.body.innerHTML =
    '<div class="ck ck-editor"><div class="ck-editor__main"><div class="ck ck-content ck-editor__editable" contenteditable="true"><p>您好，</p></div></div></div>';
  return document.querySelector<HTMLElement>('.ck-editor__editable')!;
}

describe('insertionPlan', () => {
  it('tries paste first in rich editors, and the browser’s editing commands then a DOM edit in plain ones', () => {
    expect(insertionPlan('prosemirror')).toEqual(['paste', 'exec-command', 'before-input']);
    expect(insertionPlan('contenteditable')).toEqual(['exec-command', 'before-input', 'dom-edit']);
    expect(insertionPlan('summernote')).toEqual(['exec-command', 'before-input', 'dom-edit']);
    // A design-mode frame (KindEditor) is the browser's own editing.
    expect(insertionPlan('designmode')).toEqual(['exec-command', 'before-input', 'dom-edit']);
  });

  it('takes the plain path into CKEditor markup only when no editor answered the bridge', () => {
    expect(insertionPlan('ckeditor5', 'absent')).toEqual(['paste', 'before-input', 'exec-command', 'dom-edit']);
    // An editor that is there and said no must not get text its model never sees.
    expect(insertionPlan('ckeditor5', 'refused')).toEqual(['paste', 'before-input']);
  });
});

describe('insertText into CKEditor markup with no editor behind it', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it.each<ComposerErrorCode>(['bridgeNoEditor', 'bridgeUnavailable', 'bridgeTimeout'])(
    'falls back to the plain path when the bridge says %s, and inserts the reply once',
    async (code) => {
      const editable = savedCkeditorBox();
      const bridge = bridgeAnswering(code);
      // happy-dom has no execCommand: the DOM edit is the path that works here.
      const outcome = await insertText(editable, 'ckeditor5', '订单已发货。', { bridge });
      expect(outcome).toEqual({ ok: true, method: 'dom-edit' });
      expect(bridge.asked).toBe(1);
      expect(readDraft(editable, 'ckeditor5')).toBe('您好，订单已发货。');
    },
  );

  it('leaves the draft alone when an editor is there and refused', async () => {
    const editable = savedCkeditorBox();
    const outcome = await insertText(editable, 'ckeditor5', '订单已发货。', {
      bridge: bridgeAnswering('bridgeFailed'),
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'failed', error: { code: 'notInserted' } });
    expect(readDraft(editable, 'ckeditor5')).toBe('您好，');
  });

  it('fails, with the draft as it was, when the page undoes every change', async () => {
    const editable = savedCkeditorBox();
    const original = editable.innerHTML;
    // A page that redraws the box from its own state (what a CKEditor whose model missed the edit does).
    new MutationObserver(() => {
      if (editable.innerHTML !== original) editable.innerHTML = original;
    }).observe(editable, { childList: true, subtree: true, characterData: true });
    const outcome = await insertText(editable, 'ckeditor5', '订单已发货。', {
      bridge: bridgeAnswering('bridgeNoEditor'),
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'failed', error: { code: 'notInserted' } });
    expect(readDraft(editable, 'ckeditor5')).toBe('您好，');
  });
});
