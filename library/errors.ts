// Every text a person can see when a change to the pack library is refused: what is wrong, where, and what to do.
//
// An error is data, a code and its parameters; its phrasing per language is plain text in which "{name}" stands for a
// parameter. Whoever shows an error passes in the language it shows it in (the options page its interface language,
// the background the agent's), the way engine/problem-locale.ts rephrases the problems of a pack.
import { fillTemplate, formatProblemIn, problemMessage, type ProblemLocale } from '../engine/packs.ts';
import type { PackProblem } from '../engine/types.ts';

export type LibraryLocale = ProblemLocale;

const LIBRARY_TEXTS_EN = {
  builtinId:
    'id: the pack id "{id}" belongs to a built-in pack; give your pack its own id (for example "team-{id}") and import it again',
  policyId:
    'id: the pack id "{id}" belongs to a pack set by your administrator, which cannot be replaced here; give your pack another id',
  reservedId:
    'id: the pack id "{id}" is kept for the agent\'s own replies; give your pack its own id (for example "team-replies") and import it again',
  quota:
    'not saved: the pack needs {needed} but only {room} of browser storage is left; remove packs you no longer use, or split this one',
  unknownPack: 'there is no pack "{id}" in the library any more (it was removed meanwhile); reload the page',
  policyLocked: '"{id}" is set by your administrator: it cannot be switched off or removed here',
  builtinRemove: '"{id}" is built in: it cannot be removed, only switched off',
  idChanged: '{file} id: the pack id changed from "{from}" to "{to}"; keep the id, or add it as a new pack',

  // A backup that cannot be restored; {field} is the place in the backup's JSON, {expected} one of the expect… texts.
  backupNotJson: 'the backup is not valid JSON ({detail}): pick a file made by "Export everything"',
  backupShape: '{field}: expected {expected}; pick a file made by "Export everything" and do not edit it by hand',
  backupFormat:
    'format: {found} is not a Huashu backup (expected "huashu-backup" version 1); pick a file made by "Export everything"',
  backupPack: 'installedPacks[{index}].pack: {detail}',
  backupUrl: '{field}: {reason}',
  backupTooLong:
    '{field}: longer than {limit} characters, more than Huashu ever stores there; pick a file made by "Export everything" and do not edit it by hand',
  backupTooMany:
    '{field}: more than {limit} entries, more than Huashu ever stores there; pick a file made by "Export everything" and do not edit it by hand',
  backupSourceKind:
    '{field}: expected "file", "paste" or "url" (how the pack was added); built-in packs are never in a backup. Pick a file made by "Export everything"',
  backupQuota:
    'not restored: the backup needs {needed} more but only {room} of browser storage is left; remove packs you no longer use, then restore again',
  expectText: 'text',
  expectObject: 'an object',
  expectList: 'a list',
  expectTrueOrFalse: 'true or false',
  expectOneOf: '{options}',
  expectVariables: 'names with text values',
  expectVariableName: 'a variable name such as shopName (letters, digits, _; at most {limit})',
  expectSource: 'an object with "kind"',
  expectFileName: 'the name of the file the pack was added from',
  expectUrl: 'the https:// address the pack is fetched from',
  expectTime: 'a time in milliseconds',
  expectInstalledPack: 'an object with pack, source, addedAt and updatedAt',
  expectUnusedId: 'an id not used by an earlier pack ("{id}" is)',
  expectPreferences: 'an object with "order" and "disabled" lists of pack ids',
  expectPackId: 'a pack id',
  expectSites: 'an object of sites by host',
  expectSiteHost: 'a host such as support.example.com or localhost:3000',
  expectSite: 'an object with "enabled": true or false',
  expectScheme: '"http" or "https"',
  expectSelector: 'a CSS selector of at most {limit} characters',
  expectMyReply:
    'a reply with a title, a text of at most 2,000 characters without personal data, an optional shortcut of its own and at least one scenario',
  expectMyReplies: 'a list of at most {limit} replies',

  // A pack published at an address (subscriptions.ts).
  badUrl: '"{url}" is not a web address: paste the full address, starting with https://',
  insecure: '{url} is not HTTPS: packs are fetched only over https:// (http:// only for localhost and 127.0.0.1)',
  credentials: 'the address contains a user name or password: publish the pack at an address that needs no login',
  timeout: 'the server did not answer within {seconds} s: check the address or try again later',
  network: 'the server could not be reached ({detail}): check the address and your connection',
  // {status} is the code with the server's reason phrase, when it sent one: "404 Not Found".
  status: 'the server answered {status}: check the address (it must point at the pack file itself)',
  crossHost:
    'the address {from} redirected to another server ({to}); packs are taken only from the server you named: use the final address',
  insecureRedirect:
    'the address {from} redirected to {to}, which is not HTTPS; the pack would travel unencrypted, so it was not fetched: publish it over https:// only',
  hiddenRedirect:
    'the address {from} redirects, and the browser does not show where to, so it was not followed: open the address in a tab and use the address it ends at',
  tooManyRedirects: 'the address {from} redirected more than {limit} times: use the final address of the pack',
  badPath:
    'the address {url} has a malformed escape in its path ({escape}): a % must be followed by two hexadecimal digits (write %25 for a % sign); copy the address again',
  html: 'the address returned a web page (HTML), not a pack: use the address of the raw file (for example the "Raw" link)',
  tooLarge: 'the pack is larger than {megabytes} MB: split it into several packs',
  notUtf8: 'the file is not UTF-8 text: save it as UTF-8 JSON, YAML or CSV',
  problems: 'the new version has {count} problem(s), so the last good version stays in use; first: {first}',
  notSubscribed: 'the pack "{id}" was not added from an address, so it cannot be refreshed',

  // What an administrator's policy got wrong; "policy packs[0]" and "settings.x" name the place in the policy JSON.
  policyNotObject: 'policy: expected an object with "packs" and/or "settings"',
  policyPacksNotList: 'policy packs: expected a list',
  policyPackDownload: '{place} ({url}): {reason}',
  policyPackUnchanged: '{place} ({url}): answered 304 without a previous copy',
  policyPackByUrl: '{place}: write a pack by address as {"url": "https://…"} and nothing else',
  policyPackShape: '{place}: expected a pack, a pack as JSON text, or {"url": "https://…"}, found {found}',
  policyPackReserved:
    '{place}: the pack id "{id}" is kept for the agent\'s own replies; give the pack another id in the policy',
  // A policy pack's own problem, with its place ("policy packs[0]:1:5 version: …").
  policyPackProblem: '{problem}',
  policySettingsNotObject: 'policy settings: expected an object such as {"company": "ACME"}',
  policySettingString: 'policy settings.{key}: expected a string',
  policySettingBoolean: 'policy settings.{key}: expected a boolean',
  policySettingRecord: 'policy settings.{key}: expected an object of texts',
  policyUnknownSetting: 'policy settings.{key}: unknown setting; the settings are {known}',
  policySettingChoice: 'policy settings.{key}: expected one of {choices}',
} as const;

