// Writing a pack as CSV: the template comes back the same through a round trip, and a pack CSV cannot hold is refused with the fields named.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packToCsv, parseCsvPack } from '../../engine/pack-convert.ts';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import type { Pack } from '../../engine/types.ts';

describe('a pack written as CSV', () => {
  it('reads back as the same pack (the CSV template, a reply shortcut added)', () => {
    const parsed = parseCsvPack(readFileSync('data/templates/pack.csv', 'utf8'), 'pack.csv');
    expect(parsed.ok).toBe(true);
    const pack = structuredClone((parsed as { pack: Pack }).pack);
    pack.scenarios![0]!.replies![0]!.shortcut = 'tk';
    const written = packToCsv(pack);
    expect(written.ok).toBe(true);
    const again = parseCsvPack((written as { csv: string }).csv, 'again.csv');
    expect(again).toEqual({ ok: true, pack });
  });

  it('is a template whose Chinese text uses full-width punctuation, as a team lead would copy it', () => {
    const template = readFileSync('data/templates/pack.csv', 'utf8');
    // ASCII , : ; ! ? beside a Chinese character, outside the CSV's own separators (commas between cells).
    const cells = template.split('\n').flatMap((line) => line.match(/"[^"]*"|[^,]+/gu) ?? []);
    const halfWidth = cells.filter((cell) => /\p{Script=Han}[:;!?,]|[:;!?,]\p{Script=Han}/u.test(cell));
    expect(halfWidth).toEqual([]);
  });

  it('is refused when CSV cannot hold the pack, naming each field it would lose', () => {
    const zhCN = DEFAULT_PACKS.find((pack) => pack.id === 'zh-CN')!;
    const written = packToCsv(zhCN);
    expect(written.ok).toBe(false);
    const lost = written.ok ? [] : written.lost;
    expect(lost).toContain('draftExamples');
    // A pattern with alternatives holds "|", CSV's list separator.
    expect(lost.some((field) => /^rules\[\d+\]\.patterns$/u.test(field))).toBe(true);
  });

  it('is refused for a pack of an older schema, whose phrases CSV would read as patterns', () => {
    const old: Pack = { schemaVersion: 1, id: 'old', name: 'Old', version: '1', locale: 'en' };
    expect(packToCsv(old)).toEqual({ ok: false, lost: ['schemaVersion'] });
  });
});
