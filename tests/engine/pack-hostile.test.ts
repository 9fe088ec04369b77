// Hostile packs at the parser: wrong types at every level, deep nesting, huge arrays and strings, prototype keys,
// duplicate keys, alias bombs — each a clear problem with its place, never an exception, never a polluted prototype.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsvPack } from '../../engine/pack-convert.ts';
import { formatProblem, parsePack } from '../../engine/pack-load.ts';

const VALID = {
  schemaVersion: 1,
  id: 'team',
  name: 'Team',
  version: '1.0.0',
  locale: 'zh-CN',
  scenarios: [
    {
      id: 'team_vip',
      title: '会员',
      triggers: ['会员卡'],
      examples: ['我的会员卡'],
      tips: ['先核实'],
      replies: [{ id: 'team.vip', text: '您好' }],
    },
  ],
  stages: [{ id: 'stage.team', title: '开场', replies: [{ id: 'team.open', text: '您好' }] }],
  rules: [
    {
      id: 'team.no',
      category: 'refusal',
      severity: 'warning',
      patterns: ['不行'],
      message: '换个说法',
      suggestion: '暂时',
    },
  ],
};

/** Every field path of the valid pack, with a setter that replaces its value in a deep copy. */
function fieldPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [path, ...value.flatMap((item, i) => fieldPaths(item, [...path, i]))];
  if (value && typeof value === 'object')
    return [path, ...Object.entries(value).flatMap(([k, v]) => fieldPaths(v, [...path, k]))];
  return [path];
}

function withValue(path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(VALID) as Record<string | number, unknown>;
  let at = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = replacement;
  return copy;
}

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('wrong types at every level', () => {
  const paths = fieldPaths(VALID).filter((p) => p.length > 0);
  const wrongs: [string, unknown][] = [
    ['a number', 12345],
    ['null', null],
    ['an object', { polluted: true }],
    ['a string', 'x'.repeat(3)],
  ];
  const cases = paths.flatMap((path) => wrongs.map(([name, value]) => [path.join('.'), name, path, value] as const));

  it.each(cases)(
    '%s as %s: rejected with the field named, or accepted only if that is a valid value',
    (_label, _name, path, value) => {
      // A string where a string belongs is no wrong type: skip those (the schema's own tests cover empty and long strings).
      const original = path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], VALID);
      if (typeof original === typeof value && !Array.isArray(original) && value !== null) return;
      const source = JSON.stringify(withValue(path, value), null, 2);
      const result = parsePack(source, 'team.json');
      expect(result.ok, `${path.join('.')} = ${JSON.stringify(value)} was accepted`).toBe(false);
      if (result.ok) return;
      const problem = result.problems[0]!;
      expect(problem.line, formatProblem(problem)).toBeGreaterThanOrEqual(1);
      expect(problem.message.length).toBeGreaterThan(5);
    },
  );
});

describe('hostile structure', () => {
  it('refuses deep nesting with the place where it goes too deep', () => {
    const result = parsePack('['.repeat(100_000), 'deep.json');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(formatProblem(result.problems[0]!)).toMatch(/^deep\.json:1:\d+ JSON syntax: nested more than 64 levels/u);
  });

  it('refuses a pack of 1 000 000 phrases by the phrase limit', () => {
    const huge = {
      ...VALID,
      scenarios: [{ ...VALID.scenarios[0], triggers: Array.from({ length: 1_000_000 }, (_, i) => `t${i}`) }],
    };
    const result = parsePack(JSON.stringify(huge), 'huge.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message).join('\n')).toMatch(/over the limit of 100000/u);
  });

  it('refuses a reply of a million characters', () => {
    const long = {
      ...VALID,
      scenarios: [{ ...VALID.scenarios[0], replies: [{ id: 'team.long', text: '好'.repeat(1_000_000) }] }],
    };
    const result = parsePack(JSON.stringify(long), 'long.json');
    expect(result.ok).toBe(false);
  });

  it('names both places of a key written twice in one object', () => {
    const source =
      '{\n  "schemaVersion": 1,\n  "id": "team",\n  "name": "Team",\n  "id": "other",\n  "version": "1", "locale": "zh-CN"\n}';
    const result = parsePack(source, 'twice.json');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(formatProblem(result.problems[0]!)).toBe(
        'twice.json:5:3 JSON syntax: the field "id" appears twice in the same object (first at line 3): keep one',
      );
  });

  it.each([
    ['json', JSON.stringify(VALID).replace('"name"', '"__proto__":{"polluted":1},"name"')],
    [
      'json',
      JSON.stringify(VALID).replace('"title":"会员"', '"constructor":{"prototype":{"polluted":1}},"title":"会员"'),
    ],
    ['yaml', 'schemaVersion: 1\nid: team\nname: Team\nversion: "1"\nlocale: zh-CN\n__proto__:\n  polluted: 1\n'],
    [
      'yaml',
      'schemaVersion: 1\nid: team\nname: Team\nversion: "1"\nlocale: zh-CN\nrules:\n  - id: r\n    prototype: {polluted: 1}\n',
    ],
  ] as const)('rejects prototype keys (%s) and pollutes nothing', (format, source) => {
    const result = parsePack(source, `proto.${format}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map(formatProblem).join('\n')).toMatch(/__proto__|constructor|prototype/u);
  });

  it('answers a YAML alias bomb with a problem, not an exception', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const prev = String.fromCharCode('a'.charCodeAt(0) + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const result = parsePack(levels.join('\n'), 'bomb.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/^YAML syntax: .*alias/iu);
  });

  it('places YAML shape problems on their line', () => {
    const source =
      'schemaVersion: 1\nid: team\nname: Team\nversion: "1"\nlocale: zh-CN\nscenarios:\n  - id: s\n    title: 5\n    triggers: [x]\n';
    const result = parsePack(source, 'team.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(formatProblem(result.problems[0]!)).toBe('team.yaml:8:12 scenarios[0].title: expected string, found 5');
  });

  it('places CSV shape problems on their row', () => {
    const lines = readFileSync('data/templates/pack.csv', 'utf8').split('\n');
    const ruleLine = lines.findIndex((line) => line.startsWith('rule,'));
    lines[ruleLine] = lines[ruleLine]!.replace(',warning,', ',loud,');
    const result = parsePack(lines.join('\n'), 'team.csv', 'csv', { csv: parseCsvPack });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(formatProblem(result.problems[0]!)).toBe(
        `team.csv:${ruleLine + 1} rules[0].severity: severity is one of error, warning, info`,
      );
  });
});