export type LibraryErrorCode = keyof typeof LIBRARY_TEXTS_EN;
type LibraryTexts = Record<LibraryErrorCode, string>;

const LIBRARY_TEXTS_ZH_CN: LibraryTexts = {
  builtinId: 'id：话术包 id "{id}" 属于内置话术包；请给你的话术包另起一个 id（例如 "team-{id}"）后重新导入',
  policyId: 'id：话术包 id "{id}" 属于管理员下发的话术包，这里不能替换；请给你的话术包另起一个 id',
  reservedId: 'id：话术包 id "{id}" 留给客服自己的话术；请给你的话术包另起一个 id（例如 "team-replies"）后重新导入',
  quota: '未保存：这个话术包需要 {needed}，但浏览器存储只剩 {room}；请删除不再使用的话术包，或把它拆成几个',
  unknownPack: '话术库里已经没有 "{id}"（刚被删除了）；请刷新页面',
  policyLocked: '"{id}" 由管理员设置：这里不能关闭或删除',
  builtinRemove: '"{id}" 是内置话术包：不能删除，只能关闭',
  idChanged: '{file} id：话术包 id 从 "{from}" 变成了 "{to}"；请保留原来的 id，或者把它作为新的话术包添加',

  backupNotJson: '备份文件不是有效的 JSON（{detail}）：请选择用“导出全部”生成的文件',
  backupShape: '{field}：应为{expected}；请选择用“导出全部”生成的文件，不要手工修改',
  backupFormat: 'format：{found} 不是话术备份（应为 "huashu-backup" 第 1 版）；请选择用“导出全部”生成的文件',
  backupPack: 'installedPacks[{index}].pack：{detail}',
  backupUrl: '{field}：{reason}',
  backupTooLong: '{field}：超过 {limit} 个字符，比话术保存的任何内容都长；请选择用“导出全部”生成的文件，不要手工修改',
  backupTooMany: '{field}：超过 {limit} 项，比话术保存的任何内容都多；请选择用“导出全部”生成的文件，不要手工修改',
  backupSourceKind:
    '{field}：应为 "file"、"paste" 或 "url"（话术包的添加方式）；备份里不会有内置话术包。请选择用“导出全部”生成的文件',
  backupQuota: '未恢复：这份备份还需要 {needed}，但浏览器存储只剩 {room}；请删除不再使用的话术包后再恢复',
  expectText: '文本',
  expectObject: '一个对象',
  expectList: '一个列表',
  expectTrueOrFalse: '布尔值（true 或 false）',
  expectOneOf: '其中之一：{options}',
  expectVariables: '变量名和文本值组成的对象',
  expectVariableName: '变量名，例如 shopName（字母、数字或 _，最多 {limit} 个字符）',
  expectSource: '带有 "kind" 的对象',
  expectFileName: '添加话术包时所用文件的文件名',
  expectUrl: '获取话术包的 https:// 地址',
  expectTime: '以毫秒计的时间',
  expectInstalledPack: '包含 pack、source、addedAt 和 updatedAt 的对象',
  expectUnusedId: '前面的话术包没有用过的 id（"{id}" 已经用过）',
  expectPreferences: '包含 "order" 和 "disabled" 两个话术包 id 列表的对象',
  expectPackId: '话术包 id',
  expectSites: '按主机名列出网站的对象',
  expectSiteHost: '主机名，例如 support.example.com 或 localhost:3000',
  expectSite: '包含 "enabled": true 或 false 的对象',
  expectScheme: '协议 "http" 或 "https"',
  expectSelector: '不超过 {limit} 个字符的 CSS 选择器',
  expectMyReply: '一条话术：标题、不超过 2,000 字且不含个人信息的正文、可选且不重复的快捷词，以及至少一个场景',
  expectMyReplies: '最多 {limit} 条回复的列表',

  badUrl: '"{url}" 不是网址：请粘贴以 https:// 开头的完整地址',
  insecure: '{url} 不是 HTTPS：话术包只通过 https:// 获取（http:// 仅限 localhost 和 127.0.0.1）',
  credentials: '地址里带有用户名或密码：请把话术包发布在无需登录的地址',
  timeout: '服务器 {seconds} 秒内没有响应：请检查地址或稍后再试',
  network: '连不上服务器（{detail}）：请检查地址和网络',
  status: '服务器返回 {status}：请检查地址（必须直接指向话术包文件）',
  crossHost: '地址 {from} 跳转到了另一台服务器（{to}）；话术包只从你填写的服务器获取：请使用最终地址',
  insecureRedirect: '地址 {from} 跳转到了 {to}，它不是 HTTPS；话术包会以明文传输，所以没有获取：请只通过 https:// 发布',
  hiddenRedirect:
    '地址 {from} 发生了跳转，浏览器不显示跳转目标，所以没有跟随：请在标签页中打开这个地址，使用最终停留的地址',
  tooManyRedirects: '地址 {from} 跳转超过 {limit} 次：请使用话术包的最终地址',
  badPath:
    '地址 {url} 的路径里有错误的转义（{escape}）：% 后面必须是两位十六进制数字（% 本身要写成 %25）：请重新复制地址',
  html: '这个地址返回的是网页（HTML），不是话术包：请使用原始文件的地址（例如“Raw”链接）',
  tooLarge: '话术包超过 {megabytes} MB：请拆成几个话术包',
  notUtf8: '文件不是 UTF-8 文本：请另存为 UTF-8 编码的 JSON、YAML 或 CSV',
  problems: '新版本有 {count} 个问题，继续使用上一个可用版本；第一个：{first}',
  notSubscribed: '话术包 "{id}" 不是从网址添加的，不能更新',

  policyNotObject: 'policy：应为一个包含 "packs" 和/或 "settings" 的对象',
  policyPacksNotList: 'policy packs：应为一个列表',
  policyPackDownload: '{place}（{url}）：{reason}',
  policyPackUnchanged: '{place}（{url}）：服务器返回 304，但本地没有之前的版本',
  policyPackByUrl: '{place}：按地址下发话术包时请写成 {"url": "https://…"}，不要加别的字段',
  policyPackShape: '{place}：应为话术包、JSON 文本形式的话术包或 {"url": "https://…"}，实际是 {found}',
  policyPackReserved: '{place}：话术包 id "{id}" 留给客服自己的话术；请在策略里给这个话术包换一个 id',
  policyPackProblem: '{problem}',
  policySettingsNotObject: 'policy settings：应为一个对象，例如 {"company": "ACME"}',
  policySettingString: 'policy settings.{key}：应为文本',
  policySettingBoolean: 'policy settings.{key}：应为布尔值（true 或 false）',
  policySettingRecord: 'policy settings.{key}：应为由文本组成的对象',
  policyUnknownSetting: 'policy settings.{key}：没有这项设置；可用的设置有 {known}',
  policySettingChoice: 'policy settings.{key}：应为以下之一：{choices}',
};

