// What the words around a forbidden phrase change: advice against sharing a secret, and a refusal that offers an alternative (for the rules and the learned reader alike).

// A request for a secret turned into a warning about it ("请勿向任何人提供验证码", "never share your password") is the
// advice agents should give: those hits are dropped when such a word stands shortly before them in the same clause.
// The window is wider than a Chinese clause needs because English says the same in more characters ("we never ask
// for your pin or full card number").
const NEGATED_BEFORE =
  /(?:请勿|切勿|不要|别|不会|不得|禁止|不用|不需要|无需|没必要|不管是谁|无论是谁|无论谁|任何人|never|don't|do not|won't|will not|not to|no need to|whoever|anyone who)[^,.;!?，。；！？]{0,28}$/;
// The same advice with the warning after the secret: "完整卡号请不要在聊天中发送".
// The warning may follow in the next clause ("谁找您要验证码，都绝对不要给").
const NEGATED_AFTER = /^[^.;!?]{0,8}(?:请不要|请勿|切勿|不要|别|禁止|不能|never|don't|do not|must not)/;

/** True when the request for a secret at [start, end) of normalized text is advice not to share it. */
export function isAdviceAgainstSharing(text: string, start: number, end: number): boolean {
  return (
    NEGATED_BEFORE.test(text.slice(Math.max(0, start - 36), start)) || NEGATED_AFTER.test(text.slice(end, end + 16))
  );
}

// What the agent does instead, in normalized text (simplified, lower case): "我帮您申请一张券", "不过可以帮您取消重下",
// "but I can offer a credit".
const ALTERNATIVE =
  /(?:帮您|为您|给您|替您)(?:申请|更换|换|改|取消|重新|登记|补|安排|转|联系|升级|办理|加急|争取|预约|改约|查询|核实|备注)|作为补偿|可以(?:帮您|为您|给您|改成|换成)|\bi (?:can|could|will|'ll) (?:offer|arrange|request|set up|get you|send you|escalate)|\bwhat i can do\b|\binstead\b|\balternatively\b/;
// Where the alternative may begin: after a clause break or a "but" (我不能直接给您取消 refuses the very thing it names).
const TURN = /[,.;:!?\n]|\bbut\b|不过|但是?|可是/g;
/** How far after a refusal its alternative may stand: the same sentence or the next one. */
const ALTERNATIVE_WINDOW = 60;

// Asking the customer's agreement to an offer: it makes the refusal before it a proposal, and it is no rhetorical question.
const CONSULT =
  /您看(?:可以|行|这样|如何|怎么样|合适)|这样(?:可以|行)吗|可以吗[?？]?$|还有(?:什么|其他|别的)(?:想了解|需要|可以帮|问题)|需要我(?:帮|为)|要不要我|\b(?:would|does|will|could) (?:that|this) (?:help|work|suit you|be ok|be okay)\b|\bhow does (?:that|this) sound\b|\bdoes (?:that|this) sound (?:ok|okay|good|alright|all right|fair)\b|\bis (?:that|this) (?:ok|okay|alright|all right)\b|\bwould you like\b|\bwould be (?:a )?(?:nice|good|better|helpful|useful)\b|(?:有必要|要不要|需要)(?:加|加购|加上|附上|升级)|\bdo you want me to\b|\bshall i\b|\bwant me to\b/;

// The closing offer of more help ("还有什么可以帮您的吗？", "Anything else?"): said after any reply, it offers nothing
// instead of what was refused, so it is read neither as an alternative nor as the customer's agreement being asked.
const CLOSING_OFFER =
  /(?:请问)?(?:您)?还(?:有|需要)(?:什么|其他|其它|别的)[^。！？?!\n]{0,12}?(?:吗|呢|嘛)?(?:[?？]|$)|\b(?:is there )?anything else(?: i can (?:help|do)[^.?!\n]{0,20})?(?:[?]|$)/;
const EVERY_CLOSING_OFFER = new RegExp(CLOSING_OFFER.source, 'g');

/** The text with its closing offers blanked (same length: offsets stay valid). */
function withoutClosingOffers(text: string): string {
  return text.replace(EVERY_CLOSING_OFFER, (offer) => ' '.repeat(offer.length));
}

// What makes a refusal polite before it is said: an apology, or "for now" (很抱歉这个暂时没法改), anywhere earlier in
// its sentence ("Unfortunately the room type can't be changed…").
const SOFTENER_WINDOW = 60;
const SOFTENER = /抱歉|不好意思|对不起|暂时|目前|sorry|unfortunately|afraid|at the moment|for now/;

/**
 * True when the refusal at [start, end) of normalized text is a polite one: softened before it (an apology, "for now")
 * and followed by an alternative in a clause of its own. Such a refusal is not flat (warnings.md: refusal catches flat
 * refusals); "做不了，但是可以…" is still blunt and stays a finding.
 */
export function isPoliteRefusal(text: string, start: number, end: number): boolean {
  const following = withoutClosingOffers(text.slice(end, end + 2 * ALTERNATIVE_WINDOW));
  const after = following.slice(0, ALTERNATIVE_WINDOW);
  const softened = SOFTENER.test(sentenceBefore(text, start) + text.slice(start, end)) || CONSULT.test(following);
  return softened && alternativeAfter(after);
}

/** The words before `start` back to the start of its sentence, at most SOFTENER_WINDOW characters. */
function sentenceBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - SOFTENER_WINDOW), start);
  const breakAt = Math.max(...['。', '！', '？', '.', '!', '?', '\n'].map((mark) => before.lastIndexOf(mark)));
  return before.slice(breakAt + 1);
}

