// Pack problems in the interface language: the zh-CN and zh-TW phrasings of every problem code, and the function that picks one.
//
// Plain data beside the English catalog (errors.ts), outside pack-load so that the content script, which only loads
// packs that were already checked, does not carry these texts. Field names, ids and values stay as they are: they
// are data, and the lead types them back into the file as written.
import { PACK_PROBLEMS_EN, PACK_TERMS_EN, fillPhrasing, type ProblemCatalog, type ProblemTerms } from './errors.ts';
import type { PackProblem } from './types.ts';

export type ProblemLocale = 'en' | 'zh-CN' | 'zh-TW';

const PACK_PROBLEMS_ZH_CN: ProblemCatalog = {
  empty: '文件是空的：话术包是一个 JSON 对象，包含 schemaVersion、id、name、version 和 locale',
  tooLarge: '文件有 {size} MB，超过了 {limit} MB 的上限：请拆成几个话术包',
  binary: '文件里有二进制数据，或者不是 UTF-8 文本：请另存为 UTF-8 编码的 JSON、YAML 或 CSV',
  unknownFormat: '无法判断 {file} 是什么格式：请使用 .json、.yaml、.yml 或 .csv 文件',
  moreProblems: '……还有 {more} 个问题没有列出：请先改正上面的问题，再检查一次',

  jsonInvalidEscape: 'JSON 语法错误：字符串里有无效的转义字符：请检查反斜杠 \\ 的写法',
  jsonStringPastLine: 'JSON 语法错误：字符串到行尾还没结束（是不是少了右引号？）',
  jsonControlChar: 'JSON 语法错误：字符串里有控制字符（比如制表符）：请写成 \\t 或删掉',
  jsonStringNotClosed: 'JSON 语法错误：字符串没有结束（缺少右引号）',
  jsonTooDeep: 'JSON 语法错误：嵌套超过 {limit} 层：话术包最多只有几层',
  jsonExpectedFieldName: 'JSON 语法错误：这里应该是带引号的字段名，却遇到了{found}',
  jsonDuplicateKey: 'JSON 语法错误：字段 "{key}" 在同一个对象里出现了两次（第一次在第 {firstLine} 行）：请只保留一个',
  jsonExpectedColon: 'JSON 语法错误："{key}" 后面应该是 ":"，却遇到了{found}',
  jsonExpectedCommaOrBrace: 'JSON 语法错误：这里应该是 "," 或 "}"，却遇到了{found}',
  jsonExpectedCommaOrBracket: 'JSON 语法错误：这里应该是 "," 或 "]"，却遇到了{found}',
  jsonExpectedValue: 'JSON 语法错误：这里应该是一个值，却遇到了{found}',
  jsonTrailing: 'JSON 语法错误：话术包结束后还多出了 {found}',

  yamlSyntax: 'YAML 语法错误：{detail}',
  yamlDuplicateKey: 'YAML 语法错误：同一层里有重复的键，请只保留一个（{detail}）',
  yamlIndent: 'YAML 语法错误：缩进不对，同一层的条目要左对齐（{detail}）',
  yamlMissingChar: 'YAML 语法错误：缺少结尾的引号或括号（{detail}）',
  yamlTab: 'YAML 语法错误：不能用制表符缩进，请改用空格（{detail}）',

  csvSyntax: 'CSV 格式错误：{detail}',
  csvMissingQuotes: 'CSV 格式错误：带引号的单元格没有结束，请补上右引号（{detail}）',
  csvTooFewFields: 'CSV 格式错误：这一行的列数比表头少（{detail}）',
  csvTooManyFields: 'CSV 格式错误：这一行的列数比表头多，单元格里的逗号要用引号括起来（{detail}）',
  csvUnknownColumn: '不认识的列 "{column}"：可用的列有 {columns}',
  csvKind: 'kind 列的值 "{value}" 无效：应为 meta、scenario、stage、reply 或 rule',
  csvParent: '话术 "{id}" 的 parent 是 "{parent}"，但这个文件里没有这个场景或阶段',

  notAnObject: '话术包必须是一个对象，包含 schemaVersion、id、name、version 和 locale',
  unsupportedVersion: '不支持 schemaVersion {found}；当前版本只能读取 {supported}：请写成 "schemaVersion": {supported}',
  forbiddenKey: '话术包里不能使用键 "{key}"（它可能改变对象的行为）：请改名或删掉',
  unknownKey: '不认识的字段 "{key}"：请对照 docs/packs.md 检查拼写',
  tooDeep: '嵌套超过 {limit} 层：话术包最多只有几层',
  tooManyPhrases:
    '一个话术包里有 {count} 条短语（triggers、examples 和 patterns），超过了 {limit} 条的上限：请拆分话术包',
  required: '缺少这个必填字段',
  wrongType: '应为 {expected}，实际是 {received}',
  textEmpty: '不能为空',
  textTooLong: '超过了 {limit} 个字符',
  tooManyItems: '超过了 {limit} 项',
  idFormat: 'id 只能用字母、数字、"."、"_" 和 "-"，并以字母或数字开头',
  idTooLong: 'id 最多 {limit} 个字符',
  rewritePlaceholder: '改写里只能用 {options}（带花括号）',
  fixedNotMatch: '“fixed”里的每条草稿都必须是这条规则“match”里的草稿，一字不差',
  shortcutFormat: '快捷词是一个不超过 20 个字母或数字的词（也可以用 "."、"_"、"-"），例如 "tks" 或 "退1"',
  duplicateShortcut: '快捷词 "{shortcut}" 已经是 {first} 的快捷词：每条回复要用不同的快捷词',
  mergeValue: 'merge 只能是 "extend" 或 "replace"',
  category: 'category 只能是其中之一：{options}',
  severity: 'severity 只能是其中之一：{options}',
  audienceSite: '站点写主机名，例如 support.example.com，或用 *.example.com 表示它的所有子域名',
  checklistKind: '质检项的 kind 只能是其中之一：{options}',
  checklistWhen: '"when" 只能是其中之一：{options}',
  checklistPoints: '分数是 0 到 100 的整数',
  checklistSeconds: '"seconds" 是 1 到 86400 的整数',
  checklistNeeds: '"{kind}" 类的质检项需要填写 "{field}"',
  sensitiveKind: 'sensitive 的类型只能是：{options}',
  localeFormat: 'locale 应为语言代码，例如 zh-CN、zh-TW 或 en',
  variableName: '变量名只能用字母、数字和 "_"',
  schemaOther: '格式不对：{detail}',
  duplicateId: '{kind} id "{id}" 重复了（第一次出现在 {first}）：id 不能重复',
  duplicatePattern: '这条规则里短语 "{pattern}" 出现了两次：请删掉一个',
  unknownVariable: '未知变量 {{name}}：请使用 {known} 之一，或在 "variables" 里声明它',
  ellipsisBlank:
    '提醒："{blank}" 表示要填写的内容；请改写成填空字段，例如 [[天数]] 或 [[天数:3]]（插入后会自动选中，没填的草稿不会被发送）',
  ruleNeedsPatterns: '规则需要 "patterns"（要查找的短语）或 "sensitive"（要查找的个人信息类型）',
  emptyPattern: '这条短语去掉空格和标点后是空的：请删掉',
  patternTooLong: '这条规则写了 {found} 个字符，超过了 {limit} 个字符的上限：请拆成几条',
  patternUnclosedGroup: '第 {at} 个字符处的 "(" 没有闭合：请补上 ")"，要表示括号本身请写 \\(',
  patternUnopenedGroup:
    '第 {at} 个字符处的 "{found}" 不属于任何括号组：请写成 (甲|乙)，要表示这个字符本身请写 \\{found}',
  patternEmptyAlternative: '第 {at} 个字符处有一个空的选项：请写成 (甲|乙)，可省略的部分写成 (甲)?',
  patternTooManyAlternatives: '第 {at} 个字符处的括号组超过了 {limit} 个选项：请改用词类 <名称>，或拆成几条',
  patternTooDeep: '第 {at} 个字符处的括号嵌套超过 {limit} 层：请写得简单一些或拆成几条',
  patternBadGap: '第 {at} 个字符处的间隔要写成 {最少,最多}，例如 {0,8}；单独一个 … 表示最多 6 个字',
  patternGapTooWide: '第 {at} 个字符处的间隔允许 {found} 个字，超过了 {limit} 的上限：请写小一些',
  patternTooManyGaps: '一条规则里的间隔超过 {limit} 个：请拆成几条',
  patternGapAtEdge: '规则以间隔开头或结尾（第 {at} 个字符）：间隔要放在两段文字之间',
  patternUnclosedClass: '第 {at} 个字符处的词类要写成 <名称>（字母、数字、"_" 或 "-"）；要表示 < 本身请写 \\<',
  patternUnknownClass: '第 {at} 个字符处的词类 <{name}> 没有定义：请在 "classes" 里定义，或使用 {known}',
  patternTooManyExpansions: '这条规则展开后超过 {limit} 种说法：请用间隔 … 代替很长的选项，或拆成几条',
  patternDanglingEscape: '规则末尾的 "\\" 没有转义任何字符：请删掉，要表示反斜杠本身请写 \\\\',
  patternEmpty: '这条规则去掉空格、标点和可省略部分后是空的：请删掉',
  tooManyClasses: '一个话术包里的词类超过 {limit} 个：请合并一些',
  classTooLarge: '词类 "{name}" 超过 {limit} 个成员：请拆开',
  classMember: '词类成员是 1 到 {limit} 个字的普通文字',
};

