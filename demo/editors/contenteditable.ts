// A bare contenteditable composer, as home-grown helpdesk UIs have (the DOM is the only model).
import { mapDraftText } from '../../composer/draft-text.ts';
import type { DemoEditor } from './types.ts';

export async function mountContentEditable(host: HTMLElement, placeholder: string): Promise<DemoEditor> {
  const editable = document.createElement('div');
  editable.className = 'composer-field composer-field--contenteditable';
  editable.contentEditable = 'true';
  editable.setAttribute('role', 'textbox');
  editable.setAttribute('aria-multiline', 'true');
  editable.dataset.placeholder = placeholder;
  host.append(editable);
  return {
    kind: 'contenteditable',
    composer: editable,
    modelText: () => mapDraftText(editable).text,
    setDraft: (text) => editable.replaceChildren(...(text === '' ? [] : [document.createTextNode(text)])),
    clear: () => editable.replaceChildren(),
    destroy: () => editable.remove(),
  };
}
