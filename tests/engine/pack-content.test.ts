// Content checks on the shipped packs and sample conversations: taxonomy coverage, reply ids, variables, clean wording.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/index.ts';
import { renderFields } from '../../engine/fields.ts';
import { findSensitive } from '../../engine/sensitive.ts';
import { normalizeForMatch, toSimplified } from '../../engine/normalize.ts';
import { BUILTIN_VARIABLES, SCENARIO_IDS, STAGE_IDS, type Pack, type Reply } from '../../engine/types.ts';

const root = join(import.meta.dirname, '../..');
const readPack = (id: string): Pack => JSON.parse(readFileSync(join(root, 'data/packs', `${id}.json`), 'utf8')) as Pack;

const PACK_IDS = ['zh-CN', 'zh-TW', 'en'] as const;
const packs = Object.fromEntries(PACK_IDS.map((id) => [id, readPack(id)])) as Record<(typeof PACK_IDS)[number], Pack>;

// The seed phrases of ../shared/docs/warnings.md that a standard reply must never contain. Kept as a plain list on
// purpose: this test guards the wording of the replies, independently of the linter's rules.
const FORBIDDEN_ZH = [
  '我不能',
  '我不会做',
  '我想我做不了',
  '做不了',
  '办不到',
  '这不是我应该做的',
  '不归我管',
  '不关我的事',
  '你找别人吧',
  '但是',
  '不对',
  '错了',
  '你搞错了',
  '你觉得可能吗',
  '您觉得有必要跟我们联系这件事吗',
  '你不会自己看吗',
  '我们不能为您提供服务',
  '我们拒绝为您服务',
  '我们的热线电话不是为您这样的客户开通的',
  '我要为下一位客户服务了',
  '绝对',
  '保证',
  '百分之百',
  '肯定没问题',
  '一定',
  '别家都是骗人的',
  '都是垃圾',
  '告诉我您的密码',
  '把验证码发给我',
  '完整的银行卡号',
  '身份证号全部',
  '我已经说过了',
  '你听不懂吗',
  '急什么',
  '你自己看',
  '是你自己的问题',
];
const FORBIDDEN_EN = [
  "i can't",
  'i cannot',
  "i won't",
  'impossible',
  'not my job',
  'not my department',
  "you're wrong",
  'that is incorrect',
  "that's incorrect",
  'do you really think',
  "can't you read",
  'we refuse to serve you',
  'i have other customers',
  'guaranteed',
  'guarantee',
  '100%',
  'definitely will',
  'garbage',
  'send me your password',
  'your password is',
  'verification code to me',
  'full card number',
  'as i already said',
  'calm down',
  'you should have',
];
// Asking for a secret, in any wording: a verb of giving followed closely by the secret.
const ASKS_FOR_SECRET_ZH =
  /(告诉|发给|发送|提供|报一下|输入给|说一下)[^.?!。？！]{0,8}(密码|验证码|完整.{0,4}(卡号|证件号|身份证号))/u;
const ASKS_FOR_SECRET_EN =
  /\b(send|give|tell|share with)\b[^.?!]{0,20}\b(password|verification code|full card number)\b/iu;

// Words OpenCC renders in mainland or technical usage that a Taiwan reader would stumble on; zh-CN avoids them.
const NOT_TAIWAN_USAGE = ['賬', '許可權', '線上', '稽核', '程式碼', '支援', '彆', '回復您', '並聯', '“', '”'];

interface Section {
  kind: 'scenario' | 'stage';
  id: string;
  title: string;
  replies: Reply[];
  tips: string[];
}

function sectionsOf(pack: Pack): Section[] {
  return [
    ...(pack.scenarios ?? []).map((s) => ({
      kind: 'scenario' as const,
      id: s.id,
      title: s.title,
      replies: s.replies ?? [],
      tips: s.tips ?? [],
    })),
    ...(pack.stages ?? []).map((s) => ({
      kind: 'stage' as const,
      id: s.id,
      title: s.title,
      replies: s.replies,
      tips: s.tips ?? [],
    })),
  ];
}

