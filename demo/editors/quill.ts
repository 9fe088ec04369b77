// Quill 2 composer with its own history module.
import Quill from 'quill';
import 'quill/dist/quill.snow.css';
import type { DemoEditor } from './types.ts';

export async function mountQuill(host: HTMLElement, placeholder: string): Promise<DemoEditor> {
  const container = document.createElement('div');
  host.append(container);
  const quill = new Quill(container, {
    theme: 'snow',
    placeholder,
    modules: { toolbar: [['bold', 'italic']], history: { userOnly: true } },
  });
  quill.root.classList.add('composer-field', 'composer-field--quill');
  return {
    kind: 'quill',
    composer: quill.root,
    // Quill always ends its document with one newline that is not part of the text.
    modelText: () => quill.getText().replace(/\n$/, ''),
    setDraft: (text) => {
      quill.setText(text, 'api');
      quill.history.clear();
    },
    clear: () => {
      quill.setText('', 'api');
      quill.history.clear();
    },
    destroy: () => container.remove(),
  };
}
