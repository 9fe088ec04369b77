// Pack validation benchmark: a broken pack's problems listed with their places, for 1 000, 10 000 and 50 000 bad ids.
import { fileURLToPath } from 'node:url';
import { parsePack } from '../engine/pack-load.ts';
import { printTable, timeIt, type BenchRow } from './table.ts';

/** A pack of `bad` scenarios whose ids break the id format, one field a line as an editor writes it (50 000 ≈ 6 MB). */
export function brokenPack(bad: number): string {
  const scenarios = Array.from({ length: bad }, (_, i) => ({
    id: `bad id ${i}`,
    title: `Scenario ${i}`,
    triggers: [`trigger ${i}`],
  }));
  return JSON.stringify(
    { schemaVersion: 1, id: 'broken', name: 'Broken', version: '1.0.0', locale: 'en', scenarios },
    null,
    2,
  );
}

export function benchValidate(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const bad of [1_000, 10_000, 50_000]) {
    const source = brokenPack(bad);
    let listed = 0;
    const timing = timeIt(
      () => {
        const result = parsePack(source, 'broken.json');
        listed = result.ok ? 0 : result.problems.length;
      },
      bad >= 50_000 ? 10 : 30,
      2,
    );
    rows.push({
      case: `validate, ${bad.toLocaleString('en').replace(/,/g, ' ')} bad ids (${(source.length / 1e6).toFixed(1)} MB)`,
      subject: 'huashu',
      ...timing,
      note: `${listed} lines listed`,
    });
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printTable('Pack validation of a broken pack, per file', benchValidate());
}
