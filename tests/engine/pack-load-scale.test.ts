// A pack with thousands of problems: the source is indexed once for all their places, and the list stops at a cap.
import { describe, expect, it, vi } from 'vitest';
import { MAX_LISTED_PROBLEMS } from '../../engine/limits.ts';
import * as lineIndex from '../../engine/line-index.ts';
import { parseCsvPack } from '../../engine/pack-convert.ts';
import { formatProblem, parsePack, problemTotal } from '../../engine/pack-load.ts';
import { formatProblemIn } from '../../engine/problem-locale.ts';

// Counts how often a source is indexed and how many places are looked up, to check the work per problem.
const counts = vi.hoisted(() => ({ indexed: 0, lookups: 0 }));
vi.mock('../../engine/line-index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof lineIndex>();
  return {
    ...original,
    indexLines: (text: string) => {
      counts.indexed++;
      const index = original.indexLines(text);
      return {
        at: (offset: number) => {
          counts.lookups++;
          return index.at(offset);
        },
      };
    },
  };
});

/** A pack of `bad` scenarios whose ids break the id format, one field a line. */
function brokenPack(bad: number): string {
  const scenarios = Array.from({ length: bad }, (_, i) => ({ id: `bad id ${i}`, title: `Scenario ${i}` }));
  return JSON.stringify(
    { schemaVersion: 1, id: 'broken', name: 'Broken', version: '1.0.0', locale: 'en', scenarios },
    null,
    2,
  );
}

describe('a pack with thousands of problems', () => {
  it('indexes the source once and looks up only the places it lists', () => {
    counts.indexed = 0;
    counts.lookups = 0;
    const result = parsePack(brokenPack(5_000), 'broken.json');
    expect(result.ok).toBe(false);
    expect(counts.indexed).toBe(1);
    expect(counts.lookups).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS);
  });

  it('lists the first problems with their places, then one line for how many more', () => {
    const result = parsePack(brokenPack(50_000), 'broken.json');
    if (result.ok) throw new Error('the broken pack was accepted');
    expect(result.problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    const lines = result.problems.map(formatProblem);
    // The first bad id is on line 9 of the formatted pack, each next one four lines further.
    expect(lines[0]).toBe(
      'broken.json:9:13 scenarios[0].id: ids use letters, digits, ".", "_" and "-", and start with a letter or digit',
    );
    expect(lines[MAX_LISTED_PROBLEMS - 1]).toMatch(
      new RegExp(
        `^broken\\.json:${9 + 4 * (MAX_LISTED_PROBLEMS - 1)}:13 scenarios\\[${MAX_LISTED_PROBLEMS - 1}\\]\\.id: `,
      ),
    );
    expect(lines[MAX_LISTED_PROBLEMS]).toBe(
      `broken.json … and 49 800 more problems, not listed: fix the ones above and validate again`,
    );
    expect(problemTotal(result.problems)).toBe(50_000);
    const last = result.problems[MAX_LISTED_PROBLEMS]!;
    expect(formatProblemIn(last, 'zh-CN')).toBe(
      'broken.json ……还有 49 800 个问题没有列出：请先改正上面的问题，再检查一次',
    );
    expect(formatProblemIn(last, 'zh-TW')).toBe(
      'broken.json ……還有 49 800 個問題沒有列出：請先修正上面的問題，再檢查一次',
    );
  });

  it('lists a pack at the cap in full, with no summary line', () => {
    const result = parsePack(brokenPack(MAX_LISTED_PROBLEMS), 'broken.json');
    if (result.ok) throw new Error('the broken pack was accepted');
    expect(result.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(result.problems.every((p) => p.code === 'idFormat')).toBe(true);
    expect(problemTotal(result.problems)).toBe(MAX_LISTED_PROBLEMS);
  });

  it('caps YAML and CSV problems the same way', () => {
    const yaml = ['schemaVersion: 1', 'id: broken', 'name: Broken', 'version: "1.0.0"', 'locale: en', 'scenarios:'];
    for (let i = 0; i < 1_000; i++) yaml.push(`  - id: bad id ${i}`, `    title: Scenario ${i}`);
    const fromYaml = parsePack(yaml.join('\n'), 'broken.yaml');
    if (fromYaml.ok) throw new Error('the broken YAML pack was accepted');
    expect(fromYaml.problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(formatProblem(fromYaml.problems[0]!)).toMatch(/^broken\.yaml:7:9 scenarios\[0\]\.id: ids use/);
    expect(problemTotal(fromYaml.problems)).toBe(1_000);

    const csv = ['kind,id,title', 'meta,broken,Broken'];
    for (let i = 0; i < 1_000; i++) csv.push(`scenari0,s${i},Scenario ${i}`);
    const fromCsv = parsePack(csv.join('\n'), 'broken.csv', 'csv', { csv: parseCsvPack });
    if (fromCsv.ok) throw new Error('the broken CSV pack was accepted');
    expect(fromCsv.problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(formatProblem(fromCsv.problems[0]!)).toBe(
      'broken.csv:3 kind "scenari0" is not one of meta, scenario, stage, reply, rule',
    );
    expect(problemTotal(fromCsv.problems)).toBe(1_000);
  });
});