const PACK_PROBLEMS_ZH_TW: ProblemCatalog = {
  empty: '檔案是空的：話術包是一個 JSON 物件，包含 schemaVersion、id、name、version 和 locale',
  tooLarge: '檔案有 {size} MB，超過 {limit} MB 的上限：請拆成幾個話術包',
  binary: '檔案含有二進位資料，或不是 UTF-8 文字：請另存為 UTF-8 編碼的 JSON、YAML 或 CSV',
  unknownFormat: '無法判斷 {file} 是什麼格式：請使用 .json、.yaml、.yml 或 .csv 檔案',
  moreProblems: '……還有 {more} 個問題沒有列出：請先修正上面的問題，再檢查一次',

  jsonInvalidEscape: 'JSON 語法錯誤：字串裡有無效的跳脫字元：請檢查反斜線 \\ 的寫法',
  jsonStringPastLine: 'JSON 語法錯誤：字串到行尾還沒結束（是不是少了右引號？）',
  jsonControlChar: 'JSON 語法錯誤：字串裡有控制字元（例如 Tab）：請寫成 \\t 或刪除',
  jsonStringNotClosed: 'JSON 語法錯誤：字串沒有結束（缺少右引號）',
  jsonTooDeep: 'JSON 語法錯誤：巢狀超過 {limit} 層：話術包最多只有幾層',
  jsonExpectedFieldName: 'JSON 語法錯誤：這裡應該是加上引號的欄位名稱，卻遇到{found}',
  jsonDuplicateKey: 'JSON 語法錯誤：欄位 "{key}" 在同一個物件裡出現兩次（第一次在第 {firstLine} 行）：請只保留一個',
  jsonExpectedColon: 'JSON 語法錯誤："{key}" 後面應該是 ":"，卻遇到{found}',
  jsonExpectedCommaOrBrace: 'JSON 語法錯誤：這裡應該是 "," 或 "}"，卻遇到{found}',
  jsonExpectedCommaOrBracket: 'JSON 語法錯誤：這裡應該是 "," 或 "]"，卻遇到{found}',
  jsonExpectedValue: 'JSON 語法錯誤：這裡應該是一個值，卻遇到{found}',
  jsonTrailing: 'JSON 語法錯誤：話術包結束後還多出 {found}',

  yamlSyntax: 'YAML 語法錯誤：{detail}',
  yamlDuplicateKey: 'YAML 語法錯誤：同一層裡有重複的鍵，請只保留一個（{detail}）',
  yamlIndent: 'YAML 語法錯誤：縮排不對，同一層的項目要靠左對齊（{detail}）',
  yamlMissingChar: 'YAML 語法錯誤：缺少結尾的引號或括號（{detail}）',
  yamlTab: 'YAML 語法錯誤：不能用 Tab 縮排，請改用空白（{detail}）',

  csvSyntax: 'CSV 格式錯誤：{detail}',
  csvMissingQuotes: 'CSV 格式錯誤：加上引號的儲存格沒有結束，請補上右引號（{detail}）',
  csvTooFewFields: 'CSV 格式錯誤：這一筆資料的欄位比標題列少（{detail}）',
  csvTooManyFields: 'CSV 格式錯誤：這一筆資料的欄位比標題列多，儲存格裡的逗號要用引號括起來（{detail}）',
  csvUnknownColumn: '無法辨識的欄位 "{column}"：可用的欄位有 {columns}',
  csvKind: 'kind 欄位的值 "{value}" 無效：應為 meta、scenario、stage、reply 或 rule',
  csvParent: '話術 "{id}" 的 parent 是 "{parent}"，但這個檔案裡沒有這個場景或階段',

  notAnObject: '話術包必須是一個物件，包含 schemaVersion、id、name、version 和 locale',
  unsupportedVersion:
    '不支援 schemaVersion {found}；目前的版本只能讀取 {supported}：請設定為 "schemaVersion": {supported}',
  forbiddenKey: '話術包裡不能使用鍵 "{key}"（它可能改變物件的行為）：請重新命名或移除',
  unknownKey: '無法辨識的欄位 "{key}"：請對照 docs/packs.md 檢查拼字',
  tooDeep: '巢狀超過 {limit} 層：話術包最多只有幾層',
  tooManyPhrases:
    '一個話術包裡有 {count} 個詞句（triggers、examples 和 patterns），超過 {limit} 個的上限：請拆分話術包',
  required: '缺少這個必填欄位',
  wrongType: '應為 {expected}，實際是 {received}',
  textEmpty: '不能空白',
  textTooLong: '超過 {limit} 個字元',
  tooManyItems: '超過 {limit} 項',
  idFormat: 'id 只能使用英文字母、數字、"."、"_" 和 "-"，並以字母或數字開頭',
  idTooLong: 'id 最多 {limit} 個字元',
  rewritePlaceholder: '改寫裡只能用 {options}（帶花括號）',
  fixedNotMatch: '「fixed」裡的每則草稿都必須是這條規則「match」裡的草稿，一字不差',
  shortcutFormat: '快捷詞是一個不超過 20 個英文字母或數字的詞（也可以用 "."、"_"、"-"），例如 "tks" 或 "退1"',
  duplicateShortcut: '快捷詞 "{shortcut}" 已經是 {first} 的快捷詞：每則回覆要用不同的快捷詞',
  mergeValue: 'merge 只能是 "extend" 或 "replace"',
  category: 'category 必須是下列其中之一：{options}',
  severity: 'severity 必須是下列其中之一：{options}',
  audienceSite: '網站請寫主機名稱，例如 support.example.com，或用 *.example.com 表示它的所有子網域',
  checklistKind: '質檢項目的 kind 必須是下列其中之一：{options}',
  checklistWhen: '"when" 必須是下列其中之一：{options}',
  checklistPoints: '分數是 0 到 100 的整數',
  checklistSeconds: '"seconds" 是 1 到 86400 的整數',
  checklistNeeds: '「{kind}」類的質檢項目需要填寫 "{field}"',
  sensitiveKind: 'sensitive 的類型只能是：{options}',
  localeFormat: 'locale 應為語言代碼，例如 zh-CN、zh-TW 或 en',
  variableName: '變數名稱只能使用英文字母、數字和 "_"',
  schemaOther: '格式不對：{detail}',
  duplicateId: '{kind} id "{id}" 重複了（第一次出現在 {first}）：id 不能重複',
  duplicatePattern: '這條規則裡的詞句 "{pattern}" 出現了兩次：請刪除一個',
  unknownVariable: '無法辨識的變數 {{name}}：請使用 {known} 其中之一，或在 "variables" 底下宣告',
  ellipsisBlank:
    '提醒：「{blank}」表示要填寫的內容；請改寫成填空欄位，例如 [[天數]] 或 [[天數:3]]（插入後會自動選取，沒填的草稿不會送出）',
  ruleNeedsPatterns: '規則需要 "patterns"（要尋找的詞句）或 "sensitive"（要尋找的個人資料類型）',
  emptyPattern: '這個詞句去掉空白和標點後是空的：請刪除',
  patternTooLong: '這條規則寫了 {found} 個字元，超過了 {limit} 個字元的上限：請拆成幾條',
  patternUnclosedGroup: '第 {at} 個字元處的 "(" 沒有閉合：請補上 ")"，要表示括號本身請寫 \\(',
  patternUnopenedGroup:
    '第 {at} 個字元處的 "{found}" 不屬於任何括號組：請寫成 (甲|乙)，要表示這個字元本身請寫 \\{found}',
  patternEmptyAlternative: '第 {at} 個字元處有一個空的選項：請寫成 (甲|乙)，可省略的部分寫成 (甲)?',
  patternTooManyAlternatives: '第 {at} 個字元處的括號組超過了 {limit} 個選項：請改用詞類 <名稱>，或拆成幾條',
  patternTooDeep: '第 {at} 個字元處的括號巢狀超過 {limit} 層：請寫得簡單一些或拆成幾條',
  patternBadGap: '第 {at} 個字元處的間隔要寫成 {最少,最多}，例如 {0,8}；單獨一個 … 表示最多 6 個字',
  patternGapTooWide: '第 {at} 個字元處的間隔允許 {found} 個字，超過了 {limit} 的上限：請寫小一些',
  patternTooManyGaps: '一條規則裡的間隔超過 {limit} 個：請拆成幾條',
  patternGapAtEdge: '規則以間隔開頭或結尾（第 {at} 個字元）：間隔要放在兩段文字之間',
  patternUnclosedClass: '第 {at} 個字元處的詞類要寫成 <名稱>（字母、數字、"_" 或 "-"）；要表示 < 本身請寫 \\<',
  patternUnknownClass: '第 {at} 個字元處的詞類 <{name}> 沒有定義：請在 "classes" 裡定義，或使用 {known}',
  patternTooManyExpansions: '這條規則展開後超過 {limit} 種說法：請用間隔 … 代替很長的選項，或拆成幾條',
  patternDanglingEscape: '規則末尾的 "\\" 沒有轉義任何字元：請刪掉，要表示反斜槓本身請寫 \\\\',
  patternEmpty: '這條規則去掉空格、標點和可省略部分後是空的：請刪掉',
  tooManyClasses: '一個話術包裡的詞類超過 {limit} 個：請合併一些',
  classTooLarge: '詞類 "{name}" 超過 {limit} 個成員：請拆開',
  classMember: '詞類成員是 1 到 {limit} 個字的普通文字',
};

