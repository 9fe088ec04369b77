// CSV packs for team leads who keep their phrases in a spreadsheet: one row per scenario, reply, stage or rule.
//
// Columns (header row required, any order, unknown columns rejected):
//   kind        meta | scenario | stage | reply | rule
//   id          the row's id (for meta: the pack id)
//   parent      for replies: the scenario or stage id they belong to
//   title       scenario/stage/reply title; for meta: the pack name
//   text        reply text; for meta: the pack description
//   triggers, examples, tips      scenario/stage lists, items separated by |
//   category, severity, patterns, exceptions, message, suggestion, rewrite, match, noMatch   rule fields (lists separated by |)
//   version, locale               meta fields
//   shortcut                      reply field
// Chinese headers and kinds are read too (类型, 所属, 标题, 回复…; 场景, 回复, 规则…), simplified or traditional.
// Problems name the CSV line, so a lead can find the row in the spreadsheet.
import Papa from 'papaparse';
import { coded, type PackProblemCode } from './errors.ts';
import { lazyLineIndex, type PackParse } from './pack-load.ts';
import { validatePack } from './pack-schema.ts';
import {
  PACK_SCHEMA_VERSION,
  type Pack,
  type PackProblem,
  type Reply,
  type Rule,
  type Scenario,
  type Stage,
} from './types.ts';

