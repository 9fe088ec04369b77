// Learned findings: what a pack's labelled drafts add to its rules, in which words, on which span, and what they leave alone.
import { describe, expect, it } from 'vitest';
import { createEngine, draftReaderTraining, type TrainedDraftReader } from '../../engine/index.ts';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import type { Pack } from '../../engine/types.ts';

const SHIRKING = [
  '这个不归我管',
  '这事不归我们组管',
  '不归我管哦您找别人',
  '售后不归我们管',
  '这个真不归我管啊',
  '物流的事不归我管',
  '这块不归我们负责',
];
const CLEAN = [
  '好的亲，我帮您查一下',
  '已经帮您登记了',
  '我来跟进，稍后回复您',
  '订单已经发出了哦',
  '感谢您的耐心等待',
];

function packWith(draftExamples: Pack['draftExamples'], locale = 'zh-CN', id = 'team'): Pack {
  return { schemaVersion: 2, id, name: id, version: '1.0.0', locale, draftExamples };
}

const notes = { shirking: '别把客户推开：说“我帮您联系负责的同事”。' };
const engine = createEngine([
  packWith({ flawed: { shirking: SHIRKING, impatience: ['急什么', '催什么催'] }, clean: CLEAN, notes }),
  packWith({ notes: { shirking: 'Do not push the customer away.' } }, 'en', 'team-en'),
]);

describe('a learned finding', () => {
  it('marks the sentence that reads as the category, as a warning with the pack’s note', () => {
    const draft = '亲您好。这个真的不归我们这边管哈！有别的问题再找我';
    const [finding, ...rest] = engine.lint(draft);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'learned.shirking',
      category: 'shirking',
      severity: 'warning',
      message: notes.shirking,
    });
    expect(finding!.fix).toBeUndefined();
    expect(draft.slice(finding!.start, finding!.end)).toBe(finding!.match);
    expect(finding!.match).toBe('这个真的不归我们这边管哈！');
  });

  it('speaks the language of the draft when a pack of that language has a note', () => {
    const english = createEngine([
      packWith(
        {
          flawed: {
            shirking: ['not my job', 'that is not my job', 'not my job mate', 'so not my job', 'really not my job'],
          },
        },
        'en',
      ),
      packWith({ notes: { shirking: '别推给别人。' } }, 'zh-CN', 'zh'),
      packWith({ notes: { shirking: 'Do not push it away.' } }, 'en', 'en-notes'),
    ]);
    expect(english.lint('honestly this is not my job').map((f) => f.message)).toEqual(['Do not push it away.']);
  });

  it('leaves a clean draft, an empty one and quoted customer words alone', () => {
    expect(engine.lint('好的亲，我帮您查一下，稍后回复您')).toEqual([]);
    expect(engine.lint('')).toEqual([]);
    expect(engine.lint('您说“这个不归我们管”是之前同事说的吗？我来跟进')).toEqual([]);
  });

  it('does not learn a category from fewer than five drafts', () => {
    expect(engine.lint('急什么').map((f) => f.category)).not.toContain('impatience');
  });

  it('is not added where a rule of the same category already found the phrase', () => {
    const withRule = createEngine([
      {
        ...packWith({ flawed: { shirking: SHIRKING }, clean: CLEAN, notes }),
        rules: [
          { id: 'team.shirking', category: 'shirking', severity: 'error', patterns: ['不归我管'], message: '规则' },
        ],
      },
    ]);
    expect(withRule.lint('这个不归我管').map((f) => f.ruleId)).toEqual(['team.shirking']);
  });

  it('trains in slices when given a budget, and reads as one training at once does', () => {
    const sliced = createEngine(DEFAULT_PACKS);
    let slices = 1;
    while (!sliced.prepareLint(5)) slices++;
    expect(slices).toBeGreaterThan(5);
    expect(sliced.prepareLint(5)).toBe(true);
    const draft = '这事不是我这边负责的哈，您去问物流。Not my department, sorry.';
    expect(sliced.lint(draft)).toEqual(createEngine(DEFAULT_PACKS).lint(draft));
  });

  it('answers with the rules alone, without training, when told not to wait for the reader', () => {
    const fresh = createEngine(DEFAULT_PACKS);
    const draft = '退货的事你得去问仓库，我这边只负责咨询';
    expect(fresh.lint(draft, { waitForReader: false }).map((f) => f.ruleId)).not.toContain('learned.shirking');
    expect(fresh.prepareLint(0)).toBe(false);
    expect(fresh.lint(draft).map((f) => f.ruleId)).toContain('learned.shirking');
    expect(fresh.prepareLint(0)).toBe(true);
  });

  it('is ready before the first draft once prepareLint has run, and gives the same findings', () => {
    const prepared = createEngine(DEFAULT_PACKS);
    prepared.prepareLint();
    expect(prepared.lint('这事不是我这边负责的哈，您去问物流')).toEqual(
      createEngine(DEFAULT_PACKS).lint('这事不是我这边负责的哈，您去问物流'),
    );
  });
});

