// Every text `huashu audit` prints or writes, one catalog per locale: errors and bad lines are {code, params}, and the
// catalog of the locale passed in turns them into words.
import type { AuditLocale } from './locale.ts';

/** Why a line of an export is skipped. */
export type BadLineReason =
  | { code: 'notJson' }
  | { code: 'notObject' }
  | { code: 'unknownShape' }
  | { code: 'missingField'; params: { field: string } }
  | { code: 'badRole'; params: { value: string } }
  | { code: 'badTime'; params: { value: string } }
  | { code: 'csvRow'; params: { message: string } }
  | { code: 'notUtf8' }
  | { code: 'tooLong'; params: { limit: number } };

/** What stops the command. */
export type AuditError =
  | { code: 'noFiles' }
  | { code: 'unknownOption'; params: { option: string } }
  | { code: 'missingValue'; params: { option: string } }
  | { code: 'badJobs'; params: { value: string } }
  | { code: 'csvHeader'; params: { file: string; missing: string } }
  | { code: 'documentTooLarge'; params: { file: string; limitMb: number } }
  | { code: 'documentNotJson'; params: { file: string } }
  | { code: 'unknownDocument'; params: { file: string } }
  | { code: 'cannotWrite'; params: { file: string; reason: string } }
  | { code: 'chartsMissing'; params: { path: string } };

export interface AuditCatalog {
  usage: string;
  error(error: AuditError): string;
  badLine(where: string, reason: BadLineReason): string;
  moreBadLines(count: number): string;
  strictFailed(badLines: number, findings: number): string;
  wrote(file: string): string;
  progress(percent: number, messages: number): string;
  summary(s: { files: number; conversations: number; messages: number; badLines: number; findings: number }): string;
  headings: {
    agents: string;
    categories: string;
    scenarios: string;
    findings: string;
  };
  columns: {
    agent: string;
    conversations: string;
    replies: string;
    errors: string;
    warnings: string;
    infos: string;
    firstReply: string;
    reply: string;
    checklist: string;
    checklistPassed: string;
    category: string;
    scenario: string;
    messages: string;
    where: string;
    rule: string;
    match: string;
    context: string;
  };
  /** A duration in seconds, short: "45 s", "3.5 min", "2.0 h". */
  duration(seconds: number | undefined): string;
  html: {
    title: string;
    generated(date: string): string;
    chartFindings: string;
    chartResponse: string;
    chartChecklist: string;
    chartScenarios: string;
    medianFirstReply: string;
    medianReply: string;
    drillHint: string;
    shownOf(shown: number, total: number): string;
    roles: Record<'customer' | 'agent' | 'system' | 'note', string>;
    severity: Record<'error' | 'warning' | 'info', string>;
    none: string;
  };
}