const LIBRARY_TEXTS_ZH_TW: LibraryTexts = {
  builtinId: 'id：話術包 id "{id}" 屬於內建話術包；請為你的話術包另取一個 id（例如 "team-{id}"）後重新匯入',
  policyId: 'id：話術包 id "{id}" 屬於管理員下發的話術包，這裡不能取代；請為你的話術包另取一個 id',
  reservedId: 'id：話術包 id "{id}" 保留給客服自己的話術；請為你的話術包另取一個 id（例如 "team-replies"）後重新匯入',
  quota: '未儲存：這個話術包需要 {needed}，但瀏覽器儲存空間只剩 {room}；請刪除不再使用的話術包，或把它拆成幾個',
  unknownPack: '話術庫裡已經沒有 "{id}"（剛被刪除了）；請重新整理頁面',
  policyLocked: '"{id}" 由管理員設定：這裡不能關閉或刪除',
  builtinRemove: '"{id}" 是內建話術包：不能刪除，只能關閉',
  idChanged: '{file} id：話術包 id 從 "{from}" 變成了 "{to}"；請保留原本的 id，或把它當作新的話術包加入',

  backupNotJson: '備份檔不是有效的 JSON（{detail}）：請選擇用「匯出全部」產生的檔案',
  backupShape: '{field}：應為{expected}；請選擇用「匯出全部」產生的檔案，不要手動修改',
  backupFormat: 'format：{found} 不是話術備份（應為 "huashu-backup" 第 1 版）；請選擇用「匯出全部」產生的檔案',
  backupPack: 'installedPacks[{index}].pack：{detail}',
  backupUrl: '{field}：{reason}',
  backupTooLong: '{field}：超過 {limit} 個字元，比話術儲存的任何內容都長；請選擇用「匯出全部」產生的檔案，不要手動修改',
  backupTooMany: '{field}：超過 {limit} 項，比話術儲存的任何內容都多；請選擇用「匯出全部」產生的檔案，不要手動修改',
  backupSourceKind:
    '{field}：應為 "file"、"paste" 或 "url"（話術包的加入方式）；備份裡不會有內建話術包。請選擇用「匯出全部」產生的檔案',
  backupQuota: '未還原：這份備份還需要 {needed}，但瀏覽器儲存空間只剩 {room}；請刪除不再使用的話術包後再還原',
  expectText: '文字',
  expectObject: '一個物件',
  expectList: '一個清單',
  expectTrueOrFalse: '布林值（true 或 false）',
  expectOneOf: '下列其中之一：{options}',
  expectVariables: '由變數名稱和文字值組成的物件',
  expectVariableName: '變數名稱，例如 shopName（英文字母、數字或 _，最多 {limit} 個字元）',
  expectSource: '含有 "kind" 的物件',
  expectFileName: '加入話術包時所用檔案的檔名',
  expectUrl: '取得話術包的 https:// 網址',
  expectTime: '以毫秒計的時間',
  expectInstalledPack: '包含 pack、source、addedAt 和 updatedAt 的物件',
  expectUnusedId: '前面的話術包沒有用過的 id（"{id}" 已經用過）',
  expectPreferences: '包含 "order" 和 "disabled" 兩個話術包 id 清單的物件',
  expectPackId: '話術包 id',
  expectSites: '依主機名稱列出網站的物件',
  expectSiteHost: '主機名稱，例如 support.example.com 或 localhost:3000',
  expectSite: '包含 "enabled": true 或 false 的物件',
  expectScheme: '協定 "http" 或 "https"',
  expectSelector: '不超過 {limit} 個字元的 CSS 選擇器',
  expectMyReply: '一則話術：標題、不超過 2,000 字且不含個人資料的內文、可選且不重複的快捷詞，以及至少一個情境',
  expectMyReplies: '最多 {limit} 則回覆的清單',

  badUrl: '"{url}" 不是網址：請貼上以 https:// 開頭的完整網址',
  insecure: '{url} 不是 HTTPS：話術包只透過 https:// 取得（http:// 僅限 localhost 和 127.0.0.1）',
  credentials: '網址裡含有使用者名稱或密碼：請把話術包發布在不需登入的網址',
  timeout: '伺服器 {seconds} 秒內沒有回應：請檢查網址或稍後再試',
  network: '連不上伺服器（{detail}）：請檢查網址和網路',
  status: '伺服器回應 {status}：請檢查網址（必須直接指向話術包檔案）',
  crossHost: '網址 {from} 轉址到另一台伺服器（{to}）；話術包只從你填寫的伺服器取得：請使用最終網址',
  insecureRedirect: '網址 {from} 轉址到 {to}，它不是 HTTPS；話術包會以明文傳輸，所以沒有取得：請只透過 https:// 發布',
  hiddenRedirect:
    '網址 {from} 發生轉址，瀏覽器不顯示轉址目標，所以沒有跟隨：請在分頁中開啟這個網址，使用最後停留的網址',
  tooManyRedirects: '網址 {from} 轉址超過 {limit} 次：請使用話術包的最終網址',
  badPath:
    '網址 {url} 的路徑裡有錯誤的跳脫序列（{escape}）：% 後面必須是兩位十六進位數字（% 本身要寫成 %25）：請重新複製網址',
  html: '這個網址回傳的是網頁（HTML），不是話術包：請使用原始檔案的網址（例如「Raw」連結）',
  tooLarge: '話術包超過 {megabytes} MB：請拆成幾個話術包',
  notUtf8: '檔案不是 UTF-8 文字：請另存為 UTF-8 編碼的 JSON、YAML 或 CSV',
  problems: '新版本有 {count} 個問題，繼續使用上一個可用版本；第一個：{first}',
  notSubscribed: '話術包 "{id}" 不是從網址加入的，無法更新',

  policyNotObject: 'policy：應為一個包含 "packs" 和/或 "settings" 的物件',
  policyPacksNotList: 'policy packs：應為一個清單',
  policyPackDownload: '{place}（{url}）：{reason}',
  policyPackUnchanged: '{place}（{url}）：伺服器回傳 304，但本機沒有先前的版本',
  policyPackByUrl: '{place}：依網址下發話術包時請寫成 {"url": "https://…"}，不要加其他欄位',
  policyPackShape: '{place}：應為話術包、JSON 文字形式的話術包或 {"url": "https://…"}，實際是 {found}',
  policyPackReserved: '{place}：話術包 id "{id}" 保留給客服自己的話術；請在政策裡為這個話術包換一個 id',
  policyPackProblem: '{problem}',
  policySettingsNotObject: 'policy settings：應為一個物件，例如 {"company": "ACME"}',
  policySettingString: 'policy settings.{key}：應為文字',
  policySettingBoolean: 'policy settings.{key}：應為布林值（true 或 false）',
  policySettingRecord: 'policy settings.{key}：應為由文字組成的物件',
  policyUnknownSetting: 'policy settings.{key}：沒有這項設定；可用的設定有 {known}',
  policySettingChoice: 'policy settings.{key}：應為以下之一：{choices}',
};

