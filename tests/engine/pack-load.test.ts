// Loading packs: shipped packs validate; every kind of bad input is reported with its place, all problems at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvPack } from '../../engine/pack-convert.ts';
import { formatProblem, MAX_PACK_BYTES, parsePack } from '../../engine/pack-load.ts';

const packDir = join(import.meta.dirname, '../../data/packs');

function problems(source: string, file = 'team.json'): string[] {
  const result = parsePack(source, file);
  expect(result.ok, 'expected problems').toBe(false);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const minimal = { schemaVersion: 1, id: 'team', name: 'Team', version: '1.0.0', locale: 'zh-CN' };
const json = (value: unknown): string => JSON.stringify(value, null, 2);

describe('parsePack', () => {
  it.each(['zh-CN.json', 'zh-TW.json', 'en.json'])('the shipped pack %s is valid', (file) => {
    const result = parsePack(readFileSync(join(packDir, file), 'utf8'), file);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('accepts a minimal pack, in JSON and YAML', () => {
    expect(parsePack(json(minimal), 'a.json').ok).toBe(true);
    expect(parsePack('schemaVersion: 1\nid: team\nname: Team\nversion: "1.0.0"\nlocale: zh-CN\n', 'a.yaml').ok).toBe(
      true,
    );
  });

  it('places JSON syntax errors at file:line:column', () => {
    expect(problems('{\n  "id": "x",\n  "name": \n}')).toEqual([
      'team.json:4:1 JSON syntax: expected a value, found "}"',
    ]);
    expect(problems('{ "id": "x" "name": "y" }')[0]).toMatch(/^team\.json:1:13 JSON syntax: expected "," or "}"/);
  });

  it('places bad escapes, raw control characters and runaway nesting instead of throwing', () => {
    expect(problems('{"id": "a\\q"}')).toEqual(['team.json:1:10 JSON syntax: an invalid escape sequence in a string']);
    expect(problems('{"id": "a\tb"}')[0]).toMatch(/^team\.json:1:10 JSON syntax: a control character/);
    expect(problems('['.repeat(100_000))[0]).toMatch(/^team\.json:1:66 JSON syntax: nested more than 64 levels/);
  });

  it('reports every shape problem with its field path and line', () => {
    const source = json({
      ...minimal,
      scenarios: [{ id: 'a', title: '', colour: 'red', replies: [{ id: 'r1' }] }],
      rules: [{ id: 'r', category: 'rude', severity: 'error', message: 'm', patterns: ['x'] }],
    });
    const found = problems(source);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^team\.json:\d+:\d+ scenarios\[0\]\.title: must not be empty$/),
        expect.stringMatching(/scenarios\[0\]\.colour: unknown field "colour"/),
        expect.stringMatching(/scenarios\[0\]\.replies\[0\]\.text: is required/),
        expect.stringMatching(/rules\[0\]\.category: category is one of refusal/),
      ]),
    );
    expect(found).toHaveLength(4);
  });

  it('names an unknown placeholder in a rewrite at file:line:column', () => {
    const rule = { id: 'r', category: 'absolute_promise', severity: 'warning', message: 'm', patterns: ['保证'] };
    const found = problems(json({ ...minimal, rules: [{ ...rule, rewrite: '{before}会尽力{afterr}' }] }));
    expect(found).toEqual([
      expect.stringMatching(
        /^team\.json:\d+:\d+ rules\[0\]\.rewrite: a rewrite may use only \{before\}, \{after\}, \{you\}/,
      ),
    ]);
    expect(
      parsePack(json({ ...minimal, rules: [{ ...rule, rewrite: '{before}{you}会尽力{after}' }] }), 'team.json').ok,
    ).toBe(true);
  });

  it("names a fixed draft that is none of the rule's match drafts", () => {
    const rule = { id: 'r', category: 'absolute_promise', severity: 'warning', message: 'm', patterns: ['保证'] };
    const examples = (fixed: Record<string, string>) => ({ match: ['我保证明天到'], fixed });
    const found = problems(
      json({ ...minimal, rules: [{ ...rule, examples: examples({ 我保证明天到啊: '好的。' }) }] }),
    );
    expect(found).toEqual([
      expect.stringMatching(/^team\.json:\d+:\d+ rules\[0\]\.examples: each draft named in "fixed" must be one of/),
    ]);
    const ok = parsePack(
      json({ ...minimal, rules: [{ ...rule, examples: examples({ 我保证明天到: '好的。' }) }] }),
      'team.json',
    );
    expect(ok.ok).toBe(true);
  });

  it('rejects duplicate ids, duplicate patterns and unknown variables', () => {
    const found = problems(
      json({
        ...minimal,
        scenarios: [
          { id: 'a', title: 'A', replies: [{ id: 'r', text: '您好{nme}' }] },
          { id: 'a', title: 'A again', replies: [{ id: 'r', text: 'hi' }] },
        ],
        rules: [{ id: 'x', category: 'refusal', severity: 'warning', message: 'm', patterns: ['我不能', '我 不 能'] }],
      }),
    );
    expect(found.join('\n')).toMatch(/scenarios\[1\]\.id: duplicate scenario id "a" \(first at scenarios\[0\]\.id\)/);
    expect(found.join('\n')).toMatch(/scenarios\[1\]\.replies\[0\]\.id: duplicate reply id "r"/);
    expect(found.join('\n')).toMatch(/scenarios\[0\]\.replies\[0\]\.text: unknown variable \{nme\}/);
    expect(found.join('\n')).toMatch(/rules\[0\]\.patterns\[1\]: the pattern "我 不 能" appears twice/);
  });

  it('rejects keys that could pollute prototypes, wherever they are', () => {
    expect(problems('{"schemaVersion":1,"scenarios":[{"__proto__":{"polluted":true}}]}')[0]).toMatch(
      /scenarios\[0\]\.__proto__: the key "__proto__" is not allowed/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('places a missing top-level field at the pack object', () => {
    expect(problems('{"id":"a","name":"n","version":"1","locale":"en"}')).toEqual([
      expect.stringMatching(/^team\.json:1:1 schemaVersion: /),
    ]);
  });

  it('names an unsupported schemaVersion', () => {
    expect(problems(json({ ...minimal, schemaVersion: 3 }))[0]).toMatch(
      /unsupported schemaVersion 3; this version of Huashu reads 2/,
    );
  });

  it('gives one clear problem for empty, binary and oversized input', () => {
    expect(problems('   ')).toEqual([
      'team.json the file is empty: a pack is a JSON object with schemaVersion, id, name, version and locale',
    ]);
    expect(problems('PK\u0003\u0004\u0000\u0000garbage')[0]).toMatch(/binary data or is not UTF-8/);
    expect(problems(' '.repeat(MAX_PACK_BYTES + 1))[0]).toBe(
      'team.json the file is 50.0 MB, over the 50 MB limit: split it into several packs',
    );
  });

  it('reads CSV only with the CSV reader it is given', () => {
    const csv = 'kind,id,title,version,locale\nmeta,team,Team,1.0.0,en\n';
    expect(problems(csv, 'team.csv')).toEqual([
      'team.csv cannot tell the format of team.csv: use a .json, .yaml, .yml or .csv file',
    ]);
    expect(parsePack(csv, 'team.csv', undefined, { csv: parseCsvPack })).toMatchObject({
      ok: true,
      pack: { id: 'team', name: 'Team' },
    });
  });

  it('places YAML syntax errors at their line', () => {
    expect(problems('schemaVersion: 1\nid: [unclosed\n', 'team.yaml')[0]).toMatch(/^team\.yaml:\d+:\d+ YAML syntax:/);
  });

  it('rejects a pack whose phrases exceed the limit', () => {
    const triggers = Array.from({ length: 100_001 }, (_, i) => `t${i}`);
    expect(problems(json({ ...minimal, scenarios: [{ id: 'a', title: 'A', triggers }] }))[0]).toMatch(/100001 phrases/);
  });
});
