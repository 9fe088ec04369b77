// Every text the huashu command prints to people: usage, errors and summaries, per language (zh-CN, zh-TW, en).
//
// A text is a code and its parameters; its phrasing per language is plain text in which "{name}" stands for a
// parameter. The command picks its language once, from the environment (cliLocale), and passes it to describeCli.
import {
  formatProblemIn,
  groupDigits,
  MAX_LISTED_PROBLEMS,
  MAX_PACK_BYTES,
  type ProblemLocale,
} from '../engine/packs.ts';
import { fillTemplate, MAX_INPUT_LINE_CHARS } from '../engine/index.ts';
import type { PackProblem } from '../engine/types.ts';

export type CliLocale = ProblemLocale;

const CLI_TEXTS_EN = {
  usage: `huashu — standard replies and draft warnings for live-chat agents, on the command line

Usage:
  huashu detect [--pack FILE]… [--top N] [INPUT…]
                                             one customer message per line in (text or {"text": …}), one JSON line out
  huashu lint [--pack FILE]… [INPUT…]        one agent draft per line in, its findings out
  huashu pack validate FILE…                 every problem of each pack, with file:line:column and field
  huashu pack convert FILE [-o OUT]          a .csv, .yaml/.yml or .json pack to formatted JSON
  huashu pack test FILE --cases CASES.jsonl [--min-accuracy 0.9] [--with-defaults]
                                             accuracy on labelled cases ({"text": …, "expect": "scenario id" | "none"
                                             | ["category", …]} a line); --with-defaults adds the built-in packs under
                                             yours, as agents have them; exit 1 below the threshold

detect and lint read each INPUT file in turn, or standard input without INPUT or for "-". --top is a whole number
from 1 (default 3); --min-accuracy is a fraction from 0 to 1 (default 0.9).
A line longer than {maxLine} characters is checked up to its first {maxLine}, with a notice on stderr naming the line;
a line that is not UTF-8 is named on stderr and answered with {"line": N, "error": "not UTF-8 text"} (exit 1).
Without --pack, detect and lint use the built-in packs (zh-CN, zh-TW, en); with --pack, only the packs given, in order
(a later pack extends or overrides an earlier one).
Packs, cases and INPUT files are regular files (pipe anything else into standard input); packs and cases at most {maxMb} MB.
A pack with more than {maxListed} problems has its first {maxListed} listed, then their count.
Messages follow LC_ALL, LC_MESSAGES or LANG (zh_CN: simplified Chinese; zh_TW, zh_HK: traditional Chinese; else English).
Exit codes: 0 fine, 1 bad input or a failed check, 2 wrong usage.`,

  unknownCommand: 'huashu: unknown command "{command}". Run "huashu --help" for the commands.',
  unknownOption: 'huashu {command}: unknown option "{option}". Run "huashu --help".',
  missingValue: 'huashu: {option} needs a value.',
  badTop: 'huashu: --top takes a whole number from 1 (how many scenarios to list), not "{value}".',
  badAccuracy: 'huashu: --min-accuracy takes a number from 0 to 1 (0.9 means 90 % of the cases), not "{value}".',
  noFiles: 'huashu {command}: name at least one pack file.',
  unreadable: 'huashu: cannot read {file}: {reason}',
  packInvalidOne: 'huashu: {file} is not a valid pack (1 problem).',
  packInvalid: 'huashu: {file} is not a valid pack ({count} problems).',
  casesMissing: 'huashu pack test: give the labelled cases with --cases CASES.jsonl.',
  badCase: 'huashu: {file}:{line}: {reason}',
  caseNotJson: 'not a JSON object',
  caseShape: 'a case is {"text": …, "expect": "scenario id" | "none" | ["category", …]}',
  belowThreshold: 'huashu pack test: accuracy {accuracy} is below the threshold {threshold}.',
  notUtf8: 'huashu {command}: {where} is not UTF-8 text: save the input as UTF-8 and run again',
  lineCut: 'huashu {command}: {where} is {length} characters long: only its first {limit} characters were checked',
  unexpected: 'huashu: unexpected error: {message}. Please report it with the command you ran.',

  // Why a file cannot be read, after "cannot read FILE: "; {file} names the kind of file the command wanted.
  readMissing: 'no such file',
  readFolder: 'it is a folder: name {file} inside it',
  readLoop: 'a symbolic link that leads back to itself: point it at {file}',
  readDenied: 'permission denied',
  readNotFolderOnPath: 'a part of its path is a file, not a folder',
  readNotRegularInput:
    'it is not a regular file (a pipe, device or socket): send it to standard input instead (… | huashu lint)',
  readNotRegular: 'it is not a regular file (a pipe, device or socket): save it to a file and name that file',
  readOther: 'the system refused to open it ({code})',
  filePack: 'the pack file',
  fileCases: 'the cases file',
  fileInput: 'the file',

  valid: 'ok {file} ({scenarios} scenarios, {replies} replies, {rules} rules)',
  wrote: 'wrote {file}',
  // Where an input line is, in notices.
  stdinLine: 'line {line} of standard input',
  fileLine: '{file}:{line}',
  // One failed case of `pack test`, with its place so a lead can open it.
  caseFailed: '{file}:{line}: expected {expected}, got {got}: {text}',
  // The table `pack test` prints (Markdown); the rows are scenario ids and rule categories.
  tableHead: '| cases | right | total | accuracy |',
  tableAll: '**all**',
  // Which packs `pack test` read, highest priority first, so a lead knows what the figures are of.
  testedWith: 'Tested with: {packs}',
  builtinPacks: 'the built-in packs',
} as const;

