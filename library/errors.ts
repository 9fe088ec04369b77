// Every text a person can see when a change to the pack library is refused: what is wrong, where, and what to do.
import { formatProblemIn, problemMessage } from '../engine/packs.ts';
import type { PackProblem } from '../engine/types.ts';

// Small amounts in bytes, so "0 KB left" never hides that a few bytes are free.
const kb = (bytes: number): string =>
  bytes < 10_240 ? `${Math.max(0, bytes)} bytes` : `${Math.round(bytes / 1024).toLocaleString('en')} KB`;

const LIBRARY_ERRORS_EN = {
  builtinId: (id: string) =>
    `id: the pack id "${id}" belongs to a built-in pack; give your pack its own id (for example "team-${id}") and import it again`,
  policyId: (id: string) =>
    `id: the pack id "${id}" belongs to a pack set by your administrator, which cannot be replaced here; give your pack another id`,
  quota: (needed: number, room: number) =>
    `not saved: the pack needs ${kb(needed)} but only ${kb(room)} of browser storage is left; remove packs you no longer use, or split this one`,
  unknownPack: (id: string) =>
    `there is no pack "${id}" in the library any more (it was removed meanwhile); reload the page`,
  policyLocked: (id: string) => `"${id}" is set by your administrator: it cannot be switched off or removed here`,
  builtinRemove: (id: string) => `"${id}" is built in: it cannot be removed, only switched off`,
  backupNotJson: (detail: string) =>
    `the backup is not valid JSON (${detail}): pick a file made by "Export everything"`,
  backupShape: (field: string, expected: string) =>
    `${field}: expected ${expected}; pick a file made by "Export everything" and do not edit it by hand`,
  backupFormat: (found: unknown) =>
    `format: ${JSON.stringify(found)} is not a Huashu backup (expected "huashu-backup" version 1); pick a file made by "Export everything"`,
  backupPack: (index: number, detail: string) => `installedPacks[${index}].pack: ${detail}`,
  backupTooLong: (field: string, limit: number) =>
    `${field}: longer than ${limit.toLocaleString('en')} characters, more than Huashu ever stores there; pick a file made by "Export everything" and do not edit it by hand`,
  backupTooMany: (field: string, limit: number) =>
    `${field}: more than ${limit.toLocaleString('en')} entries, more than Huashu ever stores there; pick a file made by "Export everything" and do not edit it by hand`,
  backupSourceKind: (field: string) =>
    `${field}: expected "file", "paste" or "url" (how the pack was added); built-in packs are never in a backup. Pick a file made by "Export everything"`,
  backupQuota: (needed: number, room: number) =>
    `not restored: the backup needs ${kb(needed)} more but only ${kb(room)} of browser storage is left; remove packs you no longer use, then restore again`,
  idChanged: (file: string, from: string, to: string) =>
    `${file} id: the pack id changed from "${from}" to "${to}"; keep the id, or add it as a new pack`,
  // What an administrator's policy got wrong; "policy packs[0]" and "settings.x" name the place in the policy JSON.
  policyNotObject: 'policy: expected an object with "packs" and/or "settings"',
  policyPacksNotList: 'policy packs: expected a list',
  policyPackDownload: (place: string, url: string, reason: string) => `${place} (${url}): ${reason}`,
  policyPackUnchanged: (place: string, url: string) => `${place} (${url}): answered 304 without a previous copy`,
  policyPackByUrl: (place: string) => `${place}: write a pack by address as {"url": "https://…"} and nothing else`,
  policyPackShape: (place: string, found: string) =>
    `${place}: expected a pack, a pack as JSON text, or {"url": "https://…"}, found ${found}`,
  policySettingsNotObject: 'policy settings: expected an object such as {"company": "ACME"}',
  policySettingType: (key: string, kind: 'string' | 'boolean' | 'record') =>
    `policy settings.${key}: expected ${kind === 'record' ? 'an object of texts' : `a ${kind}`}`,
  policySettingChoice: (key: string, choices: string) => `policy settings.${key}: expected one of ${choices}`,
  policyUnknownSetting: (key: string, known: string) =>
    `policy settings.${key}: unknown setting; the settings are ${known}`,
};

type LibraryErrors = typeof LIBRARY_ERRORS_EN;

const kbZh = (bytes: number): string =>
  bytes < 10_240 ? `${Math.max(0, bytes)} 字节` : `${Math.round(bytes / 1024).toLocaleString('en')} KB`;

