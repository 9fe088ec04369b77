// Slate composer (slate-react on React 18) with slate-history.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor, Editor, Node, Transforms, type Descendant } from 'slate';
import { Editable, Slate, withReact } from 'slate-react';
import { HistoryEditor, withHistory } from 'slate-history';
import type { DemoEditor } from './types.ts';

const emptyValue = (): Descendant[] => [{ type: 'paragraph', children: [{ text: '' }] } as Descendant];

export async function mountSlate(host: HTMLElement, placeholder: string): Promise<DemoEditor> {
  const editor = withHistory(withReact(createEditor()));

  const replaceDraft = (text: string) => {
    HistoryEditor.withoutSaving(editor, () => {
      Transforms.deselect(editor);
      Transforms.delete(editor, { at: { anchor: Editor.start(editor, []), focus: Editor.end(editor, []) } });
      if (text !== '') Transforms.insertText(editor, text, { at: Editor.start(editor, []) });
    });
    editor.history = { undos: [], redos: [] };
  };

  function SlateComposer() {
    return React.createElement(
      Slate,
      { editor, initialValue: emptyValue() },
      React.createElement(Editable, {
        className: 'composer-field composer-field--slate',
        placeholder,
        'aria-label': placeholder,
      }),
    );
  }

  const root = createRoot(host);
  root.render(React.createElement(SlateComposer));
  const composer = await new Promise<HTMLElement>((resolve) => {
    const waitForRender = () => {
      const editable = host.querySelector<HTMLElement>('[data-slate-editor="true"]');
      if (editable) resolve(editable);
      else requestAnimationFrame(waitForRender);
    };
    waitForRender();
  });
  return {
    kind: 'slate',
    composer,
    modelText: () => editor.children.map((node) => Node.string(node)).join('\n'),
    modelSelection: () => (editor.selection ? Editor.string(editor, editor.selection) : ''),
    setDraft: (text) => replaceDraft(text),
    clear: () => replaceDraft(''),
    destroy: () => root.unmount(),
  };
}