describe('a reader trained elsewhere on the same packs', () => {
  const packs = [
    packWith({ flawed: { shirking: SHIRKING, impatience: ['急什么', '催什么催'] }, clean: CLEAN, notes }),
    packWith({ notes: { shirking: 'Do not push the customer away.' } }, 'en', 'team-en'),
  ];
  const drafts = [
    '亲您好。这个真的不归我们这边管哈！有别的问题再找我',
    '好的亲，我帮您查一下',
    'It is not my job, sorry.',
  ];

  it('is taken instead of training, through storage (JSON), and reads every draft as the engine’s own would', () => {
    const training = draftReaderTraining(packs);
    expect(training.trained()).toBeUndefined();
    training.prepare();
    const kept = JSON.parse(JSON.stringify(training.trained())) as TrainedDraftReader;
    expect(kept.fingerprint).toBe(training.fingerprint());
    const adopting = createEngine(packs);
    expect(adopting.prepareLint(0)).toBe(false);
    expect(adopting.adoptDraftReader(kept)).toBe(true);
    // Read back by prepareLint, as training would be.
    expect(adopting.prepareLint(0)).toBe(false);
    expect(adopting.prepareLint()).toBe(true);
    for (const draft of drafts) expect(adopting.lint(draft)).toEqual(engine.lint(draft));
    expect(adopting.lint(drafts[0]!).map((f) => f.ruleId)).toEqual(['learned.shirking']);
  });

  it('is refused when trained on other packs, or when its data is damaged, and the engine trains its own', () => {
    const training = draftReaderTraining(packs);
    training.prepare();
    const kept = training.trained()!;
    const other = createEngine([...packs, packWith({ clean: ['您好，请问有什么可以帮您'] }, 'zh-CN', 'more')]);
    expect(other.adoptDraftReader(kept)).toBe(false);
    const damaged = createEngine(packs);
    expect(damaged.adoptDraftReader({ ...kept, classifier: { ...kept.classifier!, weights: 'AAAA' } })).toBe(false);
    expect(damaged.adoptDraftReader({ ...kept, classifier: { ...kept.classifier!, format: 2 as 1 } })).toBe(false);
    expect(damaged.prepareLint(0)).toBe(false);
    expect(damaged.lint(drafts[0]!).map((f) => f.ruleId)).toEqual(['learned.shirking']);
  });

  it('names the packs by what the training reads: the same packs give the same fingerprint, any change another', () => {
    const fingerprint = (p: readonly Pack[]) => draftReaderTraining(p).fingerprint();
    const shipped = fingerprint(DEFAULT_PACKS);
    expect(fingerprint(structuredClone(DEFAULT_PACKS))).toBe(shipped);
    const changes: Array<(p: Pack[]) => void> = [
      (p) => (p[2]!.draftExamples!.clean![0] += '。'),
      (p) => p[2]!.rules!.pop(),
      (p) => p[2]!.rules![0]!.patterns!.push('再也不卖给你'),
      (p) => (p[0]!.scenarios![0]!.replies![0]!.text += ' Thanks!'),
      (p) => (p[2]!.classes = { ...p[2]!.classes, 新类: ['甲', '乙'] }),
    ];
    for (const change of changes) {
      const changed = structuredClone(DEFAULT_PACKS) as Pack[];
      change(changed);
      expect(fingerprint(changed)).not.toBe(shipped);
    }
  });

  it('reads the shipped packs as the trained reader does, to the last finding', () => {
    const training = draftReaderTraining(DEFAULT_PACKS);
    training.prepare();
    const adopting = createEngine(DEFAULT_PACKS);
    expect(adopting.adoptDraftReader(JSON.parse(JSON.stringify(training.trained())) as TrainedDraftReader)).toBe(true);
    // In slices of a millisecond, as a page reads it in its idle time: many of them, none of them the whole.
    let slices = 1;
    while (!adopting.prepareLint(1)) slices++;
    expect(slices).toBeGreaterThan(3);
    const trained = createEngine(DEFAULT_PACKS);
    for (const draft of [
      '这事不是我这边负责的哈，您去问物流',
      '您觉得这样我们还能给您补发吗？',
      'Not my department, sorry. Ask billing.',
      '好的亲，已经帮您登记了，明天给您回复',
    ])
      expect(adopting.lint(draft)).toEqual(trained.lint(draft));
  });
});

describe("the packs' standard replies", () => {
  it('are never a learned finding, sentence by sentence, while the same words typed otherwise still are', () => {
    // A team whose standard reply says what the reader reads as shirking: what agents are told to send stands.
    const reply = '这个真的不归我们这边管哈！有别的问题再找我';
    const withReply: Pack = {
      ...packWith({ flawed: { shirking: [...SHIRKING, reply] }, clean: CLEAN, notes }),
      scenarios: [{ id: 'return_refund', title: '退款', replies: [{ id: 'r1', text: reply }] }],
    };
    const teamEngine = createEngine([withReply]);
    expect(teamEngine.lint(reply)).toEqual([]);
    expect(teamEngine.lint('亲您好。这个真的不归我们这边管哈！')).toEqual([]);
    expect(teamEngine.lint('亲您好。这个真的不归我们那边管哈！').map((f) => f.ruleId)).toEqual(['learned.shirking']);
  });
});

