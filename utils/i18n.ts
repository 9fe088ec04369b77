// UI language of the panel: picks zh-CN, zh-TW or en from the setting and the browser, and formats the locale strings.
import { en, type MessageKey, type Messages } from '../locales/en.ts';
import { zhCN } from '../locales/zh-CN.ts';
import { zhTW } from '../locales/zh-TW.ts';
import { fillTemplate } from '../engine/index.ts';

const UI_LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

const CATALOGS: Record<UiLocale, Messages> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** Maps a BCP 47 tag (zh-Hant-HK, zh_TW, zh-SG, en-GB, fr…) to one of the UI locales; unknown languages get English. */
export function localeOfLanguageTag(tag: string): UiLocale {
  const parts = tag.trim().toLowerCase().replace(/_/gu, '-').split('-');
  if (parts[0] !== 'zh') return 'en';
  // Traditional script by explicit script subtag, or by the regions that write it.
  if (parts.includes('hant') || parts.some((p) => p === 'tw' || p === 'hk' || p === 'mo')) {
    return parts.includes('hans') ? 'zh-CN' : 'zh-TW';
  }
  return 'zh-CN';
}

/** The setting wins unless it is "auto" (or unknown); then the browser's UI language decides. */
export function resolveUiLocale(setting: string | undefined, browserLanguage: string): UiLocale {
  if ((UI_LOCALES as readonly string[]).includes(setting ?? '')) return setting as UiLocale;
  return localeOfLanguageTag(browserLanguage);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one locale; `{name}` placeholders are filled from params (left as they are when missing). */
export function createTranslator(locale: UiLocale): Translate {
  const catalog = CATALOGS[locale];
  return (key, params) => {
    const template = catalog[key] ?? en[key];
    if (!params) return template;
    return fillTemplate(template, (name) => (name in params ? String(params[name]) : undefined));
  };
}
