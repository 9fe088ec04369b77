// Lexical composer in plain-text mode with history (as in Crisp).
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  CLEAR_HISTORY_COMMAND,
  createEditor,
  type LexicalEditor,
} from 'lexical';
import { registerPlainText } from '@lexical/plain-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { mergeRegister } from '@lexical/utils';
import type { DemoEditor } from './types.ts';

export async function mountLexical(host: HTMLElement, placeholder: string): Promise<DemoEditor> {
  const editable = document.createElement('div');
  editable.className = 'composer-field composer-field--lexical';
  editable.contentEditable = 'true';
  editable.setAttribute('aria-label', placeholder);
  host.append(editable);
  const editor: LexicalEditor = createEditor({
    namespace: 'huashu-demo',
    onError: (error) => console.error(error),
  });
  editor.setRootElement(editable);
  const unregister = mergeRegister(registerPlainText(editor), registerHistory(editor, createEmptyHistoryState(), 300));
  const replaceDraft = (text: string) => {
    // 'historic' keeps the setup out of the undo stack; the stack is then emptied, as after sending.
    editor.update(
      () => {
        const paragraph = $createParagraphNode();
        if (text !== '') paragraph.append($createTextNode(text));
        $getRoot().clear().append(paragraph);
      },
      { discrete: true, tag: 'historic' },
    );
    editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
  };
  replaceDraft('');
  const readText = () => editor.getEditorState().read(() => $getRoot().getTextContent());
  return {
    kind: 'lexical',
    composer: editable,
    modelText: readText,
    setDraft: (text) => replaceDraft(text),
    clear: () => replaceDraft(''),
    destroy: () => {
      unregister();
      editor.setRootElement(null);
      editable.remove();
    },
  };
}
