// What the words around a forbidden phrase change: advice against sharing a secret, and a refusal that offers an alternative (for the rules and the learned reader alike).

// A request for a secret turned into a warning about it ("请勿向任何人提供验证码", "never share your password") is the
// advice agents should give: those hits are dropped when such a word stands shortly before them in the same clause.
// The window is wider than a Chinese clause needs because English says the same in more characters ("we never ask
// for your pin or full card number").
const NEGATED_BEFORE =
  /(?:请勿|切勿|不要|别|不会|不得|禁止|不用|不需要|无需|没必要|不管是谁|无论是谁|无论谁|任何人|看不到|看不见|never|don't|do not|won't|will not|not to|no need to|whoever|anyone who|(?:can't|cannot|can not) (?:see|access|view|store|keep))[^,.;!?，。；！？]{0,28}$/;
// The same advice with the warning after the secret: "完整卡号请不要在聊天中发送".
// The warning may follow in the next clause ("谁找您要验证码，都绝对不要给").
const NEGATED_AFTER =
  /^[^.;!?]{0,8}(?:请不要|请勿|切勿|不要|别|禁止|不能|不用|不需要|无需|不必|没必要|never|don't|do not|must not|(?:is |are )?not needed|no need)/;
// The warning inside the phrase a gap spans: "密码不用告诉我", "验证码千万别发给我".
const NEGATED_INSIDE = /不用|不要|不需要|无需|不必|别|请勿|切勿|千万不|\b(?:don't|do not|never|no need)\b/;

// Asking for a document with the secret hidden ("截图里卡号可以打码", "cover all but the last 4 digits"), or asking the
// customer to take back one sent with it ("照片上能看到完整证件号，建议先撤回"): nothing secret is asked. The agent's own
// promise to delete it afterwards ("发我完整卡号，核对完就删除") still asks for it.
const MASKED =
  /打码|马赛克|遮住|遮挡|挡住|盖住|涂掉|隐藏|(?:建议|请|麻烦)(?:您|你)?(?:先)?撤回|撤回一下|只要后四位|后四位|后4位|\b(?:mask|cover|blur|black out|redact|hide|unsend)\b|last (?:4|four)/;

/** True when the request for a secret at [start, end) of normalized text is advice not to share it. */
function isAdviceAgainstSharing(text: string, start: number, end: number): boolean {
  return (
    NEGATED_BEFORE.test(text.slice(Math.max(0, start - 36), start)) ||
    NEGATED_AFTER.test(text.slice(end, end + 16)) ||
    NEGATED_INSIDE.test(text.slice(start, end)) ||
    isMaskedRequest(text.slice(Math.max(0, start - 24), end + 24))
  );
}

// A sentence that tells the customer not to share ("Please don't paste your full card number here", "密码不要发给任何人"),
// and asks nothing of them for the agent ("…send me the last 4 digits" is read by MASKED, "发给我" is a request).
const ADVICE_NOT_TO_SHARE =
  /(?:请勿|切勿|不要|别|无需|不用|不需要)[^,.;!?，。；！？]{0,6}(?:发|提供|告诉|输入|给|贴|透露)|\b(?:never|don't|do not|no need to)\s+(?:\w+\s+)?(?:share|send|paste|give|type|tell|post|reveal)\b/u;
const ASKS_FOR_IT = /(?:发|告诉|提供|给)(?:一下)?我|\b(?:send|tell|give) (?:it to )?(?:me|us)\b/u;

/** True when a sentence (normalized) advises the customer not to share a secret and asks for none. */
export function isAdviceNotToShareSentence(sentence: string): boolean {
  return ADVICE_NOT_TO_SHARE.test(sentence) && !ASKS_FOR_IT.test(sentence);
}

/** True when a request (a sentence, or the words around a hit) says the secret may be hidden. */
export function isMaskedRequest(words: string): boolean {
  return MASKED.test(words);
}

// What the agent does instead, in normalized text (simplified, lower case): "我帮您申请一张券", "不过可以帮您取消重下",
// "运费我们来承担", "but I can offer a credit", "though I can apply a $10 credit". "I can't…" offers nothing.
const ALTERNATIVE =
  /(?:帮您|为您|给您|替您)(?:先|再)?(?:申请|更换|换|改|取消|重新|登记|补|安排|转|联系|升级|办理|加急|争取|预约|改约|查询|核实|备注|加|开通|预留|保留|发出|发货|寄出|寄|送|退|处理|提交)|作为补偿|(?:可以|能)(?:先|再|另外|直接|马上)?(?:帮您|为您|给您|替您|改成|换成)|(?:我们|我)(?:这边)?来(?:承担|出|处理|安排|跟进|联系|补)|\b(?:i|we) (?:can|could|will|'ll|am able to|'m able to|are able to|'re able to)(?!'t|not| not)\b|\bwhat i can do\b|\binstead\b|\balternatively\b/;
// Advice that gives the customer a way ("您签收后直接申请退货就行", "you can reset it from the login page").
const ADVICE =
  /您(?:可以|直接|只需|只要|先)|建议(?:您|你)|(?<!不)可以(?:申请|联系|选择|预约|拍照|反馈)|就(?:行|可以|好)了?(?:[,.;!~，。！～]|$)|\byou (?:can|could|may|'ll be able to)(?!'t|not| not)\b/;
// Where the alternative may begin: after a clause break or a "but" (我不能直接给您取消 refuses the very thing it names).
const TURN = /[,.;:!?\n]|\bbut\b|不过|但是?|可是/g;
/** How far after a refusal its alternative may stand: the same sentence or the next one. */
const ALTERNATIVE_WINDOW = 60;

// Asking the customer's agreement to an offer: it makes the refusal before it a proposal, and it is no rhetorical question.
const CONSULT =
  /您看(?:可以|行|这样|如何|怎么样|合适)|这样(?:可以|行)吗|可以吗[?？]?$|还有(?:什么|其他|别的)(?:想了解|需要|可以帮|问题)|需要我(?:帮|为)|要不要我|\b(?:would|does|will|could) (?:that|this) (?:help|work|suit you|be ok|be okay)\b|\bhow does (?:that|this) sound\b|\bdoes (?:that|this) sound (?:ok|okay|good|alright|all right|fair)\b|\bis (?:that|this) (?:ok|okay|alright|all right)\b|\bwould you like\b|\bwould be (?:a )?(?:nice|good|better|helpful|useful)\b|(?:有必要|要不要|需要)(?:加|加购|加上|附上|升级)|\bdo you want me to\b|\bshall i\b|\bwant me to\b|^\s*(?:do you )?(?:want|need) (?:their|the|our|a|an|my) [^.?!]{0,24}\?\s*$/;

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
// A reason given for the limit ("这是水果的天然差异", "因为是生鲜", "since it's a custom order") makes it no flat refusal
// when an alternative follows too.
const REASON = /因为|由于|这是[^,.;!?]{0,12}(?:差异|规定|政策|原因|特性)|属于|\b(?:because|since|as it's|due to)\b/;

/**
 * True when the refusal at [start, end) of normalized text is a polite one: softened before it (an apology, "for now"),
 * or turned with "不过" / "though" / "but I can", and followed by an alternative or advice in a clause of its own. Such a
 * refusal is not flat (warnings.md: refusal catches flat refusals); "做不了，但是可以…" is still blunt and stays a finding.
 */
function isPoliteRefusal(text: string, start: number, end: number): boolean {
  const following = withoutClosingOffers(text.slice(end, end + 2 * ALTERNATIVE_WINDOW));
  const after = following.slice(0, ALTERNATIVE_WINDOW);
  // English says the same in more characters: its turn and alternative may stand twice as far.
  const english = /[a-z]/.test(after);
  if (softTurnToAlternative(following, english ? 2 * ALTERNATIVE_WINDOW : ALTERNATIVE_WINDOW)) return true;
  const softened =
    SOFTENER.test(sentenceBefore(text, start) + text.slice(start, end)) ||
    REASON.test(after) ||
    apologyInLaterClause(text, end) ||
    CONSULT.test(following);
  // Its alternative too ("…, sorry about that. I can check…").
  return softened && alternativeAfter(english ? following : after);
}

/**
 * True when a later clause of the refusal's sentence apologises ("We won't be able to change it, sorry about that."):
 * words run on without a break ("我不能帮你处理很抱歉…", a reply pasted after a draft) are not such a clause.
 */
function apologyInLaterClause(text: string, end: number): boolean {
  const rest = text.slice(end, end + 80).split(/[。！？!?\n]|\.(?:\s|$)/u)[0] ?? '';
  const clauseBreak = rest.search(/[,;:，；：]/u);
  return clauseBreak >= 0 && APOLOGY.test(rest.slice(clauseBreak));
}

// A turn that softens by itself when the agent's own offer or advice follows it: "不过您签收后申请退货就行",
// "though I can apply a credit", "but I can offer…". "但是" and "可是" do not (warnings.md names 但是).
const SOFT_TURN_TO = /(?:不过|\bthough\b|\bhowever\b|\bbut\b(?=,? (?:i|we) ))/g;

/**
 * True when the first soft turn in `following`, within `window` characters, leads to an alternative or advice in its
 * sentence.
 */
function softTurnToAlternative(following: string, window = ALTERNATIVE_WINDOW): boolean {
  SOFT_TURN_TO.lastIndex = 0;
  const turn = SOFT_TURN_TO.exec(following);
  if (!turn || turn.index > window) return false;
  const clause = following.slice(turn.index + turn[0].length).split(/[。！？!?\n]|\.(?:\s|$)/u)[0] ?? '';
  return ALTERNATIVE.test(clause) || ADVICE.test(clause);
}

/** The words before `start` back to the start of its sentence, at most SOFTENER_WINDOW characters. */
function sentenceBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - SOFTENER_WINDOW), start);
  const breakAt = Math.max(...['。', '！', '？', '.', '!', '?', '\n'].map((mark) => before.lastIndexOf(mark)));
  return before.slice(breakAt + 1);
}

// "不过" or "but" that turns from the agent's own limit (sorry, sold out, can't, a policy's "not") to what the agent can
// do, to advice or to good news: it softens the limit and contradicts nobody. "但是" stays a finding (warnings.md names
// it). A turn to the agent's own commitment ("…, but I'll keep an eye on the tracking") needs no limit before it.
const SOFT_TURN = /^(?:不过|but|however|though)$/;
// The agent's side not doing something ("我们这边不对外出租摄影棚", "店里暂时没有这款") is a limit whatever its verb.
const LIMIT_BEFORE =
  /(?:我们|我这边|这边|本店|小店|店里|平台)[^,.;!?，。；！？]{0,8}?[不没](?!错|少|久|仅|但|问题|关系)|抱歉|不好意思|对不起|暂时|目前|没办法|没法|无法|不能|不了|不退|不支持|不包|不可以|不提供|售罄|售完|卖完|过期|没有货|缺货|sorry|unfortunately|afraid|not able|unable|can't|cannot|isn't possible|sold out|\b(?:don't|doesn't|won't|isn't|aren't|not)\b|handled by|up to (?:the|our)/;
const OFFER_AFTER_TURN =
  /^[\s,，]*(?:(?:我|我们|咱们)(?:这边|可以|也)?(?:可以|能|来|帮|给|为|先|(?:有|还有)(?!规定|要求|政策|明确|说明))|there(?:'s| is| are) (?:a|an|another|also|still)\b(?! problem| issue)|we (?:have|'ve got) (?:a|an|another|other|similar|the same)\b|可以|建议|还有|还可以|也可以|明天|下周|您(?:可以|直接|只需|只要|先|签收|收到)|what i can do|here's what|i can|we can|i could|i'd be happy|i'm happy|happy to|you can|you could|you'll|we'll|we will)(?!'t|not| not)/;
const COMMITMENT_AFTER_TURN = /^[\s,，]*(?:我(?:会|来|马上|这就|先帮)|i'll|i will|i can|let me)(?!'t|not| not)/;
// Good news under a condition: "不过如果是我们缺货导致发不了货，定金会全额退还" (and not "不过如果超过七天就不能退了").
const GOOD_NEWS_IF =
  /^[\s,，]*(?:如果|要是|若|假如|if)[^。！？!?\n]{0,40}?(?:会|可以|能|就|will|can|'ll)(?:全额|原路|免费|直接|马上|优先)?(?:退|赔|补|换|返|送|免|给|refund|replace|cover|send)/;

/** True when "不过" / "but" at [start, end) turns from the agent's own limit to an offer, advice or good news. */
function isTurnToOffer(text: string, start: number, end: number): boolean {
  if (!SOFT_TURN.test(text.slice(start, end))) return false;
  const before = text.slice(Math.max(0, start - 80), start);
  const after = text.slice(end, end + 50);
  if (COMMITMENT_AFTER_TURN.test(after)) return true;
  const goodNews =
    GOOD_NEWS_IF.test(after) && !/不能|不会|无法|没法|不可以|won't|can't|cannot/.test(after.split(/[。！？!?\n]/u)[0]!);
  const stillOn = /^[\s,，]*[^。！？!?\n，,]{0,8}?(?:还有|也有|有货|有现货|还能|也能)(?!不)/.test(after);
  return (
    (OFFER_AFTER_TURN.test(after) || goodNews || stillOn) &&
    (LIMIT_BEFORE.test(before) || /^[\s,，]*(?:建议|还有|还可以)/.test(after))
  );
}

/**
 * The same reading for a sentence the learned reader flagged as a refusal, with what follows it in the draft (normalized
 * text): the alternative is often the next sentence ("地址没法直接改哦～ 我帮您联系骑手…您看可以吗？").
 */
export function isPoliteRefusalSentence(sentence: string, following = ''): boolean {
  const after = withoutClosingOffers(sentence + following.slice(0, 2 * ALTERNATIVE_WINDOW));
  // Anywhere in the flagged sentence: the refusal is in it, wherever its words begin.
  if (softTurnToAlternative(withoutClosingOffers(sentence), Infinity)) return true;
  return (SOFTENER.test(sentence) || CONSULT.test(after)) && alternativeAfter(after);
}

// Checking that the agent understood ("您是说…，对吗？", "跟您确认一下…", "just to confirm, …, right?") or asking for a fact
// ("What email did you use?", "请问您是哪天下的单？"): the opposite of a rhetorical question.
const CONFIRMING =
  /^(?:好的|嗯|ok|okay)?[\s,，]*(?:跟您确认一下|和您确认一下|确认一下|我确认一下|您是说|您的意思是|您说的是|您指的是|just to confirm|to confirm|so you mean|just to be sure|just to make sure)|是[^。！？?!]{1,20}(?:的)?那(?:张|个|件|笔|单|次|台|款|位|一)[^。！？?!]{0,4}(?:吗|嘛)[?？]?\s*$/;
const FACT_QUESTION =
  /^(?:请问|(?:did|have|has) (?:you|it|the parcel|the package|the email|the refund) (?:receive|received|get|got|arrive|arrived|come through|see|seen|manage to)\b|您(?:有)?收到|麻烦问一下|方便说一下|(?:could|can) you (?:tell me|share|send me) (?:the|your) (?:order|email|address|phone|model|size)|may i have|(?:what|which) (?:email|e-mail|address|phone|order|name|size|colou?r|model|date|time|day|card type|browser|device|app version)\b)[^?？]*[?？]?\s*$/;
const BELITTLING =
  /n't|not|\bever\b|\beven\b|\breally\b|seriously|\bagain\b|\bor what\b|\bkeep (?:arguing|complaining|asking)\b|不会|不懂|看不|听不|难道|还要|到底|究竟/;

// Asking what the customer's words mean ("您说的「不能用」，是指插上去没反应吗？", "by 'broken' do you mean…").
const ASKING_MEANING =
  /(?:您|你)(?:说|讲|提到|问)的[^。！？?!]{0,40}?(?:是指|是说|指的是|意思是|是(?:在|从)?[^。！？?!]{0,16}?(?:看到|写|说|收到|拿到)的(?:吗|嘛)|是(?:在|从)[^。！？?!]{0,16}?(?:吗|嘛))|\bby\b[^.?!]{0,30}\bdo you mean\b|^(?:so )?do you mean\b/;

/** True when a question checks what the customer said, or asks for a fact, without belittling words. */
export function isPlainQuestion(sentence: string): boolean {
  const trimmed = sentence.trim();
  return (
    (CONFIRMING.test(trimmed) || FACT_QUESTION.test(trimmed) || ASKING_MEANING.test(trimmed)) &&
    !BELITTLING.test(trimmed)
  );
}

// A question about the customer's need answered by an offer for either answer ("您会自己安装吗？不会的话我们可以免费安排
// 师傅上门", "Do you need it by Friday? If so, I can upgrade the shipping"): a real question, not a rhetorical one.
const CONDITION_ON_ANSWER =
  /^\s*[^。！？!?\n]{0,12}?(?:的话|如果|要是|if (?:so|not|yes|no|you do|you don't|that's the case|it is|it's not))/;
const OFFER =
  /(?:我|我们)(?:这边)?(?:可以|能|来|帮|会|给)(?!不)|可以(?:帮|为|给|安排|免费)|\b(?:i|we)(?: can| could| will|'ll)(?!'t|n't| not)\b/;

/** True when a question is followed by an offer that depends on its answer. */
export function isQuestionBeforeOffer(sentence: string, following: string): boolean {
  if (!/[?？]\s*$/u.test(sentence) || BELITTLING.test(sentence)) return false;
  const next = following.split(/[。！？!?\n]/u)[0] ?? '';
  return CONDITION_ON_ANSWER.test(next) && OFFER.test(next);
}

// A confirmation tag after a plain statement ("您要的是这款65吋的对不对？", "that's the blue one, right?"): checking, not
// telling the customer they are wrong.
const CONFIRMATION_TAG =
  /(?:对不对|(?<!不)对吗|(?<!不)对吧|(?<!不)是吗|(?<!不)是吧|没错吧|是不是|(?:^|[\s,])(?:right|correct))\s*[?？]+\s*$/;
const SAID_OR_THOUGHT = /说|讲|觉得|认为|以为|\bsaid\b|\bsay\b|\bthink\b|\bthought\b/;

// Tags that rhetoric borrows too ("这很难是吧？", "you did read it, right?"): a question is excused by the plainer ones only.
const PLAIN_TAG = /^(?:对不对|对吗|是吗|[\s,]*correct)/;

/**
 * True when a sentence states something plainly and asks the customer to confirm it; `plainOnly`: with a tag rhetoric
 * does not borrow.
 */
export function isConfirmationTag(sentence: string, plainOnly = false): boolean {
  const tag = CONFIRMATION_TAG.exec(sentence);
  if (tag && plainOnly && !PLAIN_TAG.test(tag[0])) return false;
  if (!tag) return false;
  const statement = sentence.slice(0, tag.index);
  return !DISAGREEMENT.test(statement) && !SAID_OR_THOUGHT.test(statement) && !BELITTLING.test(statement);
}

// A promise of the agent's own effort ("这个问题我一定跟进到底", "I'll definitely follow up"), with no outcome vouched for.
const OWN_EFFORT =
  /跟进|追踪|跟踪|盯着?|反馈|转达|回电|回复您|同步|联系您|催|follow up|check back|keep you (?:posted|updated)|get back to you|pass (?:it|this|that|your)|look into/;
const OUTCOME_VOUCHED =
  /能到|会到|送到|到账|退款|退给|赔|解决|修好|搞定|成功|没问题|通过|批|放心吧|arrive|refund|fixed|resolved|approved|work|no problem/;

/** True when a sentence promises only the agent's own effort, not an outcome. */
export function isEffortPromise(sentence: string): boolean {
  return OWN_EFFORT.test(sentence) && !OUTCOME_VOUCHED.test(sentence);
}

// Asking which option, time or way suits the customer ("Do you think the blue or the grey would suit you better?", "would
// Saturday work for you?", "您看周六还是周日方便？", "您想要哪一款呢？"): a real question about their preference.
const PREFERENCE_QUESTION_EN =
  /\b(?:would|will|does|do|might|could)\b[^.?!]{0,50}\b(?:work|suit|fit|be (?:easier|better|best|more convenient|convenient|ok|okay|fine)) (?:for |with )?(?:you|your)\b|\b(?:would|will|does|could)\b[^.?!]{0,50}\bwork(?: better| best)?(?: for [^.?!]{0,25})?\s*\?\s*$|\bwould you (?:prefer|rather)\b|\bdo you prefer\b|\b(?:do|did|would) you (?:want|mean)\b[^.?!]{0,60}\bor\b[^.?!]{0,40}\?\s*$|\b(?:which|what)\b[^.?!]{0,30}\b(?:works?|suits?) (?:best |better )?(?:for )?you\b/;
const PREFERENCE_QUESTION_ZH =
  /(?:哪(?:个|种|款|天|一天|一种|一款|个时间|个时段)|什么时候|几点|什么时间)[^。！？?!]{0,8}(?:方便|合适|比较好|更好|更合适)|(?:喜欢|想要|选|倾向|更想)[^。！？?!]{0,12}还是[^。！？?!]{0,12}[?？]?\s*$|还是[^。！？?!]{0,12}(?:比较好|更好|合适|方便|更合适|比较合适)(?:呢|吗)?[?？]?\s*$/;

/** True when a question asks which option or time suits the customer, without belittling words. */
export function isPreferenceQuestion(sentence: string): boolean {
  return (PREFERENCE_QUESTION_EN.test(sentence) || PREFERENCE_QUESTION_ZH.test(sentence)) && !BELITTLING.test(sentence);
}

// What a request for a secret names: a password, a code, a number, a card or an id. A sentence the reader flags without
// any of them ("What's your usual fit?") asks for no secret.
const SECRET_WORD =
  /密|码|号|卡|证|数|词|钥|登|\b(?:pas+w\w*|pwd?|codes?|pins?|numbers?|digits?|otp|cvv|cvc|ssn|log ?in|sign ?in|credentials?|cards?|seed|phrase|keys?)\b/;

/** True when a sentence names something a secret could be. */
export function namesASecret(sentence: string): boolean {
  return SECRET_WORD.test(sentence);
}

// The agent's own step right after naming who handles a matter ("Refunds are handled by our billing team. I've passed
// your case to Priya there", "这个归物流部管，我已经帮您转过去了"): a handover, not sending the customer away.
const OWN_HANDOVER =
  /^[\s,.;，。；]*(?:(?:so |and )?(?:i've|i have|i'll|i will|i'm going to|i am going to|let me|we've|we have|we'll)\b|我(?:这边|们)?(?:已经|这就|马上|现在|来|会|先)?(?:帮您|替您|给您|为您)?(?:把|将)?(?:(?![不没别])[^。！？!?]){0,10}?(?:转|交给|联系|反馈|提交|对接|同步|催|跟进))/;

/** True when the text right after a sentence is a step the agent takes. */
export function isHandedOver(following: string): boolean {
  return OWN_HANDOVER.test(following);
}

// "I can't say for sure when…", "这个我没法百分百保证", "不敢说一定": the agent says what they cannot vouch for.
const NEGATED_CERTAINTY =
  /(?:\bnot|n't|\bcannot|\bno one can|不敢|不能|无法|没法|没办法|不好)\s*(?:say|tell|be|know|promise|guarantee|confirm|说|讲|保证|确定|打包票)?\s*(?:for sure|for certain|100 ?%|exactly|definitely|百分之?百|百分百|一定|肯定|确定|保证)/;

// The certainty further on, in the clause a negated promise opens ("I can't promise it will definitely arrive").
const HEDGED_CERTAINTY_CLAUSE =
  /(?:\bnot|n't|\bcannot|不敢|不能|无法|没法|没办法|很难)\s*(?:promise|guarantee|保证|担保|打包票|承诺)[^,.;:!?，。；：！？、]{0,24}(?:for sure|definitely|100 ?%|百分之?百|百分百|一定|肯定)/;

// A guarantee denied ("delivery is not guaranteed to be on time", "refunds aren't guaranteed"): a limit told, no promise.
const DENIED_GUARANTEE =
  /\b(?:not|never|no longer|isn't|aren't|wasn't|can't be|cannot be)\s+(?:always\s+)?guaranteed\b/;

/** True when a sentence hedges: it names a certainty only to deny it. */
export function isHedgedSentence(sentence: string): boolean {
  return NEGATED_CERTAINTY.test(sentence) || HEDGED_CERTAINTY_CLAUSE.test(sentence) || DENIED_GUARANTEE.test(sentence);
}

/** True when a sentence asks the customer's agreement ("您看可以吗？", "Would that help?") or offers more help ("Anything else?"). */
export function isConsultingQuestion(sentence: string): boolean {
  return CONSULT.test(sentence) || CLOSING_OFFER.test(sentence);
}

/**
 * True when the text offers an alternative after a clause break or a "but": what the agent will do, or a way the
 * customer can take ("You can redirect it through the courier link").
 */
function alternativeAfter(text: string): boolean {
  TURN.lastIndex = 0;
  const turn = TURN.exec(text);
  if (turn === null) return false;
  const rest = text.slice(turn.index);
  return ALTERNATIVE.test(rest) || ADVICE.test(rest);
}

// A measure word vouches for an outcome ("百分百入账", "definitely will", "it'll be fixed, 100%."), except where it
// qualifies what a thing is: after a copula or "made of" ("是100%纯棉的", "is 100% recyclable", "made with 100% latex",
// "I'd definitely recommend"), and not followed by an outcome ("is definitely going to arrive" still vouches).
const MEASURE = /^(?:100 ?%|100 per cent|(?:a |one )?hundred percent|百分之百|百分百|百分之一百|definitely)$/;
const DESCRIBED_BEFORE =
  /(?:是|采用|用的是|含有?|显示|达到|(?:\bshows?|\bat|\bis|\bare|\bit's|\bmade (?:with|of|from)|\bwith|\bi'd|\bi would|\ban?|\bthe)\s*)$/;
const MATERIAL_AFTER =
  /^(?:纯(?:棉|毛|羊毛|羊绒|真丝|蚕丝|铜|银|金|天然|手工|植物|牛奶|果汁|麻)|天然|真丝|蚕丝|桑蚕丝|棉|全棉|羊毛|羊绒|牛皮|真皮|纯铜|有机|pure\b|natural\b|cotton|wool|silk|leather|organic|linen|cashmere|merino)/;
const OUTCOME_AFTER =
  /^(?:will|'ll|be\b|can\b|get|arrive|work|fix|solve|resolve|sure|certain|safe|guarantee|won't|not\b|no\b|going|receive|happen|能|会|可以|没|不会|到|好|解决|成功|保证|放心|安全|正品|真|准|靠谱|有效|退|赔|给)/;

const COMPOSITION = new RegExp(
  `(?:100 ?%|100 per cent|(?:a |one )?hundred percent|百分之百|百分百|百分之一百)\\s*(?:${MATERIAL_AFTER.source.slice(4, -1)})`,
);

/** True when a sentence states what a thing is made of ("这款枕套百分之百真丝"): the learned reader's excuse for promises. */
export function isCompositionSentence(sentence: string): boolean {
  return COMPOSITION.test(sentence);
}

/** True when the measure word at [start, end) of normalized text describes something instead of vouching for it. */
function isDescriptiveMeasure(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (!MEASURE.test(word)) return false;
  const after = text.slice(end, end + 16).trimStart();
  // What a thing is made of ("百分之百纯棉是标签上的成分", "100% pure wool"): a composition, whatever stands before it.
  if (MATERIAL_AFTER.test(after)) return true;
  if (after === '' || /^[^\p{L}\p{N}]/u.test(after) || OUTCOME_AFTER.test(after)) return false;
  const before = text.slice(Math.max(0, start - 16), start);
  // "definitely" vouches only for what will happen ("will definitely", "it'll definitely"); as advice ("definitely
  // switch on Find My") or a judgement ("is definitely our warmest") it promises nothing.
  if (word === 'definitely') return !/(?:\bwill|'ll|\bbe|\bgoing to)\s*$/.test(before);
  return DESCRIBED_BEFORE.test(before);
}

// An apology for our own error ("是我们这边把您的等级算错了"): the agent owns the mistake, the customer is not told they are wrong.
const OUR_DOING = /(?:是我们|我们这边|我这边|我们把|是我把|我们的|是我)[^,.;!?\n]{0,16}$/;

// Confirming the customer's complaint about the goods, with an apology in the same sentence ("这个颜色确实不对，和详情页差
//很多，非常抱歉"): the agent agrees something is wrong, nobody is told they are.
const CONFIRMED_BEFORE = /(?:确实|的确|真的|是)(?:有点|有些|是)?$/;
const APOLOGY = /抱歉|对不起|不好意思|\bsorry\b|\bapologi/;

/** True when the "wrong" at [start, end) of normalized text is the agent owning a mistake of ours. */
function isOwnMistake(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 20), start);
  if (/错/u.test(text.slice(start, end)) && OUR_DOING.test(before)) return true;
  const sentence = sentenceAround(text, start, end);
  return CONFIRMED_BEFORE.test(before) && !/您|你|\byou\b/.test(sentenceBefore(text, start)) && APOLOGY.test(sentence);
}

/** The sentence of normalized text around [start, end), at most 80 characters each way. */
function sentenceAround(text: string, start: number, end: number): string {
  const after = text.slice(end, end + 80);
  const stop = after.search(/[。！？!?\n]/u);
  return sentenceBefore(text, start) + text.slice(start, end) + (stop === -1 ? after : after.slice(0, stop));
}

// A condition about the goods ("如果收到的颜色不对", "if anything is wrong with it"): nobody is told they are wrong.
const CONDITION_BEFORE = /(?:如果|要是|万一|假如|若是|\bif\b|\bin case\b)[^,.;!?\n]{0,16}$/;

/** True when the "wrong" at [start, end) of normalized text stands in a condition about the goods or the order. */
function isConditionalWrong(text: string, start: number): boolean {
  return CONDITION_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

// "Guarantee" as a thing the goods come with ("a two-year guarantee against defects", "our satisfaction guarantee
// covers it"): a warranty, not the agent vouching for an outcome. "I guarantee", "guaranteed to" and "a guarantee that…"
// still vouch.
const WARRANTY_BEFORE =
  /(?:\b(?:a|the|our|its|their|this|that|year|years|month|months|day|lifetime|money-back|satisfaction|price|quality|manufacturer's|extended|full|limited)|-year|-month)\s*$/;
const VOUCHING_AFTER = /^\s*(?:that|you|it|we|i|to)\b/;

/** True when "guarantee" at [start, end) of normalized text names a warranty instead of a promise. */
function isWarrantyNoun(text: string, start: number, end: number): boolean {
  if (text.slice(start, end) !== 'guarantee') return false;
  return (
    WARRANTY_BEFORE.test(text.slice(Math.max(0, start - 24), start)) && !VOUCHING_AFTER.test(text.slice(end, end + 8))
  );
}

// What we never do, said to protect the customer ("官方客服绝不会索要您的密码", "we will never ask for your PIN"): a
// warning against fraud, not a promise about an outcome.
const ASKING_AFTER =
  /^\s*(?:主动)?(?:索要|要求您?提供|询问|问您要|向您要|找您要|让您提供|ask (?:you )?for|request|call you)/;

// A promise word under a negation just before it is a hedge, the honest thing to say: "I'm not 100% certain", "I can't
// say for sure", "不敢百分百保证", "没法保证". A negation after it ("保证不会坏") still vouches.
const HEDGE_BEFORE =
  /(?:\bnot|n't|\bcannot|\bno one can|不敢|不能|无法|没法|没办法|不一定|很难|不好)\s*(?:(?:say|tell|be|know|promise|guarantee|说|讲)\s*)?$/;
// A negated promise verb governs the clause it opens: "没法保证明天一定能到", "I can't promise it will definitely arrive
// by Friday" deny the certainty the later word names. Not past a clause end: "不能保证，但一定帮您催" still promises.
const HEDGED_CLAUSE_BEFORE =
  /(?:\bnot|n't|\bcannot|\bno one can|不敢|不能|无法|没法|没办法|很难|不好)\s*(?:promise|guarantee|say for sure|be sure|保证|担保|打包票|确定|承诺|说)[^,.;:!?，。；：！？、]{0,24}$/;

/** True when the promise word at `start` of normalized text is negated just before it, or in the clause a negated promise opens: a hedge. */
function isHedged(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  return HEDGE_BEFORE.test(before.slice(-16)) || HEDGED_CLAUSE_BEFORE.test(before);
}

/** True when the absolute word ending at `end` of normalized text is followed by what we never ask for. */
function isNeverAsking(text: string, end: number): boolean {
  return ASKING_AFTER.test(text.slice(end, end + 12));
}

// A limit of what the agent can tell, not of what the agent will do: "it's impossible for me to tell which setting is
// off", "I can't say for sure from the photo", "I can't find an order under that email". "I can't tell you that"
// withholds, and "I can't find a way to…" declines: both stay refusals.
const RECORD = String.raw`(?:orders?|records?|accounts?|bookings?|reservations?|payments?|transactions?|parcels?|packages?|emails?|numbers?|tickets?|invoices?|receipts?)`;
const KNOWING = String.raw`(?:tell|say|know|judge|determine|guess|be sure|see which|see what|see whether|(?:find|locate|trace|see) (?:an?|any|the|your|this|that) (?:\w+ )?${RECORD})\b(?! you\b)`;
// Saying what one cannot promise or vouch for is the honest opposite of an absolute promise ("我们没办法保证每颗都满肉",
// "I'm not able to confirm an exact time", "别的平台的票我们没法核验真假"): no flat refusal either.
const VOUCHING = String.raw`(?:confirm|guarantee|promise|predict|verify|be (?:100% |completely |totally |entirely )?(?:sure|certain))\b`;
const KNOWING_AFTER = new RegExp(String.raw`^\s*(?:for (?:me|us) )?(?:to )?(?:${KNOWING}|${VOUCHING})`, 'u');
// "没法提前给您下结论", "我们没法下这样的结论": a conclusion not drawn yet is a limit of knowing too.
const KNOWING_AFTER_ZH =
  /^\s*(?:提前|现在|马上|暂时|目前|直接)?(?:(?:帮|为|给|替)?(?:您|你))?(?:百分之?百|百分百|完全|一定)?(?:保证|确保|承诺|核验|核实|验证|鉴定|判断|确定|确认(?!收货)|知道|预测|预估|估计|打包票|下(?:这样的|这个|任何|明确的)?(?:结论|定论))/u;

// "I won't close this ticket until you've confirmed…", "在您确认收到之前，我不会关闭工单": a refusal to stop before the
// customer is helped is a commitment.
const UNTIL_AFTER = /^[^.;!?。；！？]{0,48}\b(?:until|till|unless you (?:want|say|ask))\b/;

/** True when "won't" at [start, end) of normalized text holds off something until the customer is helped. */
function isHoldingUntil(text: string, start: number, end: number): boolean {
  return /won't|will not|not going to/.test(text.slice(start, end)) && UNTIL_AFTER.test(text.slice(end, end + 56));
}

// What the agent cannot see is the customer's secret ("我们没有办法查看您的支付密码", "we can't see your password"): a
// reassurance about safety, not a refusal.
const SECRET_UNSEEN_AFTER =
  /^\s*(?:(?:帮|为|替)?(?:您|你))?(?:查看|看到|知道|获取|读取|拿到|\bsee\b|\bview\b|\baccess\b|\bknow\b)[^,.;!?，。；！？]{0,8}(?:密码|验证码|卡号|cvv|pin\b|password|passcode|security code)/;

/** True when the refusal ending at `end` of normalized text says the agent cannot see the customer's secret. */
function isSecretUnseen(text: string, end: number): boolean {
  return SECRET_UNSEEN_AFTER.test(text.slice(end, end + 32));
}

/** True when the refusal at [start, end) of normalized text says the agent cannot know something yet. */
function isLimitOfKnowing(text: string, end: number): boolean {
  const after = text.slice(end, end + 24);
  return KNOWING_AFTER.test(after) || KNOWING_AFTER_ZH.test(after);
}

// Blame the agent takes back: "that wasn't your fault at all", "这不是您的问题", "不怪您".
const NEGATION_BEFORE_BLAME = /(?:n't|\bnot|\bnever|\bno|不是|并不是|绝不是|不算|不怪)\s*(?:at all\s*)?$/;

/** True when the blame at [start, end) of normalized text is denied just before it. */
function isDeniedBlame(text: string, start: number): boolean {
  return NEGATION_BEFORE_BLAME.test(text.slice(Math.max(0, start - 12), start));
}

// Agreeing with the customer: "是的，您理解得完全正确", "您说得对", "You're right", "exactly".
const AGREEMENT =
  /您说得(?:对|没错)|您说的(?:对|没错)|理解得?(?:完全|非常|很)?(?:正确|对|没错)|没错|是的|对的|you're (?:right|correct|absolutely right)|that's (?:right|correct)|\bexactly\b/;
const DISAGREEMENT = /不对|错了|搞错|不是这样|wrong|incorrect|mistaken|not right|not correct|但是|可是|\bbut\b/;

/** True when a sentence agrees with the customer and holds no disagreement: no contradiction, whatever it reads like. */
// A mistake said to be ours ("the price was listed wrong on our page", "是我们这边弄错了") is no disagreement.
const OUR_MISTAKE =
  /\bwrong\b[^.!?]{0,24}\b(?:on our|our (?:side|end|page|site|system|part)|by us|by me)\b|\b(?:we|i)\b[^.!?,]{0,20}\bwrong\b|(?:是我们|我们这边|我这边|是我)[^。！？，]{0,12}错/g;

// The agent's own slip, with an apology ("不好意思链接传错了，正确的是这个", "sorry, I pasted the wrong link"): nobody is
// told they are wrong. A slip said to be the customer's ("您填错了") is not one.
const SLIP =
  /(?<!没|没有|不是|并没有|不)(?:发|传|打|写|说|讲|贴|标|算|弄|复制|粘贴|链接给)错|\b(?:i|we) (?:sent|gave|posted|typed|pasted|linked|quoted|attached) the wrong\b|\bi mean(?:t)?\b/;
const CUSTOMERS_SLIP =
  /(?:您|你)[^，,。!?]{0,6}(?:发|传|打|写|说|讲|贴|标|算|弄|看|搞|选|填|记)错|\byou\b[^.!?]{0,16}\bwrong\b/;

/** True when a sentence apologises for the agent's own slip and blames nobody else. */
export function isOwnSlip(sentence: string): boolean {
  return APOLOGY.test(sentence) && SLIP.test(sentence) && !CUSTOMERS_SLIP.test(sentence);
}

// The agent taking the matter on ("这件事我会负责到底，不用再找别人", "I'll handle it myself, no need to contact anyone
// else"): the opposite of shirking, whatever words of it the sentence holds.
const OWNERSHIP =
  /(?<!不是|不归|不由|不)我(?:会|来)?(?:负责|跟进|处理)(?!不了|不到|的范围)|由我(?:来)?(?:负责|跟进|处理)|\bi(?:'ll| will) (?:take care of|handle|personally|own)\b/;
const NO_NEED_ELSEWHERE =
  /(?:不用|无需|不必|不需要)(?:您|你)?(?:再|去|另外)?(?:找|问|联系)|\b(?:no need to|don't need to|won't need to|needn't) (?:contact|ask|call|go to)\b/;

/** True when a sentence takes the matter on and tells the customer they need not go elsewhere. */
export function isOwnershipSentence(sentence: string): boolean {
  return OWNERSHIP.test(sentence) && NO_NEED_ELSEWHERE.test(sentence);
}

export function isAgreement(sentence: string): boolean {
  return AGREEMENT.test(sentence) && !DISAGREEMENT.test(sentence.replace(OUR_MISTAKE, ' '));
}

// A phrase the agent says they will not say: "我不会说这不归我管", "I'm not going to tell you to calm down", "I won't
// say it's not my job". It is named to be disowned, as a quoted phrase is somebody else's.
const DISOWNED_BEFORE =
  /(?:怎么会|怎么可能|哪里会|哪会|(?:我|我们)?(?:绝|从来|永远|也)?(?:不会|不可能|没有|不想)(?:跟您|对您|和您|跟你|对你)?(?:说|讲|回您|回复您)(?:什么|这种话|这|那|这是|那是|“|")?|\b(?:not going to|not gonna|won't|will not|never|wouldn't|would never|i'd never|don't want to) (?:say|tell you|tell you to|ask you to)(?: that)?)\s*$/;

const DISOWNING_OPENING =
  /^\s*(?:(?:我|我们)(?:绝|从来|永远|也)?(?:不会|不可能|不想)(?:跟您|对您|和您|跟你|对你)?(?:说|讲)|i(?:'m| am) not (?:going to|gonna) (?:say|tell you)|i (?:won't|will not|will never|would never|'d never) (?:say|tell you))/;

// "我们怎么会不欢迎您这样的顾客呢": a refusal or rejection named inside "how could we…" is denied.
const DENIED_BY_QUESTION = /(?:怎么会|怎么可能|哪里会|哪会)(?:不|拒绝|没)/;

/** True when a sentence opens by disowning what it names ("我不会说这不归我管，…"): the learned reader's excuse. */
export function isDisownedSentence(sentence: string): boolean {
  return DISOWNING_OPENING.test(sentence) || DENIED_BY_QUESTION.test(sentence);
}

/** True when the hit starting at `start` of normalized text is a phrase the agent says they will not say. */
function isDisowned(text: string, start: number): boolean {
  return DISOWNED_BEFORE.test(text.slice(Math.max(0, start - 36), start));
}

// Somebody else's next customer or job ("the technician will come after his next customer", "师傅说下一位客户那边结束后
// 就到"): the agent tells when help arrives, and turns nobody away.
const THIRD_PARTY_BEFORE =
  /(?:\b(?:his|her|their|the (?:technician|driver|courier|engineer|installer)'s)\s+|(?:师傅|技师|司机|快递员|快递小哥|骑手|配送员|工程师|安装工|(?<!其)他|她)(?:说|那边)?[^,.;!?，。；！？]{0,6})$/;

// The agent doing the asking: "let me check with them", "I'll contact the courier", "我来联系仓库", "我帮您问一下他们":
// the step the shirking phrase pushes onto the customer, taken by the agent.
const OWN_STEP_BEFORE =
  /(?:\b(?:let me|i'll|i will|i can|we'll|we will|i'm going to|i am going to|i've|i have|i already)|(?:我|我们)(?:这边)?(?:来|去|会|帮您|替您|给您|这就|马上|先|已经))\s*$/;

/** True when the shirking words at `start` of normalized text are a step the agent takes. */
function isOwnStep(text: string, start: number): boolean {
  return OWN_STEP_BEFORE.test(text.slice(Math.max(0, start - 20), start));
}

/** True when the rejection word at `start` of normalized text speaks of somebody else's customers. */
function isThirdPartysCustomer(text: string, start: number): boolean {
  return THIRD_PARTY_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

// Who else the agent may have told: "仓库那边我已经说过了", "跟快递说过了", "as I mentioned to the warehouse team". Said
// to them, "I already said" reports a step taken for the customer; only said to the customer is it impatience.
const OTHER_PARTIES =
  '仓库|仓储|快递|物流|师傅|骑手|司机|商家|厂家|工厂|供应商|同事|主管|经理|领导|技术|财务|售后|门店|店长';
const TOLD_OTHERS_BEFORE = new RegExp(
  `(?:(?:${OTHER_PARTIES})(?:那边|那里|方面)(?:我)?|(?:跟|和|给|对|向)(?:${OTHER_PARTIES})(?:那边)?)(?:都|也|已经|早就|之前)?$`,
  'u',
);
const TOLD_OTHERS_AFTER =
  /^\s*(?:to|with) (?:the |our |your )?(?:\w+ )?(?:warehouse|courier|driver|team|supplier|factory|manager|supervisor|store|carrier|seller|colleagues?)s?\b/u;
const TELLING = /说|讲|告诉|强调|解释|mention|said|told|explain/u;
const CLAUSE_BREAK = /[,，;；\s了]/u;
const COUNTED_TELLING = /几遍|多少遍|几次|多少次|好几|\btimes\b|\bagain\b/u;

// The customer said it: "as you already said, the parcel arrived wet", "您刚才已经说过了，我记下了" (not "跟你说了": said
// to them). Taking up what they said is listening, not "I told you already".
const SAID_BY_CUSTOMER_BEFORE =
  /(?<![跟和给对向])(?:您|你)(?:刚才|刚刚|之前|前面|也)?$|\b(?:as|like) you(?:'ve| have)?(?: already| just)?\s*$/u;

const CANT = /can't|cannot|can not|couldn't|unable to|not able to|won't|不能|没法|没办法|无法|做不到|办不到/gu;
const CANT_FIND = new RegExp(
  String.raw`(?:can't|cannot|can not|couldn't|unable to|not able to)\s*(?:find|locate|trace|see) (?:an?|any|the|your|this|that) (?:\w+ )?${RECORD}\b`,
  'u',
);

/** True when a sentence's one "can't" is not finding a record ("I can't find an order under that email"), nothing more. */
export function isLimitOfKnowingSentence(sentence: string): boolean {
  return (sentence.match(CANT) ?? []).length === 1 && CANT_FIND.test(sentence);
}

const SAID_BY_CUSTOMER =
  /(?<![跟和给对向])(?:您|你)(?:刚才|刚刚|之前|前面|也)?(?:已经)?(?:说|讲|提到)(?:过|了|的)|\b(?:as|like) you(?:'ve| have)?(?: already| just)? (?:said|mentioned|told me)\b/u;
const IMPATIENT_TOO = /别|不要|到底|还要|几遍|多少遍|几次|多少次|自己|\bagain\b|\bread\b|\bkeep\b/u;

/** True when a sentence takes up what the customer said, and nothing in it is impatient: "您刚才已经说过了，我记下了". */
export function isCustomersWordsSentence(sentence: string): boolean {
  return SAID_BY_CUSTOMER.test(sentence) && !IMPATIENT_TOO.test(sentence);
}

/** True when the "already said" at [start, end) of normalized text was said to somebody else, or by the customer. */
function isToldToOthers(text: string, start: number, end: number): boolean {
  // Said how many times is impatient whoever heard it: "和同事都说了多少遍了".
  if (!TELLING.test(text.slice(start, end)) || COUNTED_TELLING.test(text.slice(start, end + 6))) return false;
  if (SAID_BY_CUSTOMER_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return true;
  return (
    TOLD_OTHERS_BEFORE.test(text.slice(Math.max(0, start - 24), start)) ||
    TOLD_OTHERS_AFTER.test(text.slice(end, end + 40))
  );
}

// A sentence that reports what the agent told someone else ("我已经通知仓库不要再发了", "I asked the courier not to
// ring again"), and says nothing to the customer: its words are the message passed on, not said to them.
const TOLD_OTHERS_SENTENCE = new RegExp(
  `(?:通知|告诉|跟|和|让|叫|交代|嘱咐|提醒)(?:了|过)?(?:${OTHER_PARTIES})|\\b(?:told|asked|reminded|instructed|let) (?:the |our )?(?:\\w+ )?(?:warehouse|courier|driver|team|supplier|factory|store|carrier|seller|colleagues?)\\b`,
  'u',
);
const ADDRESSES_CUSTOMER = /你|您|亲|\byou/u;

/** True when a sentence (normalized) reports what the agent told somebody else, and does not speak to the customer. */
export function isReportToOthers(sentence: string): boolean {
  const told = TOLD_OTHERS_SENTENCE.exec(sentence);
  if (!told || ADDRESSES_CUSTOMER.test(sentence)) return false;
  // The message passed on follows the party at once ("通知仓库不要再发了"); an impatient word in a clause of its own is
  // said to the customer ("我跟主管说过了 别再问了").
  const rest = sentence.slice(told.index + told[0].length);
  const cut = rest.search(CLAUSE_BREAK);
  return cut < 0 || !IMPATIENT_TOO.test(rest.slice(cut + 1));
}

// What a product helps the customer do ("designed to help you calm down before bed"): a benefit, not the agent telling
// the customer to calm down.
const HELPED_TO_BEFORE = /\b(?:helps?|helping|designed to|meant to|made to)\s+(?:you\s+)?(?:to\s+)?$/;

/** True when the impatience words at `start` of normalized text are what a thing helps the customer do. */
function isHelpedTo(text: string, start: number): boolean {
  return HELPED_TO_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

// The customer's own choice: "到了您自己看看哪个颜色更配", "您自己选喜欢的款式就行", "see for yourself which one you like".
// Looking or choosing, then what to choose between: no sending the customer away.
const CHOICE_AFTER =
  /^(?:看|选|挑|比)?(?:一下|下|一看|一比)?(?:哪(?:个|款|种|一|件|双|套)|喜欢|喜不喜欢|合不合适|适不适合|要哪|更喜欢|which\b|whether\b|what you (?:like|prefer)\b)/;

/** True when the words ending at `end` of normalized text are followed by what the customer chooses between. */
function isOwnChoice(text: string, end: number): boolean {
  return CHOICE_AFTER.test(text.slice(end, end + 12).trimStart());
}

// What a product cannot do ("这款吸尘器做不了湿拖", "这台微波炉不能放金属"): a fact about the goods, not the agent refusing.
// A policy about the goods ("这款不能退") is still a refusal.
const PRODUCT_SUBJECT =
  /(?:这款|该款|此款|本款|这台|该机|本机|这个型号|这种型号|这个机型|机器|机子|产品|它)[^,.;!?，。；！？]{0,12}$/;
const POLICY_AFTER = /^[^,.;!?，。；！？]{0,10}(?:退|换|改|取消|补|赔|保修|寄|发货|报销|开票)/;

/** True when the refusal at [start, end) of normalized text says what a product cannot do. */
function isProductCapability(text: string, start: number, end: number): boolean {
  const clause =
    sentenceBefore(text, start)
      .split(/[,;:，；：]/u)
      .at(-1) ?? '';
  return PRODUCT_SUBJECT.test(clause) && !/我/u.test(clause) && !POLICY_AFTER.test(text.slice(start, end + 10));
}

/**
 * True when the words around the rule's hit at [start, end) of normalized text excuse it for its category: advice not
 * to share a secret, a polite refusal, a description or warranty, our own mistake, a turn to an offer, a condition, a
 * step reported as told to someone else.
 */
export function isExcusedByContext(category: string, text: string, start: number, end: number): boolean {
  if (isDisowned(text, start)) return true;
  switch (category) {
    case 'sensitive_request':
      return isAdviceAgainstSharing(text, start, end);
    case 'refusal':
      return (
        isPoliteRefusal(text, start, end) ||
        isLimitOfKnowing(text, end) ||
        isHoldingUntil(text, start, end) ||
        isProductCapability(text, start, end) ||
        isSecretUnseen(text, end)
      );
    case 'absolute_promise':
      return (
        isDescriptiveMeasure(text, start, end) ||
        isWarrantyNoun(text, start, end) ||
        isNeverAsking(text, end) ||
        isHedged(text, start)
      );
    case 'shirking':
      return isOwnStep(text, start);
    case 'contradiction':
      return isOwnMistake(text, start, end) || isTurnToOffer(text, start, end) || isConditionalWrong(text, start);
    case 'impatience':
      return (
        isDeniedBlame(text, start) ||
        isHelpedTo(text, start) ||
        isToldToOthers(text, start, end) ||
        isOwnChoice(text, end)
      );
    case 'rejection':
      return isThirdPartysCustomer(text, start);
    default:
      return false;
  }
}
