// Draft.js composer on React 18 (as in older Facebook-built and many React helpdesks).
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { ContentState, Editor, EditorState } from 'draft-js';
import 'draft-js/dist/Draft.css';
import type { DemoEditor } from './types.ts';

export async function mountDraftJs(host: HTMLElement, placeholder: string): Promise<DemoEditor> {
  const latest = { state: EditorState.createEmpty() };
  let setState: ((state: unknown) => void) | null = null;

  function DraftComposer() {
    const [editorState, setEditorState] = React.useState(() => EditorState.createEmpty());
    latest.state = editorState;
    setState = setEditorState;
    return React.createElement(
      'div',
      { className: 'composer-field composer-field--draftjs' },
      React.createElement(Editor, { editorState, onChange: setEditorState, placeholder, ariaLabel: placeholder }),
    );
  }

  const root = createRoot(host);
  root.render(React.createElement(DraftComposer));
  const composer = await new Promise<HTMLElement>((resolve) => {
    const waitForRender = () => {
      const editable = host.querySelector<HTMLElement>('.public-DraftEditor-content');
      if (editable) resolve(editable);
      else requestAnimationFrame(waitForRender);
    };
    waitForRender();
  });
  return {
    kind: 'draftjs',
    composer,
    modelText: () => latest.state.getCurrentContent().getPlainText('\n'),
    // A state built from content has an empty undo stack, as a fresh draft should.
    setDraft: (text) => setState?.(EditorState.createWithContent(ContentState.createFromText(text))),
    clear: () => setState?.(EditorState.createEmpty()),
    destroy: () => root.unmount(),
  };
}
