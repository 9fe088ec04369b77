// The labelled draft corpus folded into a pack: spans teach the kind, the rest of a flawed draft teaches what is clean.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDraftCorpus, withDraftCorpus } from '../../scripts/draft-corpus.ts';

describe('a draft corpus', () => {
  const corpus = [
    {
      text: '亲，您好～这个不归我管，您找售后吧。祝您生活愉快！',
      expect: ['shirking' as const],
      spans: [{ category: 'shirking' as const, text: '这个不归我管，您找售后吧' }],
    },
    { text: '保证金会在退租后七天内退回。', expect: [], spans: [] },
  ];

  it('adds each span and a short flawed draft whole as flawed, its other sentences and clean drafts as clean', () => {
    const folded = withDraftCorpus({ flawed: { shirking: ['不归我管'] }, clean: ['好的'] }, corpus);
    expect(folded.flawed?.shirking).toEqual([
      '不归我管',
      '这个不归我管，您找售后吧',
      '亲，您好～这个不归我管，您找售后吧。祝您生活愉快！',
    ]);
    expect(folded.clean).toEqual(['好的', '亲，您好～', '祝您生活愉快！', '保证金会在退租后七天内退回。']);
  });

  it('stops on a span that is not in its text, naming the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    const file = join(dir, 'draft-corpus.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify(corpus[1])}\n${JSON.stringify({ ...corpus[0], spans: [{ category: 'shirking', text: '不关我事' }] })}\n`,
    );
    expect(() => readDraftCorpus(file)).toThrow(`${file}:2: span "不关我事" is not in its text`);
    expect(readDraftCorpus(join(dir, 'none.jsonl'))).toEqual([]);
  });

  it('stops on a line that is no draft object, naming the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    const file = (name: string, line: string): string => {
      const path = join(dir, name);
      writeFileSync(path, `${JSON.stringify(corpus[1])}\n${line}\n`);
      return path;
    };
    const nothing = file('null.jsonl', 'null');
    expect(() => readDraftCorpus(nothing)).toThrow(`${nothing}:2: each line must be one JSON object`);
    const noText = file('no-text.jsonl', '{"expect": []}');
    expect(() => readDraftCorpus(noText)).toThrow(`${noText}:2: a draft needs a "text"`);
    const noExpect = file('no-expect.jsonl', '{"text": "好的"}');
    expect(() => readDraftCorpus(noExpect)).toThrow(`${noExpect}:2: "expect" must list the draft's categories`);
  });
});
