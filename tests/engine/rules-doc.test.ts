// docs/rules.md is generated from the shipped packs: it must say what the packs do today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readShippedPacks, renderRulesDoc, RULES_DOC } from '../../scripts/build-rules-doc.ts';

describe('docs/rules.md', () => {
  it('matches the shipped packs (run npm run rules after changing a rule)', () => {
    expect(readFileSync(RULES_DOC, 'utf8')).toBe(renderRulesDoc(readShippedPacks()));
  });

  it('lists every rule of every pack', () => {
    const doc = readFileSync(RULES_DOC, 'utf8');
    for (const pack of readShippedPacks()) for (const rule of pack.rules ?? []) expect(doc).toContain(`### ${rule.id}`);
  });
});