export const PACK_PROBLEM_CATALOGS: Readonly<
  Record<ProblemLocale, { phrasings: ProblemCatalog; terms: ProblemTerms }>
> = {
  en: { phrasings: PACK_PROBLEMS_EN, terms: PACK_TERMS_EN },
  'zh-CN': {
    phrasings: PACK_PROBLEMS_ZH_CN,
    terms: { endOfFile: '文件末尾', kinds: { scenario: '场景', stage: '阶段', reply: '话术', rule: '规则' } },
  },
  'zh-TW': {
    phrasings: PACK_PROBLEMS_ZH_TW,
    terms: { endOfFile: '檔案結尾', kinds: { scenario: '場景', stage: '階段', reply: '話術', rule: '規則' } },
  },
};

/** A problem's message in `locale`; a problem made outside the engine (no code) keeps the message it was made with. */
export function problemMessage(problem: PackProblem, locale: ProblemLocale): string {
  if (problem.code === undefined || locale === 'en') return problem.message;
  const { phrasings, terms } = PACK_PROBLEM_CATALOGS[locale];
  return fillPhrasing(phrasings[problem.code], problem.params ?? {}, terms);
}

/** "team.json:12:7 scenarios[3].title: message", the message in `locale` (Chinese takes a full-width colon after the field). */
export function formatProblemIn(problem: PackProblem, locale: ProblemLocale): string {
  const place =
    problem.line !== undefined
      ? `${problem.file}:${problem.line}${problem.column !== undefined ? `:${problem.column}` : ''}`
      : problem.file;
  const colon = locale === 'en' ? ': ' : '：';
  return `${place} ${problem.path ? `${problem.path}${colon}` : ''}${problemMessage(problem, locale)}`;
}