/** Small amounts in bytes, so "0 KB left" never hides that a few bytes are free. */
const byteCount =
  (unit: string) =>
  (bytes: number): string =>
    bytes < 10_240 ? `${Math.max(0, bytes)} ${unit}` : `${Math.round(bytes / 1024).toLocaleString('en')} KB`;

/** Each language's phrasings, and how it writes an amount of storage. */
export const LIBRARY_CATALOGS: Readonly<
  Record<LibraryLocale, { texts: LibraryTexts; bytes: (bytes: number) => string }>
> = {
  en: { texts: LIBRARY_TEXTS_EN, bytes: byteCount('bytes') },
  'zh-CN': { texts: LIBRARY_TEXTS_ZH_CN, bytes: byteCount('字节') },
  'zh-TW': { texts: LIBRARY_TEXTS_ZH_TW, bytes: byteCount('位元組') },
};

/** An amount of browser storage, phrased in each language ("812 bytes", "20 KB"). */
interface ByteAmount {
  readonly bytes: number;
}

/** A problem standing inside a sentence, phrased in the sentence's language; with `place`, its file, line and field too. */
interface NestedProblem {
  readonly problem: PackProblem | LibraryProblem;
  readonly place?: boolean;
}

/** A parameter: text and numbers stay as they are (they are data); amounts, problems and errors follow the language. */
export type LibraryParam = string | number | ByteAmount | NestedProblem | LibraryError;