const en: AuditCatalog = {
  usage: `  huashu audit [--pack FILE]… [--json] [--html REPORT.html] [--jobs N] [--strict] FILE…
                                             what agents sent (findings per agent and category), the scenarios
                                             customers raised and response times, from exported conversations:
                                             JSONL or CSV (docs/audit.md), Zendesk tickets or Chatwoot messages`,
  error(error) {
    switch (error.code) {
      case 'noFiles':
        return 'huashu audit: name at least one exported conversation file (JSONL, CSV, Zendesk or Chatwoot JSON).';
      case 'unknownOption':
        return `huashu audit: unknown option "${error.params.option}". Run "huashu --help".`;
      case 'missingValue':
        return `huashu audit: ${error.params.option} needs a value.`;
      case 'badJobs':
        return `huashu audit: --jobs takes a whole number from 1 to 16 (worker threads), not "${error.params.value}".`;
      case 'csvHeader':
        return `huashu audit: ${error.params.file}:1: the CSV header has no "${error.params.missing}" column: the first row names the columns conversation,agent,role,time,text (docs/audit.md).`;
      case 'documentTooLarge':
        return `huashu audit: ${error.params.file} is one JSON document larger than ${error.params.limitMb} MB: export it as JSON Lines (one ticket or message a line), which is read line by line at any size.`;
      case 'documentNotJson':
        return `huashu audit: ${error.params.file}:1: the file starts like JSON but is neither JSON Lines nor one JSON document: check that the export finished.`;
      case 'unknownDocument':
        return `huashu audit: ${error.params.file} is JSON but holds no conversations this command knows (Zendesk "tickets" with "comments", Chatwoot "payload" or "messages"): see docs/audit.md.`;
      case 'chartsMissing':
        return `huashu audit: the chart library of the HTML report (${error.params.path}) is missing: run "npm run build:cli" in the huashu folder.`;
      case 'cannotWrite':
        return `huashu audit: cannot write ${error.params.file}: ${error.params.reason}. Choose a writable place for the report.`;
    }
  },
  badLine(where, reason) {
    const why = ((): string => {
      switch (reason.code) {
        case 'notJson':
          return 'not a JSON object';
        case 'notObject':
          return 'a JSON value, but not an object';
        case 'unknownShape':
          return 'an object with neither the audit layout (conversation, role, time, text), a Zendesk ticket nor a Chatwoot message';
        case 'missingField':
          return `"${reason.params.field}" is missing or empty`;
        case 'badRole':
          return `role "${reason.params.value}" is none of customer, agent, system, note`;
        case 'badTime':
          return `time "${reason.params.value}" is not an ISO 8601 date and time (2024-06-11T09:30:00+08:00)`;
        case 'csvRow':
          return `a CSV row that does not parse (${reason.params.message})`;
        case 'notUtf8':
          return 'not UTF-8 text: save the export as UTF-8';
        case 'tooLong':
          return `longer than ${reason.params.limit} characters`;
      }
    })();
    return `huashu audit: ${where}: ${why}; skipped.`;
  },
  moreBadLines: (count) => `huashu audit: ${count} more bad line${count === 1 ? '' : 's'} skipped (not listed).`,
  strictFailed: (badLines, findings) =>
    `huashu audit --strict: ${badLines} bad line${badLines === 1 ? '' : 's'}, ${findings} finding${findings === 1 ? '' : 's'} in what agents sent.`,
  wrote: (file) => `wrote ${file}`,
  progress: (percent, messages) => `${percent.toFixed(0).padStart(3)} % · ${messages} messages`,
  summary: (s) =>
    `${s.files} file${s.files === 1 ? '' : 's'}, ${s.conversations} conversations, ${s.messages} messages, ${s.findings} findings in what agents sent, ${s.badLines} bad line${s.badLines === 1 ? '' : 's'} skipped`,
  headings: {
    agents: 'Per agent',
    categories: 'Per category',
    scenarios: 'Scenarios customers raised',
    findings: 'Findings',
  },
  columns: {
    agent: 'agent',
    conversations: 'conversations',
    replies: 'replies',
    errors: 'errors',
    warnings: 'warnings',
    infos: 'notes',
    firstReply: 'first reply (median)',
    reply: 'reply (median)',
    checklist: 'checklist (mean)',
    checklistPassed: 'passed',
    category: 'category',
    scenario: 'scenario',
    messages: 'messages',
    where: 'where',
    rule: 'rule',
    match: 'match',
    context: 'conversation',
  },
  duration: (seconds) =>
    seconds === undefined
      ? '–'
      : seconds < 60
        ? `${Math.round(seconds)} s`
        : seconds < 3600
          ? `${(seconds / 60).toFixed(1)} min`
          : `${(seconds / 3600).toFixed(1)} h`,
  html: {
    title: 'Huashu audit',
    generated: (date) => `Generated ${date}`,
    chartFindings: 'Findings per agent',
    chartResponse: 'Median response time per agent (seconds)',
    chartChecklist: 'Mean conversation checklist score per agent, against the pass line',
    chartScenarios: 'Scenarios customers raised',
    medianFirstReply: 'first reply',
    medianReply: 'reply',
    drillHint: 'Open a finding to read it in its conversation.',
    shownOf: (shown, total) => `${shown} of ${total} findings shown.`,
    roles: { customer: 'customer', agent: 'agent', system: 'system', note: 'note' },
    severity: { error: 'error', warning: 'warning', info: 'note' },
    none: 'None.',
  },
};

