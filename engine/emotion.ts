// Customer emotion (calm / anxious / angry) from words, emoji and punctuation, with the cue lists kept as data.
import { cueLists, cueListsGeneration } from './cue-lists.ts';
import { DENIED_TEMPER } from './detect-negation.ts';
import { normalizeForMatch, wordBoundaries } from './normalize.ts';
import { expandShorthand } from './shorthand.ts';
import type { Emotion } from './types.ts';

/** The emotion cue lists in use (data/cues/emotion.json: bundled, or installed from storage in the content script). */
const cues = () => cueLists().emotion;
let calmStatement: { pattern: RegExp; generation: number } | undefined;

// A calm statement means it only as a statement: not in "我能不着急吗" (how could I not worry) or "等不急" (a typo of 等不及).
function calmStatementPattern(): RegExp {
  const generation = cueListsGeneration();
  if (calmStatement?.generation === generation) return calmStatement.pattern;
  const statements = [...cues().calmStatements]
    .sort((a, b) => b.length - a.length)
    .map((statement) => statement.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  // No statements: an alternative that never matches, not an empty one that matches everywhere.
  const pattern = new RegExp(`(?<![能等])(?:${statements.join('|') || '(?!)'})(?![吗么嘛])`, 'gu');
  calmStatement = { pattern, generation };
  return pattern;
}

/** Exclamation marks in a row that read as shouting; question marks in a row that read as urgency. */
const SHOUTING = /!{3,}/u;
const URGENT_QUESTIONS = /\?{2,}/u;
/** "申请三天了", "等了一周了": the customer counts the days. */
const COUNTING_DAYS = /[一二两三四五六七八九十几\d]{1,6} ?(天|周|个星期|个礼拜|个月)了/u;

/** "Every. Single. Time." / "Where. Is. My. Package.": words chopped by full stops, one beat each, read as anger. */
const CHOPPED_WORDS = /(?:^|\s)(?:\p{L}+\. ){2,}\p{L}+[.?!]/u;
/** One word shouted at the end of a clause ("I click again, NOTHING.", "back TODAY."), not an acronym inside one. */
const SHOUTED_WORD = /(?:^|[^\p{L}\d])\p{Lu}{5,}[.!?]/u;
/** The customer counts the failures: "第二次收到过期的", "这个月第三次了", "logged me out 6 times today". */
const COUNTING_FAILURES =
  /第[二三四五六七八九十两\d]{1,6}次(?!回购|购买|光顾|下单|买)|(?:说|讲|问|解释)了[两三四五六七八九十几\d]{1,3}遍|[三四五六七八九十几\d]{1,6}次了|\b(?:\d{1,6}|three|four|five|six|seven|eight|nine|ten) times (?:today|this week|this month|now|already)\b|\b(?:second|third|fourth|fifth|\d+(?:nd|rd|th)) (?:time|copy-paste|message|email)\b/u;
/** A deadline the goods or the answer must meet, or a consequence feared: "宝宝明天就要用了", "it's a gift for saturday". */
const DEADLINE =
  /\b(?:runs? out|expires?|due|closes?) (?:tonight|today|tomorrow)\b|\b(?:birthday|wedding|flight|exam|interview|move|surgery) (?:is )?(?:on|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the \d{1,2}(?:st|nd|rd|th)?)\b|\b(?:is|are|'s) (?:tomorrow|tonight|next week|this weekend|on the \d{1,2}(?:st|nd|rd|th)?)\b(?! floor| street| st\b| avenue| ave\b| row\b)|(?:明天|后天|下周|下礼拜|下星期|这周末|周末)[^，。,.!?！？]{0,10}(?:典礼|婚礼|生日|考试|面试|出国|答辩|开学|搬家|比赛|演出|航班)|(?:明天|后天|今晚|今天|周[一二三四五六日末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|下周|月底|下个月)(?:就|一早就|之前|前)?(?:要用|要办|要走|要交|要出发|办了|就要|前)|(?:怕|担心|万一)[^，。,.!?！？]{0,12}(?:来不及|赶不上|发出去|过期|用不了|被|丢)|\b(?:before|by) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the weekend)\b|\b(?:expires?|closes?|ends?|starts?|renews?|boarding|leaves?|departs?) (?:at |in |by |on )?(?:midnight|tonight|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:like |about )?an hour|\d+ ?(?:minutes?|mins?|hours?|hrs?))\b|今晚\d*点?(?:就)?(?:过期|截止|结束|到期)|\bgift for\b|\bi'll miss\b|\bstarting to worry\b|\bworr(?:y|ied|ying)\b|\ballergic\b|\bdidn't (?:change|request|authori[sz]e|order)\b/u;

/**
 * A clock running: "孩子的课半小时后就开始了", "我五点就得出门了", "need help with an order before 5". A time alone is not
 * one ("两小时后开始发货吗", "48小时内要发货的吧", "it came by 5"): something the customer must do or make must hang on it.
 */
const CLOCK_RUNNING =
  /[一二两三四五六七八九十\d]{1,3}点(?:半|\d{1,2}分?)?(?:前|之前|以前)?(?:就|我就|我)?(?:得|必须|要(?:出门|出发|退房|登机|上课|交|走))|(?:半个?小时|一个?小时|[两二三四五六七八九十几\d]{1,4} ?(?:分钟|个?小时))(?:后|之后|以后|内)(?:就要?(?:开始|出发|截止|结束|关门|登机|上课|开考|开课|到期|过期)|得|要(?:出门|出发|走|交|登机|上课|退房)|截止|关门|登机|到期)|\b(?:need|needs|have to|has to|must|gotta)\b[^.!?]{0,30}\b(?:before|by) \d{1,2}(?::\d\d)?\s?(?:am|pm)?\b/u;

/**
 * Someone else acting on the customer's account or money: "someone changed the email on my account", "i didnt do
 * this", "without my permission", "有人改了我的绑定手机", "不是我本人操作的", "被人盗刷了". Fear for the account, whatever the words.
 */
const SOMEONE_ELSE_ON_ACCOUNT =
  /\b(?:someone|somebody) (?:else )?(?:has |just )?(?:changed|bought|used|logged|accessed|took|charged|ordered|is using|reset|added)\b|\bwithout my (?:permission|knowledge|consent|authori[sz]ation)\b|\bwithout me knowing\b|\bi (?:didn'?t|did not|never) (?:do|make|buy|order|authori[sz]e|approve) (?:this|that|it|these|those|any)\b|有人(?:改|动|登|用|盗|买|刷|换)了?我的?|不是我(?:本人)?(?:操作|买|下单|登录|改|绑定)的|我(?:根本)?(?:没有?|从来没)(?:操作|买|下单|登录|授权)过|被人(?:盗|登|改|刷|冒用|买)/u;

/**
 * Asking whether their message arrived after it failed: "my messages keep showing not delivered, can you see this?",
 * "你那边能看到我的消息吗". The customer fears being unheard.
 */
const UNSURE_HEARD =
  /\b(?:can|could|do) (?:you|u) (?:see|get|read|hear) (?:this|me|my (?:message|messages|msg|msgs))\b(?: one)?|\bare (?:you|u) still there\b|(?:你|您)(?:那边|这边)?(?:能|可以)?(?:看到|收到|看得到|收得到)(?:我的?)?(?:消息|信息|留言|截图)?(?:吗|没|没有|不)/u;

/**
 * A time the customer's plans hang on, said plainly: "i leave for the airport at 2", "sailing is friday morning",
 * "i have like 4 days left", "moving to madrid in 6 weeks", "before xmas", "明早就要走了", "下周就开学了".
 */
const TIME_AT_STAKE =
  /\b(?:i|we) (?:leave|fly|move|sail|travel|start|go back)\b[^.?!]{0,40}?\b(?:at \d{1,2}|today|tonight|tomorrow|tmr|tmrw|in \d+ ?(?:min|mins|minutes|hours?|hrs?|days?|weeks?)|this (?:weekend|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b|\b(?:flight|sailing|exam|exams|mocks?|deadline|appointment|surgery|trip|interview|wedding|party|check-?in|checkout|move|event) (?:is|are|'s) (?:on |at |in )?(?:today|tonight|tomorrow|tmr|tmrw|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+ ?(?:min|mins|minutes|hours?|days?|weeks?))\b|\b\d+ (?:days?|hours?) left\b|\bbefore (?:xmas|christmas|the holidays|my (?:flight|trip|exam|move))\b/u;

/**
 * Chinese shapes of the same: a fear said in the first person ("我怕装错位置", "不太敢碰那个箱子"), a departure the
 * customer's plans hang on ("明早七点的航班", "还剩几个小时", "存粮剩一周"), money the customer cannot bear to lose ("运费我
 * 可承担不起", "这钱是我攒来给孩子报营的").
 */
const STAKES_ZH =
  /我(?:真的|有点|好|很|特别|就)?(?:怕|害怕)(?![麻烦])|不(?:太)?敢(?:碰|动|用|弄|开|吃|插|拆|关)|(?:明早|明天一早|明天早上|今晚|(?:今天|明天|今晚|明早)[^，。,.!?！？\s]{0,4}?[一二两三四五六七八九十\d]{1,2}点)[^，。,.!?！？\s]{0,4}?(?:的)?(?:航班|飞机|火车|高铁|动车|船|大巴)|还剩(?:几|[一二两三四五六七八九十\d]+)个?(?:小时|天|分钟)|(?:只)?剩(?:一|两|三|几)(?:周|天)了?$|快(?:截止|到期)了|挺赶的|承担不起|赔不起|亏不起|攒(?:了|来|下)?[^，。,.!?！？]{0,6}钱/u;

/** Calling out for someone again and again ("在不在 在不在", "有人吗？有人吗", "hello?? hello"; not a bare 喂喂): afraid of being left alone. */
const CALLING_AGAIN = /(在吗|在不在|有人吗|有人在吗|hello|anyone there)[\s?？!！,，.。~]*\1|在线等/u;

/**
 * A feared consequence, said as a condition and what follows from it: "再交不上这钱就得我自己出", "等不到的话只能取消行程了",
 * "要是没有我这边很难交代", "will i get it back or is it gone". A condition with a harmless result ("有货的话就帮我发", "要是
 * 还没发货就帮我取消"), a question about the result ("再来一单的话会过期吗", "…什么时候过期") or a plain question ("does it still
 * work or did it expire", "Monday is fine") is not one: the result must be a loss, stated.
 */
const FEARED_CONSEQUENCE =
  /(?:再|要是|如果|万一|不然|否则|要不然|的话)[^。.!?！？]{0,20}(?:就|只能|只好|都会|会|得)(?:(?!什么时候|多久|哪天|几号|几点)[^，。,.!?！？]){0,8}(?:没了|没有了|没[\p{Script=Han}]{0,3}(?:用|装备|地方|钱)|不了了|(?<=只能|只好)取消|自己(?:出|掏|垫|付|承担|赔)|没了着落|难交代|白买|白花|白等|损失|怪我|赔钱|被扣|被罚|过期|作废|失效|来不及|泡汤|完了|惨了)(?![吗么嘛呀]|[?？])|\b(?:or|otherwise|if not|or else)\b[^.!?]{0,30}\b(?:lose|lost|gone|miss(?:es|ed)?|fined|a fine|wasted|too late|forfeit)\b|\bwill i (?:get (?:it|them|my \w+) back|lose)\b|\bis (?:it|my \w+) gone\b/u;

/**
 * Praise for a failure that came again: "great, another 'we're looking into it'", "you guys really are consistent", "服务真好啊，
 * 好到我等了三个月". The praise, the "again" and what went wrong together are a sneer: "thanks again", "又学到了" are not.
 */
const PRAISED_AGAIN =
  /\b(?:great|wow|love that|love it|brilliant|amazing|truly|impressive|fantastic|lovely|nice one|well done|consistent)\b[^.!?]{0,40}\b(?:another|again|every (?:single )?time|as usual|each time)\b|\b(?:another|again)\b[^.!?]{0,30}\b(?:great|love it|love that|brilliant|impressive|consistent)\b|(?:真好|真棒|真行|真厉害|好厉害|佩服|可以啊)[^。!?！？]{0,12}(?:又|每次|好到|还是老样子)/u;
/** What went wrong, beside the praise: a sneer needs it ("thanks again for your help" has none). */
const FAILED =
  /\b(?:late|cold|broken|crushed|damaged|wet|delay(?:ed)?|still|nothing|not|never|no one|nobody|missing|wrong|copy-paste|looking into it|sorry for the|inconvenience|weeks?|hours?)\b|n't\b|等了|没到|没来|坏|晚了|慢|还是|没人|原样|寄回|[三四五六七八九十几\d]{1,6}个?(?:月|天|小时|周)/u;
const SAID_AGAIN_FOR_WEIGHT = /\b([a-z]{3,20})\.\s+(?:[a-z ]{0,12}\b)?\1\b\.|([^\s，。,.!?！？]{2,8}?)\s*\2\s*\2/gu;
// What is said again and again in good humour or agreement: laughter, thanks, yes, a thumbs-up.
const FRIENDLY_REPEAT =
  /^(?:(?:ha|he|hi|lo|l|h)+|哈+|呵+|嘿+|嘻+|嗯+|谢+|谢谢|好|好的|好滴|收到|对|是|ok|okay|yes|yep|sure|thanks|thank you|thx|bye|拜拜|\d)+$/u;

/** The same words said again for weight: "march. march.", "报错E502 报错E502 报错E502", "退款退款退款", not 哈哈哈哈 or 666. */
function saysAgainForWeight(text: string): boolean {
  for (const match of text.matchAll(SAID_AGAIN_FOR_WEIGHT)) {
    const unit = (match[1] ?? match[2] ?? '').trim();
    if (new Set(unit).size >= 2 && !FRIENDLY_REPEAT.test(unit)) return true;
  }
  return false;
}

/** A question at the company that mocks it ("你们是在现做吗", "客服是集体下班了吗", "do you even read these?"): anger. */
const MOCKING_QUESTION =
  /你们(?:的|家)?[^，。,.!?！？]{0,10}(?:是(?:在现|没人|集体|走路|用脚|睡着|摆设|吃干饭|机器人)|都(?:下班|睡|死|放假)了)|快递是走路|\bdo you (?:guys )?(?:even|ever|actually) (?:read|care|check|work|listen)|\bis anyone (?:actually|even) (?:working|there|reading)|\bare you (?:guys )?(?:serious|kidding|joking)\b|\bwhat a joke\b/u;
/**
 * The shop's own words quoted back beside a sneer or a count: "'fast shipping' lol. 3 weeks and counting", "so the
 * "lifetime warranty" lasted 4 months. noted", "还挂个“限时特惠”… 冤大头". A quoted label asked about ("what does
 * 'pending' mean?") has neither.
 */
const QUOTED_CLAIM = /(?:^|[\s(,.:;!?])'[^'\n]{2,40}'(?![a-z])|"[^"\n]{2,40}"|「[^」\n]{2,40}」/u;
const SNEER_BESIDE_QUOTE =
  /\b(?:lol|lmao|noted|nice one|so much for|real helpful|love that|and counting|lasted|apparently|supposedly|yeah right)\b|🙃|🙄|😂|冤大头|所谓|号称|呵呵|说好的/u;
/**
 * A question that accuses instead of asking: "玩文字游戏是吧", "给空气吗", "逗我玩呢", "合着早买的就是冤大头呗", "发货的时候就不能
 * 仔细点？", "到底检测没检测", "良心不会痛吗", "是要审到民国几年", "how is this secure", "is that button just there to collect emails", "or is the listing just there for decoration".
 */
const ACCUSING_QUESTION =
  /(?:耍|玩|逗|坑|骗|糊弄|故意|欺负)[^，。,.!?！？]{0,6}是吧|给空气|逗我玩|耍我|合着[^。.!?！？]{0,16}[呗吧]|就不能[^。.!?！？]{0,8}点|到底(?!有没)([\p{Script=Han}]{1,2})没\1|专(?:挑|坑)|\b(?:just|only) there (?:to|for)\b|良心(?:不会痛|何在|不痛)|民国几年|猴年马月|\bhow is (?:this|that) (?:secure|acceptable|ok|okay|fair|legal|possible)\b|\bwas i just (?:unlucky|stupid|supposed)\b/u;
/**
 * Giving up on the shop: "算了 就这样吧 跟你们说也没用", "算了，不用了，我自己想办法", "... seriously" (dots alone are read both ways).
 */
const GIVING_UP =
  /算了[^。.!?！？]{0,6}(?:不用了|就这样|没用|自己想办法|不指望)|(?:跟|和)你们?说(?:了)?也没用|^\s*(?:\.{3,}|…+)\s*(?:seriously|really|wow)[?!.]*\s*$/u;
/**
 * An ask insisted on, not asked: "i want a refund. not store credit. not a voucher.", "refund. now.", "non-negotiable",
 * "把钱退回来", "这不是我的问题", "给句话", "能不能说人话", "speak english not corporate", "made zero sense", "I'm not asking again", "I've explained this three times".
 */
const INSISTED_ASK =
  /(?:^|[.!?] )not (?:a |an |my )?[a-z]+(?: [a-z]+)?\. not\b|^(?:refund|fix it|cancel it|replace it|answer me)\. now\b|\bnon-?negotiable\b|把钱(?:给我)?退回来|(?:这|那)不是我的(?:问题|错|责任)|给(?:个|句)话|说人话|绕来绕去的|你绕了一大圈|你[^，。,.!?！？]{0,4}绕来绕去|\bspeak english not\b|\bspeak like a (?:normal )?(?:person|human)\b|\blike a normal person\b|\bmade (?:zero|no) sense\b|\bsaid\b[^?]{0,60}\b(?:then|but|now)\b[^?]{0,60}\bwhich one is it\b|\bgone on (?:long enough|too long)\b|\b(?:i'?m|i am) not (?:asking|telling you|saying (?:it|this)) again\b|\bi'?ve (?:explained|said|told you) (?:this|that|it) (?:three|four|five|several|\d+|many) times\b/u;

/**
 * Waiting counted in English, as COUNTING_DAYS counts it in Chinese: "stuck at the same depot for a week", "processing
 * after 10 days", "waiting since 12 days". A time the shop names is not one ("ships in 3 days"), and "hasn't moved since
 * Monday" alone is read both calm and anxious.
 */
const WAITED_EN =
  /\b(?:stuck|waiting|processing|pending|hasn'?t (?:moved|changed|updated|arrived|come)|still (?:says|shows|stuck|waiting|processing|pending|nothing)|nothing came|no (?:update|reply|answer|refund))\b[^.!?]{0,40}\b(?:for|since|after) (?:\d+|a|one|two|three|four|five|six|several|a few|over a|like \d+) (?:days?|weeks?)\b/u;
/**
 * Money or a place the customer stands to lose, in English: "i cant just lose that", "does that mean i lose the deposit",
 * "dont want a fine", "they charge me a no-show fee". A question about a fee's amount ("what's the fee?") is not one.
 */
const LOSS_EN =
  /\b(?:i|we) (?:can'?t|cannot|could) (?:just )?(?:lose|afford to lose)\b|\b(?:do|will|would) (?:i|we) lose\b|\bi lose the\b|\b(?:don'?t|do not) want (?:a|to pay a|to get a) (?:fine|penalty|late fee)\b|\bcharge (?:me|us) (?:a|the) (?:no-show|late|cancellation) fee\b/u;
/** A clock close to running out: "boarding in 10", "i have 20 min before i have to leave", "deadline friday". */
const MINUTES_LEFT =
  /\b(?:boarding|leaving|lands?|landing) in \d{1,3}\b|\b(?:closes?|closing|starts?) in \d{1,3} ?(?:min|mins|minutes)\b|\b(?:i have|i've got|got) (?:like |only |just )?\d{1,3} ?(?:min|mins|minutes)\b|\bdeadline (?:is )?(?:today|tonight|tomorrow|tmr|tmrw|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/u;

/** Mostly capital letters over several words: shouting in English. */
function isShouting(original: string): boolean {
  const words = original.match(/[A-Za-z]{2,}/gu) ?? [];
  const capitalWords = words.filter((w) => w === w.toUpperCase());
  const letters = capitalWords.join('').length;
  return capitalWords.length >= 3 && letters >= 10 && capitalWords.length / words.length >= 0.7;
}

// Where the words of the last text read start and end: a two-character Chinese cue must be a word of its own (妈的 is not
// in 给我妈的药, 不回 is not in 找不回来), as lint's short phrases are.
let boundariesOf: { text: string; at: Set<number> } | undefined;
function boundariesOfLastText(text: string): Set<number> {
  if (boundariesOf?.text !== text) boundariesOf = { text, at: wordBoundaries(text) };
  return boundariesOf.at;
}
const TWO_HAN = /^\p{Script=Han}{2}$/u;

function containsCue(text: string, cue: string): boolean {
  let at = text.indexOf(cue);
  while (at >= 0) {
    if (TWO_HAN.test(cue)) {
      const bounds = boundariesOfLastText(text);
      if (bounds.has(at) && bounds.has(at + cue.length)) return true;
      at = text.indexOf(cue, at + 1);
      continue;
    }
    // Latin cues stand on word boundaries ("tm" is not in "html").
    const latin = /^[a-z]/u.test(cue);
    const before = text[at - 1];
    const after = text[at + cue.length];
    const afterWord = after === 's' ? text[at + cue.length + 1] : after;
    if (
      !latin ||
      ((!before || !/[a-z]/u.test(before)) && (!afterWord || !/[a-z]/u.test(afterWord) || !/[a-z]$/u.test(cue)))
    )
      return true;
    at = text.indexOf(cue, at + 1);
  }
  return false;
}

/** Praise or thanks said with a sneer ("呵呵", "真是谢谢你们了", "amazing service as always"): a complaint in disguise. */
export function isSarcastic(text: string): boolean {
  const normalized = normalizeForMatch(text);
  return cues().sarcasm.some((cue) => containsCue(normalized, cue));
}

/** True when a message states that something went wrong (发霉, "down again", "used item"): praise beside it is a sneer. */
export function statesComplaintFact(text: string): boolean {
  const normalized = normalizeForMatch(text);
  return cues().complaintFacts.some((cue) => containsCue(normalized, cue));
}

/** The message as the emotion cues read it: folded, shorthand written out, calm statements and denied tempers blanked. */
function emotionReading(text: string): string {
  let normalized = expandShorthand(normalizeForMatch(text));
  normalized = normalized.replace(calmStatementPattern(), '/');
  return normalized.replace(DENIED_TEMPER, '/');
}

/** What reads as anger besides shouting and the cue lists: counted failures, mockery, sneers, insistence. */
const ANGRY_FORMS: readonly RegExp[] = [
  COUNTING_FAILURES,
  MOCKING_QUESTION,
  ACCUSING_QUESTION,
  GIVING_UP,
  INSISTED_ASK,
];
/** What reads as anxiety besides the cue list: counted waits, deadlines, feared losses, calls that go unanswered. */
const ANXIOUS_FORMS: readonly RegExp[] = [
  URGENT_QUESTIONS,
  COUNTING_DAYS,
  DEADLINE,
  FEARED_CONSEQUENCE,
  CLOCK_RUNNING,
  CALLING_AGAIN,
  SOMEONE_ELSE_ON_ACCOUNT,
  UNSURE_HEARD,
  TIME_AT_STAKE,
  STAKES_ZH,
  WAITED_EN,
  LOSS_EN,
  MINUTES_LEFT,
];

export function detectEmotion(text: string): Emotion {
  const normalized = emotionReading(text);
  if (SHOUTING.test(normalized) || isShouting(text) || CHOPPED_WORDS.test(text) || SHOUTED_WORD.test(text))
    return 'angry';
  // An apology for the tone takes the anger back, not the worry: "my bad for the caps, just scared I'll lose the deposit".
  const apologised = cues().apology.some((cue) => normalized.includes(cue));
  if (
    !apologised &&
    (cues().angry.some((cue) => containsCue(normalized, cue)) ||
      cues().sarcasm.some((cue) => containsCue(normalized, cue)) ||
      ANGRY_FORMS.some((form) => form.test(normalized)) ||
      (QUOTED_CLAIM.test(normalized) && SNEER_BESIDE_QUOTE.test(normalized)) ||
      (PRAISED_AGAIN.test(normalized) && FAILED.test(normalized)) ||
      saysAgainForWeight(normalized))
  )
    return 'angry';
  if (ANXIOUS_FORMS.some((form) => form.test(normalized)) || cues().anxious.some((cue) => containsCue(normalized, cue)))
    return 'anxious';
  return 'calm';
}

/**
 * The mood a scenario carries when the words themselves are calm: a customer who demands a manager or complains about
 * an agent is rarely calm even without an insult, and one reporting a whole service down is worried. Measured on every
 * fresh set written after the cue lists: the cue lists alone read such messages as calm (0.63–0.77 accuracy on fresh
 * sets; with this default 0.80–0.89, dev 0.995 → 0.977).
 */
const SCENARIO_MOOD: Readonly<Record<string, Emotion>> = {
  angry_abusive: 'angry',
  complaint: 'angry',
  staff_complaint: 'angry',
  ask_supervisor: 'angry',
  waiting_too_long: 'angry',
  service_outage: 'anxious',
};

/** True when the customer says they are calm ("不急", "not angry, just asking", "有点失望"); `folded` as for isCourteous. */
export function statesCalm(folded: string): boolean {
  const pattern = calmStatementPattern();
  pattern.lastIndex = 0;
  return pattern.test(folded);
}

// An ask put as a polite question or wish: "可以請你們主管跟我聯絡嗎", "麻烦请你们主管回复我", "能不能帮我转给上级", "I'd like to
// lodge a formal grievance", "could you pass this to a supervisor". Calm words in that frame are meant.
const POLITE_ASK =
  /^(?:你好|您好|hi|hello)?[\s,，]*(?:请问|请|麻烦|可以请?|能不能|能否|能帮我|可不可以|方便的话|想请|could you|would you|can you please|i'd like|i would like|may i|is it possible)|(?:可以|能|能不能)[^。！？?!]{0,20}吗[?？]?$|\bwould (?:it|that) be possible\b/u;

/** True when the customer asks politely ("幫我轉主管 謝謝", "thx"); `folded`: the message folded and shorthand written out. */
export function isCourteous(folded: string): boolean {
  return cues().courtesy.some((cue) => containsCue(folded, cue)) || statesCalm(folded) || POLITE_ASK.test(folded);
}

/**
 * The emotion of a message given its best scenario: insults always read as anger; otherwise calm words take the
 * scenario's mood, unless the customer asks politely (`courteous`), whose calm words are meant.
 */
export function emotionGivenScenario(
  fromWords: Emotion,
  bestScenarioId: string | undefined,
  courteous = false,
): Emotion {
  if (bestScenarioId === undefined || !Object.hasOwn(SCENARIO_MOOD, bestScenarioId)) return fromWords;
  const mood = SCENARIO_MOOD[bestScenarioId]!;
  if (bestScenarioId === 'angry_abusive') return mood;
  return fromWords === 'calm' && !courteous ? mood : fromWords;
}