const allReplies = (pack: Pack): Reply[] => sectionsOf(pack).flatMap((s) => s.replies);

/** Every human-readable string of the content sections (titles, reply titles and texts, tips). */
function contentTexts(pack: Pack): string[] {
  return sectionsOf(pack).flatMap((s) => [s.title, ...s.tips, ...s.replies.flatMap((r) => [r.title ?? '', r.text])]);
}

describe.each(PACK_IDS)('pack %s', (packId) => {
  const pack = packs[packId];
  const scenarios = new Map((pack.scenarios ?? []).map((s) => [s.id, s]));
  const stages = new Map((pack.stages ?? []).map((s) => [s.id, s]));

  it('covers every taxonomy scenario and stage, in the taxonomy order', () => {
    expect(SCENARIO_IDS.filter((id) => !scenarios.has(id))).toEqual([]);
    expect(STAGE_IDS.filter((id) => !stages.has(id))).toEqual([]);
    const taxonomy = new Set<string>(SCENARIO_IDS);
    expect((pack.scenarios ?? []).map((s) => s.id).filter((id) => taxonomy.has(id))).toEqual([...SCENARIO_IDS]);
    expect((pack.stages ?? []).map((s) => s.id).filter((id) => (STAGE_IDS as readonly string[]).includes(id))).toEqual([
      ...STAGE_IDS,
    ]);
  });

  it.each([...SCENARIO_IDS, ...STAGE_IDS])('%s has a title, 2–4 replies and at least one tip', (id) => {
    const section = sectionsOf(pack).find((s) => s.id === id)!;
    expect(section.title.trim()).not.toBe('');
    expect(section.title).not.toBe(id);
    expect(section.replies.length).toBeGreaterThanOrEqual(2);
    expect(section.replies.length).toBeLessThanOrEqual(4);
    expect(section.tips.length).toBeGreaterThanOrEqual(1);
    expect(section.tips.length).toBeLessThanOrEqual(3);
    for (const tip of section.tips) expect(tip.trim()).not.toBe('');
  });

  it('reply ids are unique in the pack and named after their scenario or stage', () => {
    const ids = allReplies(pack).map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const section of sectionsOf(pack)) {
      for (const reply of section.replies) expect(reply.id.startsWith(`${section.id}.`), reply.id).toBe(true);
    }
  });

  it('every reply has a short title and a text', () => {
    for (const reply of allReplies(pack)) {
      expect(reply.text.trim(), reply.id).not.toBe('');
      const title = reply.title ?? '';
      expect(title.trim(), reply.id).not.toBe('');
      if (packId === 'en') expect(title.split(/\s+/u).length, title).toBeLessThanOrEqual(5);
      else expect([...title.replace(/[\s/／]/gu, '')].length, title).toBeLessThanOrEqual(12);
    }
  });

  it('replies use only known variables', () => {
    const known = new Set<string>([...BUILTIN_VARIABLES, ...Object.keys(pack.variables ?? {})]);
    for (const reply of allReplies(pack)) {
      for (const [, name] of reply.text.matchAll(/\{([^{}]*)\}/gu))
        expect(known.has(name!), `${reply.id}: {${name}}`).toBe(true);
      // A stray brace means a variable that will never be filled.
      expect(reply.text.replace(/\{[A-Za-z]+\}/gu, ''), reply.id).not.toMatch(/[{}]/u);
    }
  });

  it("every reply passes the pack's own draft rules without a finding", () => {
    // An agent sends these sentences as they are: a warning on a standard reply would teach agents to ignore warnings.
    // Its fields are filled first, as the agent fills them (an unfilled one is an error by design: fields.test.ts).
    const engine = createEngine([pack]);
    for (const reply of allReplies(pack)) {
      const filled = renderFields(reply.text).text.replace(/\[\[([^\]]+)\]\]/gu, '3');
      expect(engine.lint(filled), `${reply.id}: ${filled}`).toEqual([]);
    }
  });

  it('no reply contains a forbidden phrase of the training material', () => {
    const list = packId === 'en' ? FORBIDDEN_EN : FORBIDDEN_ZH.map(normalizeForMatch);
    for (const reply of allReplies(pack)) {
      const text = normalizeForMatch(reply.text);
      const hits = list.filter((phrase) => text.includes(phrase));
      expect(hits, `${reply.id}: ${reply.text}`).toEqual([]);
      expect(text, reply.id).not.toMatch(packId === 'en' ? ASKS_FOR_SECRET_EN : ASKS_FOR_SECRET_ZH);
    }
  });

  it('holds no personal data in its training texts (example messages and drafts are masked as taught ones are)', () => {
    const texts = [
      ...(pack.noScenarioExamples ?? []),
      ...(pack.scenarios ?? []).flatMap((s) => s.examples ?? []),
      ...Object.values(pack.emotionExamples ?? {}).flat(),
      ...Object.values(pack.draftExamples?.flawed ?? {}).flat(),
      ...(pack.draftExamples?.clean ?? []),
    ];
    expect(texts.length).toBeGreaterThan(500);
    const found = texts.filter((text) => findSensitive(text).some((s) => s.kind === 'phone' || s.kind === 'email'));
    expect(found).toEqual([]);
  });

  it('holds no web address: the packs are bundled, and the built code must name no remote host', () => {
    // A pasted link is masked before reading, so an example that is only a link teaches nothing anyway.
    expect(JSON.stringify(pack).match(/https?:\/\/[^"\s]*/gu) ?? []).toEqual([]);
  });
});

describe('pack languages', () => {
  it('zh-CN is written in simplified characters only', () => {
    for (const text of contentTexts(packs['zh-CN'])) expect(text).toBe(toSimplified(text));
  });

  it('zh-TW is the zh-CN content converted, reply for reply', () => {
    const cn = allReplies(packs['zh-CN']);
    const tw = allReplies(packs['zh-TW']);
    expect(tw.map((r) => r.id)).toEqual(cn.map((r) => r.id));
    // Converted, not copied: a reply left identical to zh-CN would still show simplified characters.
    const unchanged = tw.filter((r, i) => r.text === cn[i]!.text);
    expect(unchanged.length / tw.length).toBeLessThan(0.1);
  });

  it('zh-TW reads as Taiwan usage (no mainland leftovers of the conversion)', () => {
    for (const text of contentTexts(packs['zh-TW'])) {
      expect(
        NOT_TAIWAN_USAGE.filter((word) => text.includes(word)),
        text,
      ).toEqual([]);
    }
  });

  it('the English pack has the same scenarios, stages and reply count per section as zh-CN', () => {
    const shape = (pack: Pack) =>
      sectionsOf(pack)
        .filter((s) => s.replies.length > 0)
        .map((s) => s.id);
    expect(shape(packs.en)).toEqual(shape(packs['zh-CN']));
    for (const text of contentTexts(packs.en)) expect(text, text).not.toMatch(/\p{Script=Han}/u);
  });

  it('{customer} is the whole form of address: no honorific written around it', () => {
    for (const packId of PACK_IDS) {
      for (const reply of allReplies(packs[packId])) {
        expect(reply.text, reply.id).not.toMatch(/\{customer\}\s*(先生|女士|小姐)|(Mr|Mrs|Ms|Miss)\.?\s*\{customer\}/u);
      }
    }
  });
});

describe('sample conversations', () => {
  const ROLES = ['customer', 'agent', 'note', 'system'];
  it.each(['conversation.jsonl', 'conversation.en.jsonl'])(
    'data/samples/%s is one message a line with every role',
    (file) => {
      const lines = readFileSync(join(root, 'data/samples', file), 'utf8')
        .trimEnd()
        .split('\n');
      const messages = lines.map((line) => JSON.parse(line) as { role: string; text: string });
      for (const message of messages) {
        expect(ROLES).toContain(message.role);
        expect(typeof message.text === 'string' && message.text.trim() !== '').toBe(true);
      }
      expect(new Set(messages.map((m) => m.role))).toEqual(new Set(ROLES));
      expect(messages.length).toBeGreaterThanOrEqual(12);
    },
  );
});
