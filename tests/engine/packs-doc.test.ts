// The examples in docs/packs.md are real packs: each validates, the first of each format describe the same pack, and its rule examples hold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/index.ts';
import { parseCsvPack } from '../../engine/pack-convert.ts';
import { parsePack, type PackFormat } from '../../engine/pack-load.ts';
import type { Pack } from '../../engine/types.ts';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'packs.md'), 'utf8');
const blocks = [...doc.matchAll(/^```(json|yaml|csv)\n([\s\S]*?)^```$/gmu)].map((m) => ({
  format: m[1] as PackFormat,
  text: m[2]!,
}));

function parsed(format: PackFormat): Pack {
  const block = blocks.find((b) => b.format === format);
  expect(block, `docs/packs.md has a ${format} example`).toBeDefined();
  const result = parsePack(block!.text, `docs/packs.md (${format})`, format, { csv: parseCsvPack });
  if (!result.ok)
    throw new Error(result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path ?? ''} ${p.message}`).join('\n'));
  return result.pack;
}

describe('docs/packs.md examples', () => {
  it('has an example in each format, and every example validates', () => {
    expect(new Set(blocks.map((b) => b.format))).toEqual(new Set(['csv', 'json', 'yaml']));
    blocks.forEach((block, index) => {
      const result = parsePack(block.text, `docs/packs.md example ${index + 1} (${block.format})`, block.format, {
        csv: parseCsvPack,
      });
      expect(result.ok ? [] : result.problems).toEqual([]);
    });
  });

  it('describes the same pack in JSON, YAML and CSV', () => {
    const json = parsed('json');
    expect(json.id).toBe('acme-cn');
    expect(parsed('yaml')).toEqual(json);
    expect(parsed('csv')).toEqual(json);
  });

  it('flags the rule examples as the doc says', () => {
    const pack = parsed('json');
    const engine = createEngine([pack]);
    for (const rule of pack.rules ?? []) {
      for (const draft of rule.examples?.match ?? [])
        expect(
          engine.lint(draft).map((f) => f.ruleId),
          draft,
        ).toContain(rule.id);
      for (const draft of rule.examples?.noMatch ?? [])
        expect(
          engine.lint(draft).map((f) => f.ruleId),
          draft,
        ).not.toContain(rule.id);
    }
  });

  it('documents every field of the pack format', () => {
    const fields = [
      'schemaVersion',
      'description',
      'variables',
      'triggers',
      'examples',
      'tips',
      'merge',
      'category',
      'severity',
      'patterns',
      'sensitive',
      'exceptions',
      'suggestion',
      'disabled',
      'fallback',
      'noMatch',
      'counterExamples',
      'noScenarioExamples',
      'draftExamples',
      'flawed',
      'clean',
      'notes',
      'emotionExamples',
    ];
    for (const field of fields) expect(doc, field).toContain(`\`${field}\``);
  });
});