const zhCN: AuditCatalog = {
  usage: `  huashu audit [--pack FILE]… [--json] [--html 报告.html] [--jobs N] [--strict] FILE…
                                             从导出的会话统计客服发出的消息（按客服和类别的警告）、客户提出的场景
                                             和响应时间：JSONL 或 CSV（docs/audit.md）、Zendesk 工单或 Chatwoot 消息`,
  error(error) {
    switch (error.code) {
      case 'noFiles':
        return 'huashu audit：请至少指定一个导出的会话文件（JSONL、CSV、Zendesk 或 Chatwoot JSON）。';
      case 'unknownOption':
        return `huashu audit：未知选项"${error.params.option}"。运行"huashu --help"查看用法。`;
      case 'missingValue':
        return `huashu audit：${error.params.option} 需要一个值。`;
      case 'badJobs':
        return `huashu audit：--jobs 需要 1 到 16 的整数（工作线程数），而不是"${error.params.value}"。`;
      case 'csvHeader':
        return `huashu audit：${error.params.file}:1:CSV 表头缺少"${error.params.missing}"列：第一行应为 conversation,agent,role,time,text（见 docs/audit.md）。`;
      case 'documentTooLarge':
        return `huashu audit：${error.params.file} 是一个超过 ${error.params.limitMb} MB 的 JSON 文档：请导出为 JSON Lines（每行一个工单或消息），任何大小都能逐行读取。`;
      case 'documentNotJson':
        return `huashu audit：${error.params.file}:1：文件看起来是 JSON，但既不是 JSON Lines 也不是完整的 JSON 文档：请检查导出是否完成。`;
      case 'unknownDocument':
        return `huashu audit：${error.params.file} 是 JSON，但不含可识别的会话（Zendesk 的 "tickets" 与 "comments"，Chatwoot 的 "payload" 或 "messages"）：见 docs/audit.md。`;
      case 'chartsMissing':
        return `huashu audit：缺少 HTML 报告的图表库（${error.params.path}）：请在 huashu 目录中运行"npm run build:cli"。`;
      case 'cannotWrite':
        return `huashu audit：无法写入 ${error.params.file}：${error.params.reason}。请换一个可写的位置保存报告。`;
    }
  },
  badLine(where, reason) {
    const why = ((): string => {
      switch (reason.code) {
        case 'notJson':
          return '不是 JSON 对象';
        case 'notObject':
          return '是 JSON 值但不是对象';
        case 'unknownShape':
          return '既不是审计格式（conversation、role、time、text），也不是 Zendesk 工单或 Chatwoot 消息';
        case 'missingField':
          return `缺少"${reason.params.field}"或其为空`;
        case 'badRole':
          return `role "${reason.params.value}" 不是 customer、agent、system、note 之一`;
        case 'badTime':
          return `time "${reason.params.value}" 不是 ISO 8601 日期时间（如 2024-06-11T09:30:00+08:00）`;
        case 'csvRow':
          return `CSV 行无法解析（${reason.params.message}）`;
        case 'notUtf8':
          return '不是 UTF-8 文本：请将导出文件另存为 UTF-8';
        case 'tooLong':
          return `超过 ${reason.params.limit} 个字符`;
      }
    })();
    return `huashu audit：${where}：${why}；已跳过。`;
  },
  moreBadLines: (count) => `huashu audit：另有 ${count} 行有误，已跳过（未列出）。`,
  strictFailed: (badLines, findings) =>
    `huashu audit --strict：${badLines} 行有误，客服发出的消息中有 ${findings} 处警告。`,
  wrote: (file) => `已写入 ${file}`,
  progress: (percent, messages) => `${percent.toFixed(0).padStart(3)} % · ${messages} 条消息`,
  summary: (s) =>
    `${s.files} 个文件，${s.conversations} 个会话，${s.messages} 条消息，客服发出的消息中有 ${s.findings} 处警告，跳过 ${s.badLines} 行有误的内容`,
  headings: { agents: '按客服', categories: '按类别', scenarios: '客户提出的场景', findings: '警告' },
  columns: {
    agent: '客服',
    conversations: '会话',
    replies: '回复',
    errors: '错误',
    warnings: '警告',
    infos: '提示',
    firstReply: '首次响应（中位数）',
    reply: '响应（中位数）',
    checklist: '质检（平均分）',
    checklistPassed: '合格率',
    category: '类别',
    scenario: '场景',
    messages: '消息',
    where: '位置',
    rule: '规则',
    match: '原文',
    context: '会话',
  },
  duration: (seconds) =>
    seconds === undefined
      ? '–'
      : seconds < 60
        ? `${Math.round(seconds)} 秒`
        : seconds < 3600
          ? `${(seconds / 60).toFixed(1)} 分钟`
          : `${(seconds / 3600).toFixed(1)} 小时`,
  html: {
    title: '话术审计',
    generated: (date) => `生成于 ${date}`,
    chartFindings: '各客服的警告',
    chartResponse: '各客服响应时间中位数（秒）',
    chartChecklist: '各客服质检平均分，横线为合格线',
    chartScenarios: '客户提出的场景',
    medianFirstReply: '首次响应',
    medianReply: '响应',
    drillHint: '展开一条警告，查看它所在的会话。',
    shownOf: (shown, total) => `显示 ${total} 处警告中的 ${shown} 处。`,
    roles: { customer: '客户', agent: '客服', system: '系统', note: '备注' },
    severity: { error: '错误', warning: '警告', info: '提示' },
    none: '无。',
  },
};