export type CliTextCode = keyof typeof CLI_TEXTS_EN;
type CliTexts = Record<CliTextCode, string>;

const CLI_TEXTS_ZH_CN: CliTexts = {
  usage: `huashu —— 在命令行里为在线客服提供标准话术和草稿提醒

用法：
  huashu detect [--pack 文件]… [--top N] [输入…]
                                             每行一条客户消息（文本或 {"text": …}），每行输出一个 JSON
  huashu lint [--pack 文件]… [输入…]         每行一条客服草稿，输出它的提醒
  huashu pack validate 文件…                 列出每个话术包的所有问题，带 文件:行:列 和字段
  huashu pack convert 文件 [-o 输出]          把 .csv、.yaml/.yml 或 .json 话术包转成格式化的 JSON
  huashu pack test 文件 --cases 用例.jsonl [--min-accuracy 0.9] [--with-defaults]
                                             在标注好的用例上计算准确率（每行 {"text": …, "expect": "场景 id" | "none"
                                             | ["类别", …]}）；--with-defaults 把内置话术包放在您的话术包之下，和客服用的
                                             一样；低于阈值时退出码为 1

detect 和 lint 依次读取每个输入文件；没有输入文件或写成 "-" 时读取标准输入。--top 是从 1 开始的整数
（默认 3）；--min-accuracy 是 0 到 1 之间的小数（默认 0.9）。
超过 {maxLine} 个字符的行只检查前 {maxLine} 个字符，并在 stderr 上指出是哪一行；
不是 UTF-8 的行会在 stderr 上指出，并输出 {"line": N, "error": "not UTF-8 text"}（退出码 1）。
不带 --pack 时，detect 和 lint 使用内置话术包（zh-CN、zh-TW、en）；带 --pack 时只按顺序使用给出的话术包
（后面的话术包扩展或覆盖前面的）。
话术包、用例和输入文件必须是普通文件（其他来源请通过管道接到标准输入）；话术包和用例最大 {maxMb} MB。
话术包的问题超过 {maxListed} 个时，只列出前 {maxListed} 个，再给出总数。
提示语言跟随 LC_ALL、LC_MESSAGES 或 LANG（zh_CN：简体中文；zh_TW、zh_HK：繁体中文；其他：英文）。
退出码：0 正常，1 输入有误或检查未通过，2 用法错误。`,

  unknownCommand: 'huashu：没有 "{command}" 这个命令。运行 "huashu --help" 查看所有命令。',
  unknownOption: 'huashu {command}：没有 "{option}" 这个选项。请运行 "huashu --help"。',
  missingValue: 'huashu：{option} 后面需要一个值。',
  badTop: 'huashu：--top 需要一个从 1 开始的整数（列出几个场景），而不是 "{value}"。',
  badAccuracy: 'huashu：--min-accuracy 需要一个 0 到 1 之间的数（0.9 表示 90 % 的用例），而不是 "{value}"。',
  noFiles: 'huashu {command}：请至少给出一个话术包文件。',
  unreadable: 'huashu：无法读取 {file}：{reason}',
  packInvalidOne: 'huashu：{file} 不是有效的话术包（1 个问题）。',
  packInvalid: 'huashu：{file} 不是有效的话术包（{count} 个问题）。',
  casesMissing: 'huashu pack test：请用 --cases 用例.jsonl 给出标注好的用例。',
  badCase: 'huashu：{file}:{line}：{reason}',
  caseNotJson: '不是 JSON 对象',
  caseShape: '用例的格式是 {"text": …, "expect": "场景 id" | "none" | ["类别", …]}',
  belowThreshold: 'huashu pack test：准确率 {accuracy} 低于阈值 {threshold}。',
  notUtf8: 'huashu {command}：{where} 不是 UTF-8 文本：请把输入另存为 UTF-8 后再运行',
  lineCut: 'huashu {command}：{where} 有 {length} 个字符：只检查了前 {limit} 个字符',
  unexpected: 'huashu：意外错误：{message}。请连同你运行的命令一起报告这个问题。',

  readMissing: '文件不存在',
  readFolder: '这是一个文件夹：请指定其中的{file}',
  readLoop: '这个符号链接又指回了它自己：请让它指向{file}',
  readDenied: '没有读取权限',
  readNotFolderOnPath: '路径中的某一部分是文件，不是文件夹',
  readNotRegularInput: '这不是普通文件（而是管道、设备或套接字）：请改为接到标准输入（… | huashu lint）',
  readNotRegular: '这不是普通文件（而是管道、设备或套接字）：请先保存成文件，再指定那个文件',
  readOther: '系统拒绝打开它（{code}）',
  filePack: '话术包文件',
  fileCases: '用例文件',
  fileInput: '文件',

  valid: 'ok {file}（{scenarios} 个场景，{replies} 条话术，{rules} 条规则）',
  wrote: '已写入 {file}',
  stdinLine: '标准输入的第 {line} 行',
  fileLine: '{file}:{line}',
  caseFailed: '{file}:{line}：应为 {expected}，实际是 {got}：{text}',
  tableHead: '| 用例 | 正确 | 总数 | 准确率 |',
  tableAll: '**全部**',
  testedWith: '测试用的话术包：{packs}',
  builtinPacks: '内置话术包',
};

