// Which demo editor each composer kind loads; each is a separate chunk so the page only loads the one in use.
import type { DemoEditorKind, MountEditor } from './types.ts';

export const demoEditorLabels: Record<DemoEditorKind, string> = {
  textarea: '文本框（React textarea）',
  input: '单行输入框（React input）',
  contenteditable: '可编辑区域（contenteditable）',
  prosemirror: 'ProseMirror',
  ckeditor5: 'CKEditor 5',
  lexical: 'Lexical',
  quill: 'Quill',
  draftjs: 'Draft.js',
  slate: 'Slate',
  summernote: 'Summernote',
};

export const demoEditorLoaders: Record<DemoEditorKind, () => Promise<MountEditor>> = {
  textarea: async () => (await import('./textarea.ts')).mountTextarea,
  input: async () => (await import('./textarea.ts')).mountInput,
  contenteditable: async () => (await import('./contenteditable.ts')).mountContentEditable,
  prosemirror: async () => (await import('./prosemirror.ts')).mountProseMirror,
  ckeditor5: async () => (await import('./ckeditor5.ts')).mountCkeditor5,
  lexical: async () => (await import('./lexical.ts')).mountLexical,
  quill: async () => (await import('./quill.ts')).mountQuill,
  draftjs: async () => (await import('./draftjs.ts')).mountDraftJs,
  slate: async () => (await import('./slate.ts')).mountSlate,
  summernote: async () => (await import('./summernote.ts')).mountSummernote,
};

export function isDemoEditorKind(value: string | null): value is DemoEditorKind {
  return value !== null && Object.hasOwn(demoEditorLoaders, value);
}