const zhTW: AuditCatalog = {
  usage: `  huashu audit [--pack FILE]… [--json] [--html 報告.html] [--jobs N] [--strict] FILE…
                                             從匯出的對話統計客服送出的訊息（依客服與類別的警告）、客戶提出的情境
                                             與回應時間：JSONL 或 CSV（docs/audit.md）、Zendesk 工單或 Chatwoot 訊息`,
  error(error) {
    switch (error.code) {
      case 'noFiles':
        return 'huashu audit：請至少指定一個匯出的對話檔案（JSONL、CSV、Zendesk 或 Chatwoot JSON）。';
      case 'unknownOption':
        return `huashu audit：不明的選項「${error.params.option}」。執行「huashu --help」查看用法。`;
      case 'missingValue':
        return `huashu audit：${error.params.option} 需要一個值。`;
      case 'badJobs':
        return `huashu audit：--jobs 需要 1 到 16 的整數（工作執行緒數），而不是「${error.params.value}」。`;
      case 'csvHeader':
        return `huashu audit：${error.params.file}:1:CSV 標題列缺少「${error.params.missing}」欄：第一列應為 conversation,agent,role,time,text（見 docs/audit.md）。`;
      case 'documentTooLarge':
        return `huashu audit：${error.params.file} 是一個超過 ${error.params.limitMb} MB 的 JSON 文件：請匯出為 JSON Lines（每行一張工單或一則訊息），任何大小都能逐行讀取。`;
      case 'documentNotJson':
        return `huashu audit：${error.params.file}:1：檔案看起來是 JSON，但既不是 JSON Lines 也不是完整的 JSON 文件：請確認匯出已完成。`;
      case 'unknownDocument':
        return `huashu audit：${error.params.file} 是 JSON，但不含可辨識的對話（Zendesk 的 "tickets" 與 "comments"，Chatwoot 的 "payload" 或 "messages"）：見 docs/audit.md。`;
      case 'chartsMissing':
        return `huashu audit：缺少 HTML 報告的圖表函式庫（${error.params.path}）：請在 huashu 資料夾中執行「npm run build:cli」。`;
      case 'cannotWrite':
        return `huashu audit：無法寫入 ${error.params.file}：${error.params.reason}。請換一個可寫入的位置儲存報告。`;
    }
  },
  badLine(where, reason) {
    const why = ((): string => {
      switch (reason.code) {
        case 'notJson':
          return '不是 JSON 物件';
        case 'notObject':
          return '是 JSON 值但不是物件';
        case 'unknownShape':
          return '既不是稽核格式（conversation、role、time、text），也不是 Zendesk 工單或 Chatwoot 訊息';
        case 'missingField':
          return `缺少「${reason.params.field}」或其為空`;
        case 'badRole':
          return `role "${reason.params.value}" 不是 customer、agent、system、note 之一`;
        case 'badTime':
          return `time "${reason.params.value}" 不是 ISO 8601 日期時間（如 2024-06-11T09:30:00+08:00）`;
        case 'csvRow':
          return `CSV 列無法解析（${reason.params.message}）`;
        case 'notUtf8':
          return '不是 UTF-8 文字：請將匯出檔另存為 UTF-8';
        case 'tooLong':
          return `超過 ${reason.params.limit} 個字元`;
      }
    })();
    return `huashu audit：${where}：${why}；已略過。`;
  },
  moreBadLines: (count) => `huashu audit：另有 ${count} 行有誤，已略過（未列出）。`,
  strictFailed: (badLines, findings) =>
    `huashu audit --strict：${badLines} 行有誤，客服送出的訊息中有 ${findings} 處警告。`,
  wrote: (file) => `已寫入 ${file}`,
  progress: (percent, messages) => `${percent.toFixed(0).padStart(3)} % · ${messages} 則訊息`,
  summary: (s) =>
    `${s.files} 個檔案，${s.conversations} 個對話，${s.messages} 則訊息，客服送出的訊息中有 ${s.findings} 處警告，略過 ${s.badLines} 行有誤的內容`,
  headings: { agents: '依客服', categories: '依類別', scenarios: '客戶提出的情境', findings: '警告' },
  columns: {
    agent: '客服',
    conversations: '對話',
    replies: '回覆',
    errors: '錯誤',
    warnings: '警告',
    infos: '提示',
    firstReply: '首次回應（中位數）',
    reply: '回應（中位數）',
    checklist: '質檢（平均分）',
    checklistPassed: '合格率',
    category: '類別',
    scenario: '情境',
    messages: '訊息',
    where: '位置',
    rule: '規則',
    match: '原文',
    context: '對話',
  },
  duration: (seconds) =>
    seconds === undefined
      ? '–'
      : seconds < 60
        ? `${Math.round(seconds)} 秒`
        : seconds < 3600
          ? `${(seconds / 60).toFixed(1)} 分鐘`
          : `${(seconds / 3600).toFixed(1)} 小時`,
  html: {
    title: '話術稽核',
    generated: (date) => `產生於 ${date}`,
    chartFindings: '各客服的警告',
    chartResponse: '各客服回應時間中位數（秒）',
    chartChecklist: '各客服質檢平均分，橫線為合格線',
    chartScenarios: '客戶提出的情境',
    medianFirstReply: '首次回應',
    medianReply: '回應',
    drillHint: '展開一則警告，查看它所在的對話。',
    shownOf: (shown, total) => `顯示 ${total} 處警告中的 ${shown} 處。`,
    roles: { customer: '客戶', agent: '客服', system: '系統', note: '備註' },
    severity: { error: '錯誤', warning: '警告', info: '提示' },
    none: '無。',
  },
};

const CATALOGS: Record<AuditLocale, AuditCatalog> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** The catalog of one locale. */
export function auditCatalog(locale: AuditLocale): AuditCatalog {
  return CATALOGS[locale];
}
