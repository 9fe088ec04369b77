// The command's language, from the environment as every Unix tool reads it: LC_ALL, then LC_MESSAGES, then LANG.

export const AUDIT_LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type AuditLocale = (typeof AUDIT_LOCALES)[number];

/** zh_CN → zh-CN; zh_TW and zh_HK → zh-TW (traditional characters); anything else, or nothing, → en. */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): AuditLocale {
  // The first variable that is set and not empty decides, as setlocale(3) does.
  const raw = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? '';
  const tag = raw.split(/[.@]/u)[0]!.replace('-', '_').toLowerCase();
  if (tag === 'zh_cn') return 'zh-CN';
  if (tag === 'zh_tw' || tag === 'zh_hk') return 'zh-TW';
  return 'en';
}