/** What is wrong, as data: shown in a language only by describeLibraryError. */
export interface LibraryError {
  readonly code: LibraryErrorCode;
  readonly params: Readonly<Record<string, LibraryParam>>;
}

/** A problem the library finds in a file (a backup, a pack it refuses): its place like a pack problem's, and the error. */
export interface LibraryProblem {
  readonly file: string;
  readonly path?: string;
  readonly error: LibraryError;
}

export function libraryError(
  code: LibraryErrorCode,
  params: Readonly<Record<string, LibraryParam>> = {},
): LibraryError {
  return { code, params };
}

function describeParam(value: LibraryParam, locale: LibraryLocale): string {
  if (typeof value !== 'object') return String(value);
  if ('code' in value) return describeLibraryError(value, locale);
  if ('bytes' in value) return LIBRARY_CATALOGS[locale].bytes(value.bytes);
  const shown = describeProblem(value.problem, locale);
  return value.place ? formatProblemIn(shown, locale) : problemMessage(shown, locale);
}

/** An error's text in `locale`; "{name}" is filled in one pass, so a value holding braces stays as it is. */
export function describeLibraryError(error: LibraryError, locale: LibraryLocale): string {
  return fillTemplate(LIBRARY_CATALOGS[locale].texts[error.code], (name) => {
    const value = Object.hasOwn(error.params, name) ? error.params[name] : undefined;
    return value === undefined ? undefined : describeParam(value, locale);
  });
}

/**
 * A problem of a pack or of the library as the options page lists pack problems: a library problem gets its message
 * in `locale`; a pack problem stays as it is (it is phrased from its code where it is shown).
 */
export function describeProblem(problem: PackProblem | LibraryProblem, locale: LibraryLocale): PackProblem {
  if (!('error' in problem)) return problem;
  const { file, path, error } = problem;
  return { file, ...(path === undefined ? {} : { path }), message: describeLibraryError(error, locale) };
}
