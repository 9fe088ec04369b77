// Which element takes the text when an adapter hands over a wrapper or a hidden field instead of the editable itself.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { editableElementFor, readDraft } from '../../composer/insert.ts';

describe('editableElementFor', () => {
  it('finds Summernote’s .note-editable from the hidden textarea it syncs', () => {
    document.body.innerHTML =
      '<textarea id="body" style="display:none"></textarea><div class="note-editor"><div class="note-editing-area"><div class="note-editable" contenteditable="true"><p>您好</p></div></div></div>';
    const textarea = document.getElementById('body')!;
    const editable = document.querySelector<HTMLElement>('.note-editable')!;
    expect(editableElementFor(textarea, 'summernote')).toBe(editable);
    expect(readDraft(textarea, 'summernote')).toBe('您好');
  });

  it('finds the CKEditor 5 editable inside the editor wrapper', () => {
    document.body.innerHTML =
      '<div class="ck ck-editor"><div class="ck-editor__main"><div class="ck-editor__editable ck-content" contenteditable="true"><p>订单已发货</p></div></div></div>';
    const editable = document.querySelector<HTMLElement>('.ck-editor__editable')!;
    expect(editableElementFor(document.querySelector<HTMLElement>('.ck-editor')!, 'ckeditor5')).toBe(editable);
  });

  it('finds the contenteditable inside a wrapper for other rich editors, and keeps a text field as it is', () => {
    document.body.innerHTML =
      '<div class="reply-box"><div class="ProseMirror" contenteditable="true"><p>甲</p></div></div><textarea></textarea>';
    expect(editableElementFor(document.querySelector<HTMLElement>('.reply-box')!, 'prosemirror')).toBe(
      document.querySelector('.ProseMirror'),
    );
    const textarea = document.querySelector('textarea')!;
    expect(editableElementFor(textarea, 'textarea')).toBe(textarea);
  });

  it('takes the body of a design-mode frame (KindEditor) from its iframe', () => {
    const frame = document.createElement('iframe');
    const editorDoc = document.implementation.createHTMLDocument('');
    editorDoc.body.innerHTML = '您好<br>订单已发货';
    editorDoc.designMode = 'on';
    // happy-dom loads no frame: the editor's document is handed in as the browser would hand it.
    Object.defineProperty(frame, 'contentDocument', { value: editorDoc });
    expect(editableElementFor(frame, 'designmode')).toBe(editorDoc.body);
    expect(readDraft(frame, 'designmode')).toBe('您好\n订单已发货');
  });
});
