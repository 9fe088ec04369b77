// CKEditor 5 composer (as in Zendesk Agent Workspace): its API hangs on the editable as `ckeditorInstance`, in the page's world only.
import { ClassicEditor, Essentials, Paragraph, Bold, Italic, type ModelElement, type ModelText } from 'ckeditor5';
import 'ckeditor5/ckeditor5.css';
import type { DemoEditor } from './types.ts';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export async function mountCkeditor5(host: HTMLElement, placeholder: string): Promise<DemoEditor> {
  const source = document.createElement('div');
  host.append(source);
  const editor = await ClassicEditor.create(source, {
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph, Bold, Italic],
    toolbar: ['undo', 'redo', '|', 'bold', 'italic'],
    placeholder,
  });
  const editable = editor.ui.getEditableElement();
  if (!editable) throw new Error('CKEditor 5 rendered no editable element');
  // CKEditor owns the editable's attributes and re-renders them from its view: set ours through the view.
  editor.editing.view.change((writer) => {
    const viewRoot = editor.editing.view.document.getRoot()!;
    writer.addClass(['composer-field', 'composer-field--ckeditor5'], viewRoot);
    writer.setAttribute('data-test-id', 'omnicomposer-rich-text-ckeditor', viewRoot);
    writer.setAttribute('data-huashu-demo-composer', 'ckeditor5', viewRoot);
  });
  const root = editor.model.document.getRoot()!;
  return {
    kind: 'ckeditor5',
    composer: editable,
    modelText: () =>
      Array.from(root.getChildren())
        .map((block) =>
          Array.from((block as ModelElement).getChildren())
            .map((item) => (item.is('$text') ? (item as ModelText).data : item.is('element', 'softBreak') ? '\n' : ''))
            .join(''),
        )
        .join('\n'),
    setDraft: (text) => {
      editor.setData(text === '' ? '' : `<p>${escapeHtml(text)}</p>`);
      // A fresh draft has nothing to undo, as after sending.
      editor.commands.get('undo')?.clearStack();
    },
    clear: () => {
      editor.setData('');
      editor.commands.get('undo')?.clearStack();
    },
    destroy: () => void editor.destroy(),
  };
}
