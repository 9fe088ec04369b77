// The texts the content script draws on the page (the element picker's hints, the `;;` picker and what it says when a pick did not go in, the guard before sending), for the interface locale passed in.
import { enExpansion, enGuard, enPicker, enReplyFallback } from '../locales/en.ts';
import { zhCNExpansion, zhCNGuard, zhCNPicker, zhCNReplyFallback } from '../locales/zh-CN.ts';
import { zhTWExpansion, zhTWGuard, zhTWPicker, zhTWReplyFallback } from '../locales/zh-TW.ts';
import type { UiLocale } from '../utils/i18n.ts';

const PAGE_TEXTS = {
  en: { picker: enPicker, expansion: enExpansion, guard: enGuard, replyFallback: enReplyFallback },
  'zh-CN': { picker: zhCNPicker, expansion: zhCNExpansion, guard: zhCNGuard, replyFallback: zhCNReplyFallback },
  'zh-TW': { picker: zhTWPicker, expansion: zhTWExpansion, guard: zhTWGuard, replyFallback: zhTWReplyFallback },
} as const;

export function pageTexts(locale: UiLocale): (typeof PAGE_TEXTS)[UiLocale] {
  return PAGE_TEXTS[locale];
}