const LIBRARY_ERRORS_ZH_CN: LibraryErrors = {
  builtinId: (id) => `id：话术包 id "${id}" 属于内置话术包；请给你的话术包另起一个 id（例如 "team-${id}"）后重新导入`,
  policyId: (id) => `id：话术包 id "${id}" 属于管理员下发的话术包，这里不能替换；请给你的话术包另起一个 id`,
  quota: (needed, room) =>
    `未保存：这个话术包需要 ${kbZh(needed)}，但浏览器存储只剩 ${kbZh(room)}；请删除不再使用的话术包，或把它拆成几个`,
  unknownPack: (id) => `话术库里已经没有 "${id}"（刚被删除了）；请刷新页面`,
  policyLocked: (id) => `"${id}" 由管理员设置：这里不能关闭或删除`,
  builtinRemove: (id) => `"${id}" 是内置话术包：不能删除，只能关闭`,
  backupNotJson: (detail) => `备份文件不是有效的 JSON（${detail}）：请选择用“导出全部”生成的文件`,
  backupShape: (field, expected) => `${field}：应为 ${expected}；请选择用“导出全部”生成的文件，不要手工修改`,
  backupFormat: (found) =>
    `format：${JSON.stringify(found)} 不是话术备份（应为 "huashu-backup" 第 1 版）；请选择用“导出全部”生成的文件`,
  backupPack: (index, detail) => `installedPacks[${index}].pack：${detail}`,
  backupTooLong: (field, limit) =>
    `${field}：超过 ${limit.toLocaleString('en')} 个字符，比话术保存的任何内容都长；请选择用“导出全部”生成的文件，不要手工修改`,
  backupTooMany: (field, limit) =>
    `${field}：超过 ${limit.toLocaleString('en')} 项，比话术保存的任何内容都多；请选择用“导出全部”生成的文件，不要手工修改`,
  backupSourceKind: (field) =>
    `${field}：应为 "file"、"paste" 或 "url"（话术包的添加方式）；备份里不会有内置话术包。请选择用“导出全部”生成的文件`,
  backupQuota: (needed, room) =>
    `未恢复：这份备份还需要 ${kbZh(needed)}，但浏览器存储只剩 ${kbZh(room)}；请删除不再使用的话术包后再恢复`,
  idChanged: (file, from, to) =>
    `${file} id：话术包 id 从 "${from}" 变成了 "${to}"；请保留原来的 id，或者把它作为新的话术包添加`,
  policyNotObject: 'policy：应为一个包含 "packs" 和/或 "settings" 的对象',
  policyPacksNotList: 'policy packs：应为一个列表',
  policyPackDownload: (place, url, reason) => `${place}（${url}）：${reason}`,
  policyPackUnchanged: (place, url) => `${place}（${url}）：服务器返回 304，但本地没有之前的版本`,
  policyPackByUrl: (place) => `${place}：按地址下发话术包时请写成 {"url": "https://…"}，不要加别的字段`,
  policyPackShape: (place, found) =>
    `${place}：应为话术包、JSON 文本形式的话术包或 {"url": "https://…"}，实际是 ${found}`,
  policySettingsNotObject: 'policy settings：应为一个对象，例如 {"company": "ACME"}',
  policySettingType: (key, kind) =>
    `policy settings.${key}：应为${kind === 'record' ? '由文本组成的对象' : kind === 'boolean' ? '布尔值（true 或 false）' : '文本'}`,
  policySettingChoice: (key, choices) => `policy settings.${key}：应为以下之一：${choices}`,
  policyUnknownSetting: (key, known) => `policy settings.${key}：没有这项设置；可用的设置有 ${known}`,
};

