// The shape every composer editor of the demo helpdesk has, whatever package is behind it.
import type { ComposerInfo } from '../../sites/types.ts';

// The demo page has no editor in a frame of its own: KindEditor is tested on the cskefu workbench (tests/e2e/cskefu.test.ts).
export type DemoEditorKind = Exclude<ComposerInfo['kind'], 'designmode'>;

export interface DemoEditor {
  kind: DemoEditorKind;
  /** The element a site adapter finds as the composer (what insertText receives). */
  composer: HTMLElement;
  /** The draft as the editor's own model holds it (not the DOM), lines joined with "\n". */
  modelText(): string;
  /**
   * The text selected in the editor's own model, for editors that copy the page's selection into it later (Slate, at
   * most every 100 ms): tests wait for it instead of sleeping. Absent where the model reads the page's selection.
   */
  modelSelection?(): string;
  /** Replaces the draft through the editor's own API and starts a fresh undo history (sets up tests and the scripted demo). */
  setDraft(text: string): void;
  clear(): void;
  destroy(): void;
}

export type MountEditor = (host: HTMLElement, placeholder: string) => Promise<DemoEditor>;
