// The texts the content script draws on the page (the element picker's hints, the `;;` picker, the guard before sending), for the interface locale passed in.
import { enExpansion, enGuard, enPicker } from '../locales/en.ts';
import { zhCNExpansion, zhCNGuard, zhCNPicker } from '../locales/zh-CN.ts';
import { zhTWExpansion, zhTWGuard, zhTWPicker } from '../locales/zh-TW.ts';
import type { UiLocale } from '../utils/i18n.ts';

const PAGE_TEXTS = {
  en: { picker: enPicker, expansion: enExpansion, guard: enGuard },
  'zh-CN': { picker: zhCNPicker, expansion: zhCNExpansion, guard: zhCNGuard },
  'zh-TW': { picker: zhTWPicker, expansion: zhTWExpansion, guard: zhTWGuard },
} as const;

export function pageTexts(locale: UiLocale): (typeof PAGE_TEXTS)[UiLocale] {
  return PAGE_TEXTS[locale];
}
