// The labelled message corpus folded into a pack's emotion examples: each text once, under the emotion it shows.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEmotionCorpus, withEmotionCorpus } from '../../scripts/emotion-corpus.ts';

function corpusFile(lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'emotion-corpus-')), 'emotion-corpus.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('an emotion corpus', () => {
  it('adds each message under its emotion, and a text the examples hold already only once', () => {
    const file = corpusFile([
      '{"text": "退房前要拿到发票，还有四十分钟", "emotion": "anxious", "scenario": "invoice"}',
      '',
      '{"text": "好的", "emotion": "calm"}',
      '{"text": "第三次了，你们是故意的吧", "emotion": "angry"}',
    ]);
    const folded = withEmotionCorpus({ calm: ['好的'], anxious: [] }, readEmotionCorpus(file));
    expect(folded).toEqual({
      calm: ['好的'],
      anxious: ['退房前要拿到发票，还有四十分钟'],
      angry: ['第三次了，你们是故意的吧'],
    });
  });

  it('stops on a line that is not JSON, has another emotion or no text, naming the file and line', () => {
    const wrongEmotion = corpusFile(['{"text": "好的", "emotion": "calm"}', '{"text": "快点", "emotion": "urgent"}']);
    expect(() => readEmotionCorpus(wrongEmotion)).toThrow(
      `${wrongEmotion}:2: "emotion" must be one of calm, anxious, angry, not "urgent"`,
    );
    const broken = corpusFile(['{"text": "好的", "emotion": "calm"', '']);
    expect(() => readEmotionCorpus(broken)).toThrow(`${broken}:1: not a JSON object`);
    const notAnObject = corpusFile(['null']);
    expect(() => readEmotionCorpus(notAnObject)).toThrow(`${notAnObject}:1: each line must be one JSON object`);
    const noText = corpusFile(['{"emotion": "calm"}']);
    expect(() => readEmotionCorpus(noText)).toThrow(`${noText}:1: a message needs a "text"`);
  });

  it('is empty when the locale has no corpus', () => {
    expect(readEmotionCorpus(join(tmpdir(), 'no-such-dir', 'emotion-corpus.jsonl'))).toEqual([]);
  });
});