// "不过" or "but" that turns from the agent's own limit (sorry, sold out, can't) to what the agent can do, to advice or
// to good news: it softens the limit and contradicts nobody. "但是" stays a finding (warnings.md names it).
const SOFT_TURN = /^(?:不过|but|however)$/;
const LIMIT_BEFORE =
  /抱歉|不好意思|对不起|暂时|目前|没办法|没法|无法|不能|不了|售罄|售完|卖完|过期|没有货|缺货|sorry|unfortunately|afraid|not able|unable|can't|cannot|isn't possible|sold out/;
const OFFER_AFTER_TURN =
  /^[\s,，]*(?:(?:我|我们|咱们)(?:这边|可以|也)?(?:可以|能|来|帮|给|为|先)|可以(?:帮|为|给|先|申请|选)|建议|还有|还可以|也可以|明天|下周|what i can do|here's what|i can|we can|i could|i'd be happy|i'm happy|happy to|i'll)/;

/** True when "不过" / "but" at [start, end) turns from the agent's own limit to an offer, advice or good news. */
export function isTurnToOffer(text: string, start: number, end: number): boolean {
  if (!SOFT_TURN.test(text.slice(start, end))) return false;
  const before = text.slice(Math.max(0, start - 80), start);
  const after = text.slice(end, end + 30);
  return OFFER_AFTER_TURN.test(after) && (LIMIT_BEFORE.test(before) || /^[\s,，]*(?:建议|还有|还可以)/.test(after));
}

/**
 * The same reading for a sentence the learned reader flagged as a refusal, with what follows it in the draft (normalized
 * text): the alternative is often the next sentence ("地址没法直接改哦～ 我帮您联系骑手…您看可以吗？").
 */
export function isPoliteRefusalSentence(sentence: string, following = ''): boolean {
  const after = withoutClosingOffers(sentence + following.slice(0, 2 * ALTERNATIVE_WINDOW));
  return (SOFTENER.test(sentence) || CONSULT.test(after)) && alternativeAfter(after);
}

/** True when a sentence asks the customer's agreement ("您看可以吗？", "Would that help?") or offers more help ("Anything else?"). */
export function isConsultingQuestion(sentence: string): boolean {
  return CONSULT.test(sentence) || CLOSING_OFFER.test(sentence);
}

/** True when the text offers an alternative after a clause break or a "but". */
function alternativeAfter(text: string): boolean {
  TURN.lastIndex = 0;
  const turn = TURN.exec(text);
  return turn !== null && ALTERNATIVE.test(text.slice(turn.index));
}

// A measure word vouches for an outcome ("百分百入账", "definitely will", "it'll be fixed, 100%."), except where it
// qualifies what a thing is: after a copula or "made of" ("是100%纯棉的", "is 100% recyclable", "made with 100% latex",
// "I'd definitely recommend"), and not followed by an outcome ("is definitely going to arrive" still vouches).
const MEASURE = /^(?:100 ?%|100 per cent|(?:a |one )?hundred percent|百分之百|百分百|百分之一百|definitely)$/;
const DESCRIBED_BEFORE =
  /(?:是|采用|用的是|含有?|显示|达到|(?:\bshows?|\bat|\bis|\bare|\bit's|\bmade (?:with|of|from)|\bwith|\bi'd|\bi would)\s*)$/;
const OUTCOME_AFTER =
  /^(?:will|'ll|be\b|can\b|get|arrive|work|fix|solve|resolve|sure|certain|safe|guarantee|won't|not\b|no\b|going|receive|happen|能|会|可以|没|不会|到|好|解决|成功|保证|放心|安全|正品|真|准|靠谱|有效|退|赔|给)/;

/** True when the measure word at [start, end) of normalized text describes something instead of vouching for it. */
export function isDescriptiveMeasure(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (!MEASURE.test(word)) return false;
  const after = text.slice(end, end + 16).trimStart();
  if (after === '' || /^[^\p{L}\p{N}]/u.test(after) || OUTCOME_AFTER.test(after)) return false;
  const before = text.slice(Math.max(0, start - 16), start);
  // "definitely" vouches only for what will happen ("will definitely", "it'll definitely"); as advice ("definitely
  // switch on Find My") or a judgement ("is definitely our warmest") it promises nothing.
  if (word === 'definitely') return !/(?:\bwill|'ll|\bbe|\bgoing to)\s*$/.test(before);
  return DESCRIBED_BEFORE.test(before);
}

// An apology for our own error ("是我们这边把您的等级算错了"): the agent owns the mistake, the customer is not told they are wrong.
const OUR_DOING = /(?:是我们|我们这边|我这边|我们把|是我把|我们的|是我)[^,.;!?\n]{0,16}$/;

/** True when the "wrong" at [start, end) of normalized text is the agent owning a mistake of ours. */
export function isOwnMistake(text: string, start: number, end: number): boolean {
  return /错/u.test(text.slice(start, end)) && OUR_DOING.test(text.slice(Math.max(0, start - 20), start));
}

// A condition about the goods ("如果收到的颜色不对", "if anything is wrong with it"): nobody is told they are wrong.
const CONDITION_BEFORE = /(?:如果|要是|万一|假如|若是|\bif\b|\bin case\b)[^,.;!?\n]{0,16}$/;

/** True when the "wrong" at [start, end) of normalized text stands in a condition about the goods or the order. */
export function isConditionalWrong(text: string, start: number): boolean {
  return CONDITION_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}
