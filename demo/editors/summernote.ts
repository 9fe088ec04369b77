// Summernote composer (as in FreeScout): edits a .note-editable and keeps the original <textarea> in sync with the HTML.
import jQuery from 'jquery';
import 'summernote/dist/summernote-lite.css';
import { mapDraftText } from '../../composer/draft-text.ts';
import type { DemoEditor } from './types.ts';

export async function mountSummernote(host: HTMLElement, placeholder: string): Promise<DemoEditor> {
  // Summernote 0.9 still calls helpers jQuery 4 removed.
  const legacy = jQuery as unknown as { now?: () => number; nodeName?: (element: Element, name: string) => boolean };
  legacy.now ??= Date.now;
  legacy.nodeName ??= (element, name) => element.nodeName.toLowerCase() === name.toLowerCase();
  // Summernote's UMD bundle looks for jQuery on window.
  (window as unknown as { jQuery: unknown; $: unknown }).jQuery = jQuery;
  (window as unknown as { $: unknown }).$ = jQuery;
  await import('summernote/dist/summernote-lite.js');
  const textarea = document.createElement('textarea');
  textarea.id = 'body';
  textarea.name = 'body';
  host.append(textarea);
  const $note = jQuery(textarea);
  $note.summernote({ placeholder, height: 110, toolbar: [['style', ['bold', 'italic']]] });
  const editable = host.querySelector<HTMLElement>('.note-editable');
  if (!editable) throw new Error('Summernote rendered no .note-editable');
  editable.classList.add('composer-field', 'composer-field--summernote');
  const replaceDraft = (text: string) => {
    const paragraph = document.createElement('p');
    if (text === '') paragraph.append(document.createElement('br'));
    else paragraph.textContent = text;
    $note.summernote('code', paragraph.outerHTML);
    // Starts Summernote's undo history afresh at this draft, as after sending.
    $note.summernote('commit');
  };
  // What the form would submit: the hidden textarea Summernote keeps in sync.
  const submittedText = () => {
    const html = document.createElement('div');
    html.innerHTML = String($note.val() ?? '');
    return mapDraftText(html).text;
  };
  return {
    kind: 'summernote',
    composer: editable,
    modelText: submittedText,
    setDraft: (text) => replaceDraft(text),
    clear: () => replaceDraft(''),
    destroy: () => $note.summernote('destroy'),
  };
}