const CLI_TEXTS_ZH_TW: CliTexts = {
  usage: `huashu —— 在命令列裡為線上客服提供標準話術和草稿提醒

用法：
  huashu detect [--pack 檔案]… [--top N] [輸入…]
                                             每行一則客戶訊息（文字或 {"text": …}），每行輸出一個 JSON
  huashu lint [--pack 檔案]… [輸入…]         每行一則客服草稿，輸出它的提醒
  huashu pack validate 檔案…                 列出每個話術包的所有問題，附上 檔案:行:欄 和欄位
  huashu pack convert 檔案 [-o 輸出]          把 .csv、.yaml/.yml 或 .json 話術包轉成格式化的 JSON
  huashu pack test 檔案 --cases 案例.jsonl [--min-accuracy 0.9] [--with-defaults]
                                             在標註好的案例上計算準確率（每行 {"text": …, "expect": "情境 id" | "none"
                                             | ["類別", …]}）；--with-defaults 把內建話術包放在您的話術包之下，和客服用的
                                             一樣；低於門檻時結束代碼為 1

detect 和 lint 依序讀取每個輸入檔案；沒有輸入檔案或寫成 "-" 時讀取標準輸入。--top 是從 1 開始的整數
（預設 3）；--min-accuracy 是 0 到 1 之間的小數（預設 0.9）。
超過 {maxLine} 個字元的行只檢查前 {maxLine} 個字元，並在 stderr 上指出是哪一行；
不是 UTF-8 的行會在 stderr 上指出，並輸出 {"line": N, "error": "not UTF-8 text"}（結束代碼 1）。
不加 --pack 時，detect 和 lint 使用內建話術包（zh-CN、zh-TW、en）；加上 --pack 時只依序使用給定的話術包
（後面的話術包擴充或覆寫前面的）。
話術包、案例和輸入檔案必須是一般檔案（其他來源請透過管線接到標準輸入）；話術包和案例最大 {maxMb} MB。
話術包的問題超過 {maxListed} 個時，只列出前 {maxListed} 個，再列出總數。
提示語言依照 LC_ALL、LC_MESSAGES 或 LANG（zh_CN：簡體中文；zh_TW、zh_HK：繁體中文；其他：英文）。
結束代碼：0 正常，1 輸入有誤或檢查未通過，2 用法錯誤。`,

  unknownCommand: 'huashu：沒有 "{command}" 這個指令。執行 "huashu --help" 查看所有指令。',
  unknownOption: 'huashu {command}：沒有 "{option}" 這個選項。請執行 "huashu --help"。',
  missingValue: 'huashu：{option} 後面需要一個值。',
  badTop: 'huashu：--top 需要一個從 1 開始的整數（列出幾個場景），而不是 "{value}"。',
  badAccuracy: 'huashu：--min-accuracy 需要一個 0 到 1 之間的數（0.9 表示 90 % 的案例），而不是 "{value}"。',
  noFiles: 'huashu {command}：請至少指定一個話術包檔案。',
  unreadable: 'huashu：無法讀取 {file}：{reason}',
  packInvalidOne: 'huashu：{file} 不是有效的話術包（1 個問題）。',
  packInvalid: 'huashu：{file} 不是有效的話術包（{count} 個問題）。',
  casesMissing: 'huashu pack test：請用 --cases 案例.jsonl 指定標註好的案例。',
  badCase: 'huashu：{file}:{line}：{reason}',
  caseNotJson: '不是 JSON 物件',
  caseShape: '案例的格式是 {"text": …, "expect": "場景 id" | "none" | ["類別", …]}',
  belowThreshold: 'huashu pack test：準確率 {accuracy} 低於門檻 {threshold}。',
  notUtf8: 'huashu {command}：{where} 不是 UTF-8 文字：請把輸入另存為 UTF-8 後再執行',
  lineCut: 'huashu {command}：{where} 有 {length} 個字元：只檢查了前 {limit} 個字元',
  unexpected: 'huashu：非預期的錯誤：{message}。請連同你執行的指令一起回報這個問題。',

  readMissing: '檔案不存在',
  readFolder: '這是一個資料夾：請指定其中的{file}',
  readLoop: '這個符號連結又指回了它自己：請讓它指向{file}',
  readDenied: '沒有讀取權限',
  readNotFolderOnPath: '路徑中的某一部分是檔案，不是資料夾',
  readNotRegularInput: '這不是一般檔案（而是管線、裝置或通訊端）：請改為接到標準輸入（… | huashu lint）',
  readNotRegular: '這不是一般檔案（而是管線、裝置或通訊端）：請先存成檔案，再指定那個檔案',
  readOther: '系統拒絕開啟它（{code}）',
  filePack: '話術包檔案',
  fileCases: '案例檔案',
  fileInput: '檔案',

  valid: 'ok {file}（{scenarios} 個場景，{replies} 則話術，{rules} 條規則）',
  wrote: '已寫入 {file}',
  stdinLine: '標準輸入的第 {line} 行',
  fileLine: '{file}:{line}',
  caseFailed: '{file}:{line}：應為 {expected}，實際是 {got}：{text}',
  tableHead: '| 案例 | 正確 | 總數 | 準確率 |',
  tableAll: '**全部**',
  testedWith: '測試用的話術包：{packs}',
  builtinPacks: '內建話術包',
};