describe('what the reader judges, and what it leaves to the rules', () => {
  const promise = {
    id: 'team.promise',
    category: 'absolute_promise' as const,
    severity: 'warning' as const,
    patterns: ['100%'],
    message: '别打包票',
    examples: { match: ['100%没问题'] },
  };
  const PROMISES = ['100%没问题', '100%明天到', '百分百能退', '我保证明天到', '一定给您办好', '绝对不会再出错'];
  // The team's clean drafts teach the reader that a battery charged to 100% promises nothing.
  const PLAIN = [
    '电池充到100%再拔',
    '充到100%后拔掉充电器',
    '电量100%时会自动断电',
    '电量到100%再出门',
    '先充到100%再用',
  ];
  const team = (severity: 'warning' | 'error' = 'warning') =>
    createEngine([
      {
        ...packWith({ flawed: { absolute_promise: PROMISES, shirking: SHIRKING }, clean: [...CLEAN, ...PLAIN] }),
        rules: [{ ...promise, severity }],
      },
    ]);

  it('drops a rule’s warning on a sentence it reads as no phrase of any kind: the rule saw a look-alike', () => {
    expect(
      team()
        .lint('100%没问题')
        .map((f) => f.ruleId),
    ).toEqual(['team.promise']);
    expect(team().lint('电池请充到100%再用')).toEqual([]);
  });

  it('keeps an error, and a rule whose phrase is long enough to stand on its own words', () => {
    expect(
      team('error')
        .lint('电池请充到100%再用')
        .map((f) => f.ruleId),
    ).toEqual(['team.promise']);
    const long = createEngine([
      {
        ...packWith({ flawed: { absolute_promise: PROMISES, shirking: SHIRKING }, clean: [...CLEAN, ...PLAIN] }),
        rules: [{ ...promise, patterns: ['充到100%再用'], examples: { match: ['充到100%再用'] } }],
      },
    ]);
    expect(long.lint('电池请充到100%再用').map((f) => f.ruleId)).toEqual(['team.promise']);
  });

  it('keeps two short phrases of one kind in one sentence: they bear each other out', () => {
    const shipped = createEngine(DEFAULT_PACKS);
    const draft = "Our uniforms are way better than GreenLeaf's trash polyester, which falls apart after one wash.";
    expect(shipped.lint(draft).map((f) => f.category)).toContain('competitor_disparage');
  });

  it('says nothing of a sentence too short to judge: ok, No., a lone question mark', () => {
    const shipped = createEngine(DEFAULT_PACKS);
    for (const draft of ['ok', 'OK', 'No.', 'Sure', '没有', '?', '好的']) expect(shipped.lint(draft)).toEqual([]);
  });

  it('reads the clauses of Chinese typed with half-width commas, as with full-width ones', () => {
    const shipped = createEngine(DEFAULT_PACKS);
    for (const comma of [',', '，']) {
      const draft = ['急什么啊亲', '演出还有一个月呢', '票会提前一周发到app里的'].join(comma);
      expect(shipped.lint(draft).map((f) => f.category)).toContain('impatience');
    }
    // A thousands separator is no clause end.
    expect(shipped.lint('退款1,000元已经原路退回')).toEqual([]);
  });

  it('ends a sentence at an emoji, as chat does', () => {
    const shipped = createEngine(DEFAULT_PACKS);
    const draft = 'Hi! Happy to help with the seats 😊 Refunds go through the venue, ask them.';
    const [finding] = shipped.lint(draft).filter((f) => f.category === 'shirking');
    expect(finding?.match).toBe('Refunds go through the venue, ask them.');
  });
});

describe('the shipped packs read kinds of phrase the rules do not list', () => {
  const shipped = createEngine(DEFAULT_PACKS);
  it.each([
    ['shirking', '退货的事你得去问仓库，我这边只负责咨询'],
    ['impatience', '这都第几次了，能不能认真看一下我上面发的'],
    ['sensitive_request', 'Could you send me the code from that text so I can verify you?'],
  ])('%s: %s', (category, draft) => {
    expect(shipped.lint(draft).map((f) => f.ruleId)).toContain(`learned.${category}`);
  });

  it.each([
    '亲，这个问题我已经转给仓库同事了，今天下班前给您答复',
    'Happy to help! Which size would you like instead?',
    "Changing the colour of an order that is already being made isn't something we can do, though I can send you a free swatch set for next time.",
    '為了您的帳戶安全，驗證碼請勿告訴任何人，包括客服喔',
  ])('stays silent on a clean reply: %s', (draft) => {
    expect(shipped.lint(draft)).toEqual([]);
  });
});
