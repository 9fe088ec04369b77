// Generated data is tested like code: the committed tables and packs are exactly what their generators produce.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPacks } from '../../scripts/build-packs.ts';
import { TABLE_FILES } from '../../scripts/build-tables.ts';

const root = join(import.meta.dirname, '../..');

describe('generated files are up to date', () => {
  it.each(Object.entries(TABLE_FILES))('engine/tables/%s', (file, render) => {
    expect(readFileSync(join(root, 'engine/tables', file), 'utf8')).toBe(render());
  });

  it.each(Object.entries(buildPacks()))(
    'data/packs/%s (run `npm run packs` after editing data/src)',
    (file, content) => {
      expect(readFileSync(join(root, 'data/packs', file), 'utf8')).toBe(content);
    },
  );
});