export const CLI_CATALOGS: Readonly<Record<CliLocale, CliTexts>> = {
  en: CLI_TEXTS_EN,
  'zh-CN': CLI_TEXTS_ZH_CN,
  'zh-TW': CLI_TEXTS_ZH_TW,
};

/** A parameter: text and numbers stay as they are; a nested text follows the language. */
export type CliParam = string | number | CliText;

/** A text as data: shown in a language only by describeCli. */
export interface CliText {
  readonly code: CliTextCode;
  readonly params: Readonly<Record<string, CliParam>>;
}

export function cliText(code: CliTextCode, params: Readonly<Record<string, CliParam>> = {}): CliText {
  return { code, params };
}

/** A text in `locale`; "{name}" is filled in one pass, so a value holding braces stays as it is. */
export function describeCli(text: CliText, locale: CliLocale): string {
  return fillTemplate(CLI_CATALOGS[locale][text.code], (name) => {
    const value = Object.hasOwn(text.params, name) ? text.params[name] : undefined;
    if (value === undefined) return undefined;
    return typeof value === 'object' ? describeCli(value, locale) : String(value);
  });
}

/**
 * What the command stops with, line by line: its own texts, a pack's problems with their places, or a text a command
 * already wrote in the locale from a catalog of its own (cli/audit/messages.ts).
 */
