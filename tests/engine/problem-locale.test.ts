// Real parse paths (JSON, YAML, CSV, schema, duplicates, oversize) phrased in zh-CN and zh-TW, with line and field kept.
import { describe, expect, it } from 'vitest';
import { parseCsvPack } from '../../engine/pack-convert.ts';
import { formatProblem, MAX_PACK_BYTES, parsePack } from '../../engine/pack-load.ts';
import { formatProblemIn, type ProblemLocale } from '../../engine/problem-locale.ts';

/** The problems of a pack that must fail, formatted in `locale` (place, field, message). */
function problems(source: string, file: string, locale: ProblemLocale): string[] {
  const result = parsePack(source, file, undefined, { csv: parseCsvPack });
  expect(result.ok, `${file} should be refused`).toBe(false);
  return result.ok ? [] : result.problems.map((p) => formatProblemIn(p, locale));
}

const HEAD = '"schemaVersion": 1, "id": "team", "name": "Team", "version": "1.0.0", "locale": "zh-CN"';

describe('pack problems in Chinese, from the real parsers', () => {
  it('JSON syntax: a missing comma, with its line and column', () => {
    const source = '{\n  "schemaVersion": 1,\n  "id": "team"\n  "name": "Team"\n}';
    expect(problems(source, 'team.json', 'zh-CN')).toEqual([
      'team.json:4:3 JSON 语法错误：这里应该是 "," 或 "}"，却遇到了"""',
    ]);
    expect(problems(source, 'team.json', 'zh-TW')).toEqual([
      'team.json:4:3 JSON 語法錯誤：這裡應該是 "," 或 "}"，卻遇到"""',
    ]);
    expect(problems('{"id": ', 'cut.json', 'zh-TW')).toEqual([
      'cut.json:1:8 JSON 語法錯誤：這裡應該是一個值，卻遇到檔案結尾',
    ]);
  });

  it('JSON duplicate keys name both lines', () => {
    const source = `{\n  ${HEAD},\n  "name": "Again"\n}`;
    const [cn] = problems(source, 'dup.json', 'zh-CN');
    expect(cn).toBe(
      'dup.json:3:3 JSON 语法错误：字段 "name" 在同一个对象里出现了两次（第一次在第 2 行）：请只保留一个',
    );
    const [tw] = problems(source, 'dup.json', 'zh-TW');
    expect(tw).toBe('dup.json:3:3 JSON 語法錯誤：欄位 "name" 在同一個物件裡出現兩次（第一次在第 2 行）：請只保留一個');
  });

  it('YAML: a bad indent and a tab, phrased with the yaml message kept for reference', () => {
    const source = 'schemaVersion: 1\nid: team\nscenarios:\n  - id: a\n   title: A\n';
    const [cn] = problems(source, 'team.yaml', 'zh-CN');
    expect(cn).toMatch(/^team\.yaml:5:\d+ YAML 语法错误：/u);
    const tab = problems('schemaVersion: 1\nscenarios:\n\t- id: a\n', 'tab.yml', 'zh-TW');
    expect(tab[0]).toMatch(/^tab\.yml:3:1 YAML 語法錯誤：不能用 Tab 縮排，請改用空白（Tabs are not allowed/u);
  });

  it('CSV: an unknown column, an unknown kind and a reply without its scenario, each on its row', () => {
    const header = 'kind,id,parent,title,text,colour\n';
    expect(problems(`${header}meta,team,,Team,,\n`, 'team.csv', 'zh-CN')).toEqual([
      'team.csv:1 不认识的列 "colour"：可用的列有 kind, id, parent, title, text, triggers, examples, tips, category, severity, patterns, exceptions, message, suggestion, rewrite, match, noMatch, version, locale, shortcut',
    ]);
    const rows = 'kind,id,parent,title,text\nmeta,team,,Team,\nscene,a,,A,\nreply,r1,missing,,Hi\n';
    expect(problems(rows, 'team.csv', 'zh-TW')).toEqual([
      'team.csv:3 kind 欄位的值 "scene" 無效：應為 meta、scenario、stage、reply 或 rule',
      'team.csv:4 話術 "r1" 的 parent 是 "missing"，但這個檔案裡沒有這個場景或階段',
    ]);
    const quotes = problems('kind,id,title\nmeta,"team,Team\n', 'q.csv', 'zh-CN');
    expect(quotes[0]).toMatch(
      /^q\.csv:2 CSV 格式错误：带引号的单元格没有结束，请补上右引号（Quoted field unterminated）$/u,
    );
  });

  it('schema: a wrong type, a missing field, an unknown field and a bad category, each with its field path and line', () => {
    const source = `{\n  "schemaVersion": 1,\n  "id": "team",\n  "name": 5,\n  "locale": "zh-CN",\n  "colour": "red",\n  "rules": [{ "id": "r", "category": "rude", "severity": "warn", "patterns": ["x"], "message": "m" }]\n}`;
    const cn = problems(source, 'team.json', 'zh-CN');
    expect(cn).toContain('team.json:4:11 name：应为 string，实际是 5');
    expect(cn).toContain('team.json:1:1 version：缺少这个必填字段');
    expect(cn).toContain('team.json:6:13 colour：不认识的字段 "colour"：请对照 docs/packs.md 检查拼写');
    expect(cn.find((p) => p.includes('rules[0].category'))).toMatch(
      /^team\.json:7:\d+ rules\[0\]\.category：category 只能是其中之一：refusal, shirking, .*impatience/u,
    );
    const tw = problems(source, 'team.json', 'zh-TW');
    expect(tw).toContain('team.json:1:1 version：缺少這個必填欄位');
    expect(tw).toContain('team.json:6:13 colour：無法辨識的欄位 "colour"：請對照 docs/packs.md 檢查拼字');
    // The English text is the one the command line prints, unchanged.
    const english = parsePack(source, 'team.json');
    expect(english.ok ? [] : english.problems.map(formatProblem)).toContain(
      'team.json:4:11 name: expected string, found 5',
    );
  });

  it('duplicates, unknown variables and unsafe keys', () => {
    const pack = (body: string) => `{${HEAD}, ${body}}`;
    const duplicate = pack('"scenarios": [{"id": "a", "title": "A"}, {"id": "a", "title": "B"}]');
    // The place is the second id's value.
    const column = duplicate.lastIndexOf('"a"') + 1;
    expect(problems(duplicate, 'd.json', 'zh-CN')).toEqual([
      `d.json:1:${column} scenarios[1].id：场景 id "a" 重复了（第一次出现在 scenarios[0].id）：id 不能重复`,
    ]);
    expect(problems(duplicate, 'd.json', 'zh-TW')).toEqual([
      `d.json:1:${column} scenarios[1].id：場景 id "a" 重複了（第一次出現在 scenarios[0].id）：id 不能重複`,
    ]);
    const variable = pack(
      '"scenarios": [{"id": "a", "title": "A", "replies": [{"id": "r", "text": "你好 {vipLevel}"}]}]',
    );
    const [unknown] = problems(variable, 'v.json', 'zh-TW');
    expect(unknown).toMatch(
      /^v\.json:1:\d+ scenarios\[0\]\.replies\[0\]\.text：無法辨識的變數 \{vipLevel\}：請使用 \{customer\}.* 其中之一，或在 "variables" 底下宣告$/u,
    );
    const proto = pack('"scenarios": [{"id": "a", "title": "A", "__proto__": {"x": 1}}]');
    expect(problems(proto, 'p.json', 'zh-CN')).toEqual([
      expect.stringMatching(/^p\.json:1:\d+ scenarios\[0\]\.__proto__：话术包里不能使用键 "__proto__"/u),
    ]);
  });

  it('an empty file, and one over the size limit', () => {
    expect(problems('  \n', 'e.json', 'zh-TW')).toEqual([
      'e.json 檔案是空的：話術包是一個 JSON 物件，包含 schemaVersion、id、name、version 和 locale',
    ]);
    const big = ' '.repeat(MAX_PACK_BYTES + 1);
    expect(problems(big, 'big.json', 'zh-CN')).toEqual([
      'big.json 文件有 50.0 MB，超过了 50 MB 的上限：请拆成几个话术包',
    ]);
    expect(problems(big, 'big.json', 'zh-TW')).toEqual([
      'big.json 檔案有 50.0 MB，超過 50 MB 的上限：請拆成幾個話術包',
    ]);
  });
});