const CSV_COLUMNS = [
  'kind',
  'id',
  'parent',
  'title',
  'text',
  'triggers',
  'examples',
  'tips',
  'category',
  'severity',
  'patterns',
  'exceptions',
  'message',
  'suggestion',
  'rewrite',
  'match',
  'noMatch',
  'version',
  'locale',
  'shortcut',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

/** The Chinese names a team lead's spreadsheet may give the columns (simplified and traditional). */
const CHINESE_COLUMNS: Readonly<Record<string, Column>> = {
  类型: 'kind',
  類型: 'kind',
  编号: 'id',
  編號: 'id',
  所属: 'parent',
  所屬: 'parent',
  场景: 'parent',
  場景: 'parent',
  标题: 'title',
  標題: 'title',
  回复: 'text',
  回覆: 'text',
  内容: 'text',
  內容: 'text',
  触发词: 'triggers',
  觸發詞: 'triggers',
  例句: 'examples',
  提示: 'tips',
  类别: 'category',
  類別: 'category',
  级别: 'severity',
  級別: 'severity',
  短语: 'patterns',
  短語: 'patterns',
  例外: 'exceptions',
  说明: 'message',
  說明: 'message',
  建议: 'suggestion',
  建議: 'suggestion',
  改写: 'rewrite',
  改寫: 'rewrite',
  应命中: 'match',
  應命中: 'match',
  不应命中: 'noMatch',
  不應命中: 'noMatch',
  版本: 'version',
  语言: 'locale',
  語言: 'locale',
  快捷词: 'shortcut',
  快捷詞: 'shortcut',
};
/** The Chinese names of the row kinds. */
const CHINESE_KINDS: Readonly<Record<string, string>> = {
  话术包: 'meta',
  話術包: 'meta',
  场景: 'scenario',
  場景: 'scenario',
  阶段: 'stage',
  階段: 'stage',
  回复: 'reply',
  回覆: 'reply',
  规则: 'rule',
  規則: 'rule',
};

const list = (cell: string | undefined): string[] | undefined => {
  const items = (cell ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length > 0 ? items : undefined;
};
const cell = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

// papaparse's error codes a team lead meets most, phrased apart; any other is a plain CSV problem.
const CSV_CODES: Partial<Record<string, PackProblemCode>> = {
  MissingQuotes: 'csvMissingQuotes',
  TooFewFields: 'csvTooFewFields',
  TooManyFields: 'csvTooManyFields',
};

export function parseCsvPack(source: string, file: string): PackParse {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const parsed = Papa.parse<Row>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => CHINESE_COLUMNS[header.trim()] ?? header,
  });
  const placeOf = lazyLineIndex(text);
  const problems: PackProblem[] = parsed.errors.map((e) => ({
    file,
    // A quoting error's row counts the header, a field count error's does not; its offset, when given, is exact either way.
    line: e.index !== undefined ? placeOf().at(e.index).line : (e.row ?? 0) + 2,
    ...coded(CSV_CODES[e.code] ?? 'csvSyntax', { detail: e.message }),
  }));
  for (const column of parsed.meta.fields ?? []) {
    if (!(CSV_COLUMNS as readonly string[]).includes(column)) {
      problems.push({ file, line: 1, ...coded('csvUnknownColumn', { column, columns: CSV_COLUMNS.join(', ') }) });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const pack: Record<string, unknown> = { schemaVersion: PACK_SCHEMA_VERSION };
  const scenarios: Scenario[] = [];
  const stages: Stage[] = [];
  const rules: Rule[] = [];
  const owners = new Map<string, { replies?: Reply[] }>();
  const pendingReplies: Array<{ row: Row; line: number }> = [];
  // Field path of each entry → its CSV line, so the schema's problems name the row to fix.
  const lines = new Map<string, number>();
  const ownerPaths = new Map<string, string>();
  parsed.data.forEach((row, index) => {
    const line = index + 2;
    const written = cell(row.kind);
    const kind = written !== undefined && Object.hasOwn(CHINESE_KINDS, written) ? CHINESE_KINDS[written] : written;
    if (kind === 'meta') {
      Object.assign(pack, {
        id: cell(row.id),
        name: cell(row.title),
        version: cell(row.version),
        locale: cell(row.locale),
      });
      if (cell(row.text)) pack.description = cell(row.text);
    } else if (kind === 'scenario' || kind === 'stage') {
      const entry = {
        id: cell(row.id) ?? '',
        title: cell(row.title) ?? '',
        triggers: list(row.triggers),
        examples: list(row.examples),
        tips: list(row.tips),
        replies: [] as Reply[],
      };
      const path = kind === 'scenario' ? `scenarios[${scenarios.length}]` : `stages[${stages.length}]`;
      if (kind === 'scenario') scenarios.push(entry);
      else
        stages.push({
          id: entry.id,
          title: entry.title,
          triggers: entry.triggers,
          tips: entry.tips,
          replies: entry.replies,
        });
      lines.set(path, line);
      ownerPaths.set(entry.id, path);
      owners.set(entry.id, kind === 'scenario' ? scenarios[scenarios.length - 1]! : stages[stages.length - 1]!);
    } else if (kind === 'reply') {
      pendingReplies.push({ row, line });
    } else if (kind === 'rule') {
      const rule: Rule = {
        id: cell(row.id) ?? '',
        category: cell(row.category) as Rule['category'],
        severity: cell(row.severity) as Rule['severity'],
        patterns: list(row.patterns),
        exceptions: list(row.exceptions),
        message: cell(row.message) ?? '',
        suggestion: cell(row.suggestion),
        rewrite: cell(row.rewrite),
        examples:
          list(row.match) || list(row.noMatch) ? { match: list(row.match), noMatch: list(row.noMatch) } : undefined,
      };
      lines.set(`rules[${rules.length}]`, line);
      rules.push(JSON.parse(JSON.stringify(rule)) as Rule);
    } else {
      problems.push({ file, line, ...coded('csvKind', { value: row.kind ?? '' }) });
    }
  });
  for (const { row, line } of pendingReplies) {
    const owner = owners.get(cell(row.parent) ?? '');
    if (!owner) {
      problems.push({ file, line, ...coded('csvParent', { id: row.id ?? '', parent: row.parent ?? '' }) });
      continue;
    }
    const reply: Reply = { id: cell(row.id) ?? '', text: cell(row.text) ?? '' };
    if (cell(row.title)) reply.title = cell(row.title)!;
    if (cell(row.shortcut)) reply.shortcut = cell(row.shortcut)!;
    lines.set(`${ownerPaths.get(cell(row.parent) ?? '')}.replies[${owner.replies?.length ?? 0}]`, line);
    owner.replies = [...(owner.replies ?? []), reply];
  }
  if (problems.length > 0) return { ok: false, problems };
  if (scenarios.length > 0) pack.scenarios = JSON.parse(JSON.stringify(scenarios)) as unknown;
  if (stages.length > 0) pack.stages = JSON.parse(JSON.stringify(stages)) as unknown;
  if (rules.length > 0) pack.rules = rules;
  const result = validatePack(pack, file);
  if (result.ok) return result;
  return {
    ok: false,
    problems: result.problems.map((problem) => ({ ...problem, line: problem.line ?? lineOfPath(lines, problem.path) })),
  };
}

/** The CSV line of a field path's row: the entry itself or the nearest enclosing one (pack-level fields are on the meta row). */
function lineOfPath(lines: ReadonlyMap<string, number>, path: string | undefined): number | undefined {
  let at = path ?? '';
  while (at !== '') {
    const line = lines.get(at);
    if (line !== undefined) return line;
    const parent = at.replace(/(\.[^.[\]]+|\[\d+\])$/u, '');
    at = parent === at ? '' : parent;
  }
  return undefined;
}

/**
 * A pack as CSV rows, or the fields CSV cannot hold (a spreadsheet has no place for variables, classes, draft examples…,
 * and `|` separates list items, so an item holding one would come back as two): then nothing is written, and the
 * caller offers JSON or YAML instead. Parsing the CSV gives the same pack back.
 */
export function packToCsv(pack: Pack): { ok: true; csv: string } | { ok: false; lost: string[] } {
  const lost = new Set<string>();
  const joined = (items: readonly string[] | undefined, field: string): string => {
    if ((items ?? []).some((item) => item.includes('|'))) lost.add(field);
    return (items ?? []).join('|');
  };
  const fields = pack as unknown as Record<string, unknown>;
  for (const key of ['variables', 'classes', 'noScenarioExamples', 'draftExamples', 'emotionExamples'])
    if (fields[key] !== undefined) lost.add(key);
  // A CSV pack is read as the current schema: an older pack's literal phrases would come back as patterns.
  if (pack.schemaVersion !== PACK_SCHEMA_VERSION) lost.add('schemaVersion');
  const rows: Row[] = [
    {
      kind: 'meta',
      id: pack.id,
      title: pack.name,
      text: pack.description ?? '',
      version: pack.version,
      locale: pack.locale,
    },
  ];
  const replyRows = (parent: string, replies: readonly Reply[] | undefined) =>
    (replies ?? []).map((reply) => ({
      kind: 'reply',
      id: reply.id,
      parent,
      title: reply.title ?? '',
      text: reply.text,
      shortcut: reply.shortcut ?? '',
    }));
  (pack.scenarios ?? []).forEach((scenario, i) => {
    if (scenario.counterExamples) lost.add(`scenarios[${i}].counterExamples`);
    if (scenario.merge) lost.add(`scenarios[${i}].merge`);
    rows.push({
      kind: 'scenario',
      id: scenario.id,
      title: scenario.title,
      triggers: joined(scenario.triggers, `scenarios[${i}].triggers`),
      examples: joined(scenario.examples, `scenarios[${i}].examples`),
      tips: joined(scenario.tips, `scenarios[${i}].tips`),
    });
    rows.push(...replyRows(scenario.id, scenario.replies));
  });
  (pack.stages ?? []).forEach((stage, i) => {
    if (stage.merge) lost.add(`stages[${i}].merge`);
    rows.push({
      kind: 'stage',
      id: stage.id,
      title: stage.title,
      triggers: joined(stage.triggers, `stages[${i}].triggers`),
      tips: joined(stage.tips, `stages[${i}].tips`),
    });
    rows.push(...replyRows(stage.id, stage.replies));
  });
  (pack.rules ?? []).forEach((rule, i) => {
    if (rule.sensitive) lost.add(`rules[${i}].sensitive`);
    if (rule.disabled !== undefined) lost.add(`rules[${i}].disabled`);
    if (rule.rewriteTraditional !== undefined) lost.add(`rules[${i}].rewriteTraditional`);
    if (rule.examples?.fixed !== undefined) lost.add(`rules[${i}].examples.fixed`);
    rows.push({
      kind: 'rule',
      id: rule.id,
      category: rule.category,
      severity: rule.severity,
      patterns: joined(rule.patterns, `rules[${i}].patterns`),
      exceptions: joined(rule.exceptions, `rules[${i}].exceptions`),
      message: rule.message,
      suggestion: rule.suggestion ?? '',
      rewrite: rule.rewrite ?? '',
      match: joined(rule.examples?.match, `rules[${i}].examples.match`),
      noMatch: joined(rule.examples?.noMatch, `rules[${i}].examples.noMatch`),
    });
  });
  if (lost.size > 0) return { ok: false, lost: [...lost] };
  return { ok: true, csv: `${Papa.unparse(rows, { columns: [...CSV_COLUMNS], newline: '\n' })}\n` };
}