export type CliLine = CliText | PackProblem | string;

export function describeCliLine(line: CliLine, locale: CliLocale): string {
  if (typeof line === 'string') return line;
  return 'file' in line ? formatProblemIn(line, locale) : describeCli(line, locale);
}

/** The usage text, with the limits filled in. */
export const usage = (): CliText =>
  cliText('usage', {
    maxLine: groupDigits(MAX_INPUT_LINE_CHARS),
    maxMb: MAX_PACK_BYTES / 1e6,
    maxListed: MAX_LISTED_PROBLEMS,
  });

/**
 * The language of the messages, from the environment as POSIX tools read it: the first of LC_ALL, LC_MESSAGES and
 * LANG that is set. zh_CN is simplified Chinese, zh_TW and zh_HK traditional Chinese, anything else English.
 */
export function cliLocale(env: Readonly<Record<string, string | undefined>>): CliLocale {
  const setting = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? '';
  const [language, region] = setting.split(/[.@]/u)[0]!.split(/[_-]/u);
  if (language?.toLowerCase() !== 'zh') return 'en';
  const area = region?.toUpperCase();
  if (area === 'CN') return 'zh-CN';
  return area === 'TW' || area === 'HK' ? 'zh-TW' : 'en';
}

/** The files the command reads, named in the reasons it cannot read one. */
export type FileRole = 'pack' | 'cases' | 'input';
const FILE_NOUN: Record<FileRole, CliTextCode> = { pack: 'filePack', cases: 'fileCases', input: 'fileInput' };

/** The kind of file a command wanted, as a nested text ("the pack file"). */
export const fileNoun = (role: FileRole): CliText => cliText(FILE_NOUN[role]);

/** The error field of the JSON line that answers a line that is not UTF-8: data for programs, the same in every language. */
export const NOT_UTF8_ANSWER = 'not UTF-8 text';
