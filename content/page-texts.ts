// The texts the content script draws on the page (the element picker's hints, the `;;` picker), for the interface locale passed in.
import { enExpansion, enPicker } from '../locales/en.ts';
import { zhCNExpansion, zhCNPicker } from '../locales/zh-CN.ts';
import { zhTWExpansion, zhTWPicker } from '../locales/zh-TW.ts';
import type { UiLocale } from '../utils/i18n.ts';

const PAGE_TEXTS = {
  en: { picker: enPicker, expansion: enExpansion },
  'zh-CN': { picker: zhCNPicker, expansion: zhCNExpansion },
  'zh-TW': { picker: zhTWPicker, expansion: zhTWExpansion },
} as const;

export function pageTexts(locale: UiLocale): (typeof PAGE_TEXTS)[UiLocale] {
  return PAGE_TEXTS[locale];
}
