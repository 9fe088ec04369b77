// Every text the composer layer gives when writing into a helpdesk's editor fails: a code and its parameters as data,
// and a phrasing per language in which "{name}" stands for a parameter. Whoever shows one passes its language in.
import { fillTemplate } from '../engine/index.ts';

export type ComposerLocale = 'en' | 'zh-CN' | 'zh-TW';

const COMPOSER_TEXTS_EN = {
  detached:
    'The reply box is no longer on the page (the helpdesk re-rendered it). Click into the reply box and try again.',
  notEditable:
    'The reply box is read-only right now (sending, or closed conversation). Wait until it can be edited and try again.',
  // {kind} is the editor's kind as the adapters name it: textarea, input, contenteditable, prosemirror, ckeditor5…
  notInserted:
    'The {kind} reply box did not accept the text. Click into the reply box and try again, or copy the reply and paste it by hand.',
  rangeOutOfDraft:
    'The span {start}–{end} is outside the draft ({length} characters): the draft changed since it was checked. Check it again.',
  bridgeUnavailable: 'The page helper for this editor is not loaded; Huashu used a paste instead.',
  bridgeTimeout: 'The page helper did not answer within {ms} ms.',
  bridgeNoEditor: 'The page helper found no CKEditor 5 instance behind the reply box.',
  bridgeFailed: 'The editor refused the insertion: {detail}',
} as const;

export type ComposerErrorCode = keyof typeof COMPOSER_TEXTS_EN;
type ComposerTexts = Record<ComposerErrorCode, string>;

const COMPOSER_TEXTS_ZH_CN: ComposerTexts = {
  detached: '回复框已经不在页面上了（客服系统重新渲染了它）。请点击回复框后重试。',
  notEditable: '回复框现在是只读的（正在发送，或会话已关闭）。请等它可以编辑后再试。',
  notInserted: '{kind} 回复框没有接受这段文字。请点击回复框后重试，或复制这条话术手动粘贴。',
  rangeOutOfDraft: '第 {start}–{end} 个字符不在草稿里（草稿共 {length} 个字符）：检查之后草稿又改过了。请重新检查。',
  bridgeUnavailable: '这个编辑器的页面助手没有加载，话术改用粘贴的方式插入。',
  bridgeTimeout: '页面助手在 {ms} 毫秒内没有响应。',
  bridgeNoEditor: '页面助手在回复框后面没有找到 CKEditor 5 编辑器。',
  bridgeFailed: '编辑器拒绝了插入：{detail}',
};

const COMPOSER_TEXTS_ZH_TW: ComposerTexts = {
  detached: '回覆框已經不在頁面上了（客服系統重新繪製了它）。請點一下回覆框後再試。',
  notEditable: '回覆框目前是唯讀的（正在傳送，或對話已關閉）。請等它可以編輯後再試。',
  notInserted: '{kind} 回覆框沒有接受這段文字。請點一下回覆框後再試，或複製這則話術手動貼上。',
  rangeOutOfDraft: '第 {start}–{end} 個字元不在草稿裡（草稿共 {length} 個字元）：檢查之後草稿又改過了。請重新檢查。',
  bridgeUnavailable: '這個編輯器的頁面助手沒有載入，話術改用貼上的方式插入。',
  bridgeTimeout: '頁面助手在 {ms} 毫秒內沒有回應。',
  bridgeNoEditor: '頁面助手在回覆框後面沒有找到 CKEditor 5 編輯器。',
  bridgeFailed: '編輯器拒絕了插入：{detail}',
};

export const COMPOSER_CATALOGS: Readonly<Record<ComposerLocale, ComposerTexts>> = {
  en: COMPOSER_TEXTS_EN,
  'zh-CN': COMPOSER_TEXTS_ZH_CN,
  'zh-TW': COMPOSER_TEXTS_ZH_TW,
};

/** What went wrong, as data: a text only through describeComposerError, in the language of whoever shows it. */
export interface ComposerError {
  readonly code: ComposerErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export function composerError(
  code: ComposerErrorCode,
  params: Readonly<Record<string, string | number>> = {},
): ComposerError {
  return { code, params };
}

/** An error's text in `locale`; "{name}" is filled in one pass, so a value holding braces stays as it is. */
export function describeComposerError(error: ComposerError, locale: ComposerLocale): string {
  return fillIn(COMPOSER_CATALOGS[locale][error.code], error);
}

/**
 * An error's English text, for the console and the messages that carry it: the content script, which writes only
 * this, then carries the English phrasings alone (the panel phrases in the agent's language from the code).
 */
export function describeComposerErrorInEnglish(error: ComposerError): string {
  return fillIn(COMPOSER_TEXTS_EN[error.code], error);
}

function fillIn(template: string, error: ComposerError): string {
  return fillTemplate(template, (name) => (Object.hasOwn(error.params, name) ? String(error.params[name]) : undefined));
}