const LIBRARY_ERRORS_ZH_TW: LibraryErrors = {
  builtinId: (id) => `id：話術包 id "${id}" 屬於內建話術包；請為你的話術包另取一個 id（例如 "team-${id}"）後重新匯入`,
  policyId: (id) => `id：話術包 id "${id}" 屬於管理員下發的話術包，這裡不能取代；請為你的話術包另取一個 id`,
  quota: (needed, room) =>
    `未儲存：這個話術包需要 ${kbZh(needed).replace('字节', '位元組')}，但瀏覽器儲存空間只剩 ${kbZh(room).replace('字节', '位元組')}；請刪除不再使用的話術包，或把它拆成幾個`,
  unknownPack: (id) => `話術庫裡已經沒有 "${id}"（剛被刪除了）；請重新整理頁面`,
  policyLocked: (id) => `"${id}" 由管理員設定：這裡不能關閉或刪除`,
  builtinRemove: (id) => `"${id}" 是內建話術包：不能刪除，只能關閉`,
  backupNotJson: (detail) => `備份檔不是有效的 JSON（${detail}）：請選擇用「匯出全部」產生的檔案`,
  backupShape: (field, expected) => `${field}：應為 ${expected}；請選擇用「匯出全部」產生的檔案，不要手動修改`,
  backupFormat: (found) =>
    `format：${JSON.stringify(found)} 不是話術備份（應為 "huashu-backup" 第 1 版）；請選擇用「匯出全部」產生的檔案`,
  backupPack: (index, detail) => `installedPacks[${index}].pack：${detail}`,
  backupTooLong: (field, limit) =>
    `${field}：超過 ${limit.toLocaleString('en')} 個字元，比話術儲存的任何內容都長；請選擇用「匯出全部」產生的檔案，不要手動修改`,
  backupTooMany: (field, limit) =>
    `${field}：超過 ${limit.toLocaleString('en')} 項，比話術儲存的任何內容都多；請選擇用「匯出全部」產生的檔案，不要手動修改`,
  backupSourceKind: (field) =>
    `${field}：應為 "file"、"paste" 或 "url"（話術包的加入方式）；備份裡不會有內建話術包。請選擇用「匯出全部」產生的檔案`,
  backupQuota: (needed, room) =>
    `未還原：這份備份還需要 ${kbZh(needed).replace('字节', '位元組')}，但瀏覽器儲存空間只剩 ${kbZh(room).replace('字节', '位元組')}；請刪除不再使用的話術包後再還原`,
  idChanged: (file, from, to) =>
    `${file} id：話術包 id 從 "${from}" 變成了 "${to}"；請保留原本的 id，或把它當作新的話術包加入`,
  policyNotObject: 'policy：應為一個包含 "packs" 和/或 "settings" 的物件',
  policyPacksNotList: 'policy packs：應為一個清單',
  policyPackDownload: (place, url, reason) => `${place}（${url}）：${reason}`,
  policyPackUnchanged: (place, url) => `${place}（${url}）：伺服器回傳 304，但本機沒有先前的版本`,
  policyPackByUrl: (place) => `${place}：依網址下發話術包時請寫成 {"url": "https://…"}，不要加其他欄位`,
  policyPackShape: (place, found) =>
    `${place}：應為話術包、JSON 文字形式的話術包或 {"url": "https://…"}，實際是 ${found}`,
  policySettingsNotObject: 'policy settings：應為一個物件，例如 {"company": "ACME"}',
  policySettingType: (key, kind) =>
    `policy settings.${key}：應為${kind === 'record' ? '由文字組成的物件' : kind === 'boolean' ? '布林值（true 或 false）' : '文字'}`,
  policySettingChoice: (key, choices) => `policy settings.${key}：應為以下之一：${choices}`,
  policyUnknownSetting: (key, known) => `policy settings.${key}：沒有這項設定；可用的設定有 ${known}`,
};

export type LibraryLocale = 'en' | 'zh-CN' | 'zh-TW';

const LIBRARY_CATALOGS: Record<LibraryLocale, LibraryErrors> = {
  en: LIBRARY_ERRORS_EN,
  'zh-CN': LIBRARY_ERRORS_ZH_CN,
  'zh-TW': LIBRARY_ERRORS_ZH_TW,
};

/** The library's messages in the interface language; the options page and the background set it (English until then). */
export const LIBRARY_ERRORS: LibraryErrors = { ...LIBRARY_ERRORS_EN };

const localeListeners: ((locale: LibraryLocale) => void)[] = [];
let libraryLocale: LibraryLocale = 'en';

/** Switches every library and subscription message to `locale` (the page's or the browser's interface language). */
export function setLibraryLocale(locale: LibraryLocale): void {
  libraryLocale = locale;
  Object.assign(LIBRARY_ERRORS, LIBRARY_CATALOGS[locale]);
  for (const listener of localeListeners) listener(locale);
}

/** For other catalogs of the library (subscriptions.ts) to follow setLibraryLocale. */
export function onLibraryLocale(listener: (locale: LibraryLocale) => void): void {
  localeListeners.push(listener);
}

/** A pack problem's message in the library's language (the engine writes English; its code says how to rephrase it). */
export function packProblemMessage(problem: PackProblem): string {
  return problemMessage(problem, libraryLocale);
}

/** A pack problem with its place, for texts that hold a problem in a sentence (a subscription's or the policy's). */
export function formatPackProblem(problem: PackProblem): string {
  return formatProblemIn(problem, libraryLocale);
}
