// ProseMirror composer (as in Chatwoot and Intercom), with its history plugin bound to the usual undo keys.
import { EditorState, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import type { DemoEditor } from './types.ts';

// Shift+Enter starts a line inside the paragraph, as in Chatwoot's editor (Enter is the helpdesk's: send or new paragraph).
const insertHardBreak: Command = (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(schema.nodes.hard_break!.create()).scrollIntoView());
  return true;
};

export async function mountProseMirror(host: HTMLElement, placeholder: string): Promise<DemoEditor> {
  const createState = () =>
    EditorState.create({
      schema,
      plugins: [
        history(),
        keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo, 'Shift-Enter': insertHardBreak }),
      ],
    });
  const view = new EditorView(host, {
    state: createState(),
    attributes: { class: 'composer-field composer-field--prosemirror', 'aria-label': placeholder },
  });
  return {
    kind: 'prosemirror',
    composer: view.dom,
    // A hard break is a line too.
    modelText: () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n', '\n'),
    setDraft: (text) => {
      const state = createState();
      const paragraph = schema.node('paragraph', null, text === '' ? [] : [schema.text(text)]);
      view.updateState(
        EditorState.create({ schema, plugins: state.plugins, doc: schema.node('doc', null, [paragraph]) }),
      );
    },
    clear: () => view.updateState(createState()),
    destroy: () => view.destroy(),
  };
}
