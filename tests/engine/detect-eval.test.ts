// The evaluation's arithmetic: top-1, top-3 and abstention figures from labelled messages and a detector's answers.
import { describe, expect, it } from 'vitest';
import { tallyDetections, type LabelledMessage } from '../../scripts/eval.ts';
import type { Detection } from '../../engine/types.ts';

const rows: LabelledMessage[] = [
  { text: 'a', expect: 'return_refund', lang: 'zh-CN', emotion: 'calm' },
  { text: 'b', expect: 'complaint', lang: 'zh-CN', emotion: 'angry' },
  { text: 'c', expect: 'greeting', lang: 'en', emotion: 'calm' },
  { text: 'd', expect: 'none', lang: 'en', emotion: 'calm' },
  { text: 'e', expect: 'none', lang: 'zh-TW', emotion: 'calm' },
];

// A detector that answers from a table: right first, right third, missing, abstaining correctly, guessing on none.
const answers: Record<string, string[]> = {
  a: ['return_refund'],
  b: ['return_refund', 'angry_abusive', 'complaint'],
  c: [],
  d: [],
  e: ['closing'],
};
const detect = (text: string): Detection => ({
  text,
  scenarios: answers[text]!.map((id, i) => ({ id, score: 0.9 - i * 0.1 })),
  emotion: 'calm',
  sensitive: [],
});

describe('tallyDetections', () => {
  const tallies = tallyDetections(rows, detect);

  it('counts top-1 and top-3, with a right abstention counting as both', () => {
    expect(tallies.overall).toMatchObject({ total: 5, top1: 2, top3: 3 });
  });

  it('counts abstentions: precision is right abstentions over all abstentions, recall over all none rows', () => {
    // Abstained on c (wrong) and d (right); e was none but got a guess.
    expect(tallies.overall).toMatchObject({ abstained: 2, abstainedOnNone: 1, none: 2 });
  });

  it('splits by language and by expected scenario', () => {
    expect(tallies.byLanguage.get('zh-CN')).toMatchObject({ total: 2, top1: 1, top3: 2 });
    expect(tallies.byLanguage.get('en')).toMatchObject({ total: 2, top1: 1, top3: 1 });
    expect(tallies.byScenario.get('none')).toMatchObject({ total: 2, top1: 1 });
  });

  it('counts emotions and lists every miss', () => {
    expect(tallies.emotionRight).toBe(4);
    expect(tallies.misses.filter((m) => m.startsWith('expect'))).toHaveLength(3);
    expect(tallies.misses).toContain('emotion calm ≠ angry: b');
  });
});
