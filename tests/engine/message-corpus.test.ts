// The labelled message corpus folded into a pack: each text once, under the emotion it shows and the scenario it is about.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMessageCorpus, withEmotionCorpus, withScenarioCorpus } from '../../scripts/message-corpus.ts';
import type { Pack } from '../../engine/types.ts';

function corpusFile(lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'message-corpus-')), 'message-corpus.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('a message corpus', () => {
  it('adds each message under its emotion, and a text the examples hold already only once', () => {
    const file = corpusFile([
      '{"text": "退房前要拿到发票，还有四十分钟", "emotion": "anxious", "scenario": "invoice"}',
      '',
      '{"text": "好的", "emotion": "calm", "scenario": "none"}',
      '{"text": "第三次了，你们是故意的吧", "emotion": "angry", "scenario": "complaint"}',
    ]);
    const folded = withEmotionCorpus({ calm: ['好的'], anxious: [] }, readMessageCorpus(file));
    expect(folded).toEqual({
      calm: ['好的'],
      anxious: ['退房前要拿到发票，还有四十分钟'],
      angry: ['第三次了，你们是故意的吧'],
    });
  });

  it('stops on a line that is not JSON, has another emotion or no text, naming the file and line', () => {
    const wrongEmotion = corpusFile([
      '{"text": "好的", "emotion": "calm", "scenario": "none"}',
      '{"text": "快点", "emotion": "urgent", "scenario": "none"}',
    ]);
    expect(() => readMessageCorpus(wrongEmotion)).toThrow(
      `${wrongEmotion}:2: "emotion" must be one of calm, anxious, angry, not "urgent"`,
    );
    const broken = corpusFile(['{"text": "好的", "emotion": "calm"', '']);
    expect(() => readMessageCorpus(broken)).toThrow(`${broken}:1: not a JSON object`);
    const notAnObject = corpusFile(['null']);
    expect(() => readMessageCorpus(notAnObject)).toThrow(`${notAnObject}:1: each line must be one JSON object`);
    const noText = corpusFile(['{"emotion": "calm"}']);
    expect(() => readMessageCorpus(noText)).toThrow(`${noText}:1: a message needs a "text"`);
  });

  it('is empty when the locale has no corpus', () => {
    expect(readMessageCorpus(join(tmpdir(), 'no-such-dir', 'message-corpus.jsonl'))).toEqual([]);
  });

  it('adds each message to the examples of the scenario it names, "none" to the messages that need none', () => {
    const file = corpusFile([
      '{"text": "明天出发 帐篷防雨吗", "emotion": "anxious", "scenario": "product_inquiry"}',
      '{"text": "等下 我找找截图", "emotion": "calm", "scenario": "none"}',
      '{"text": "在吗", "emotion": "calm", "scenario": "greeting"}',
    ]);
    const pack: Pack = {
      schemaVersion: 2,
      id: 'p',
      name: 'P',
      version: '1',
      locale: 'zh-CN',
      noScenarioExamples: ['好的'],
      scenarios: [
        { id: 'greeting', title: '问候', triggers: ['在吗'], examples: ['在吗'], replies: [] },
        { id: 'product_inquiry', title: '咨询', triggers: [], replies: [] },
      ],
    };
    const folded = withScenarioCorpus(pack, readMessageCorpus(file));
    expect(folded.scenarios?.map((s) => s.examples)).toEqual([['在吗'], ['明天出发 帐篷防雨吗']]);
    expect(folded.noScenarioExamples).toEqual(['好的', '等下 我找找截图']);
    expect(pack.scenarios?.[1]?.examples).toBeUndefined();
  });

  it('stops on a scenario the pack does not have or a malformed one, naming the file and line', () => {
    const pack: Pack = { schemaVersion: 2, id: 'p', name: 'P', version: '1', locale: 'en', scenarios: [] };
    const unknown = corpusFile(['{"text": "where is my parcel", "emotion": "calm", "scenario": "shipping_dealy"}']);
    expect(() => withScenarioCorpus(pack, readMessageCorpus(unknown))).toThrow(
      `${unknown}:1: the message names the scenario "shipping_dealy", which the pack does not have`,
    );
    const malformed = corpusFile(['{"text": "hi", "emotion": "calm", "scenario": "Greeting!"}']);
    expect(() => readMessageCorpus(malformed)).toThrow(`${malformed}:1: "scenario" must be a scenario id`);
    const unlabelled = corpusFile(['{"text": "hi", "emotion": "calm"}']);
    expect(() => readMessageCorpus(unlabelled)).toThrow(`${unlabelled}:1: "scenario" must be a scenario id`);
  });

  it('stops on a message the pack already files under another scenario, naming both', () => {
    const pack: Pack = {
      schemaVersion: 2,
      id: 'p',
      name: 'P',
      version: '1',
      locale: 'zh-TW',
      noScenarioExamples: ['沒事了'],
      scenarios: [{ id: 'closing', title: '結束', triggers: [], replies: [] }],
    };
    const conflicting = corpusFile(['{"text": "沒事了", "emotion": "calm", "scenario": "closing"}']);
    expect(() => withScenarioCorpus(pack, readMessageCorpus(conflicting))).toThrow(
      `${conflicting}:1: "沒事了" is labelled "closing" here and "none" in noScenarioExamples: keep one label`,
    );
    const agreeing = corpusFile(['{"text": "沒事了", "emotion": "calm", "scenario": "none"}']);
    expect(withScenarioCorpus(pack, readMessageCorpus(agreeing)).noScenarioExamples).toEqual(['沒事了']);
  });
});
