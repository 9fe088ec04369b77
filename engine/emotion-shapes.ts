// The shapes of a message that carry emotion whatever its words: a time ahead, a wait counted, money, a loss, a demand.
//
// The learned emotion reader weighs these beside the message's words. Each shape is a kind of language (a date, an
// amount, a count), not a phrase: "flying sunday", "下周五之前必须到" and "by end of month" share `time-ahead` though
// they share no word, so a worry the examples put in other words is still read. Which shapes mean anxiety and which
// anger, and how much, is learned from the packs' labelled messages, not written here.

/** What every shape's feature name starts with. */
export const SHAPE_PREFIX = 'shape:';

/** One shape: its feature name and the test on the original message or on its folded form. */
type Shape = readonly [feature: string, pattern: RegExp];

const SHAPES: readonly Shape[] = [
  // A time ahead: a day, a part of the day, an hour.
  [
    'shape:time-ahead',
    /\b(?:tomorrow|tmr|tmrw|tonight|today|this (?:weekend|week|morning|afternoon|evening)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week|asap|the \d{1,2}(?:st|nd|rd|th))\b|明天|后天|明早|今晚|今天|周[一二三四五六日末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|下周|下礼拜|下星期|月底|下午|晚上|中午|早上|\d{1,2}点/u,
  ],
  // A limit in time: before, by, in time, expires, 之前, 来得及.
  [
    'shape:time-limit',
    /\b(?:before|by|until|in time|due|deadline|expires?|ends?|closes?|starts?|leaves?)\b|之前|以前|前(?:到|要|必须)|截止|到期|过期|来得及|来不及|赶得上|赶不上|赶不赶得上|来不来得及/u,
  ],
  // Something that must happen, or else.
  [
    'shape:must',
    /\b(?:must|have to|has to|need to|needs to|gotta|need it|need them|required|or i|otherwise|or else)\b|必须|一定要|得(?:在|要)|要用|急用|不然|否则|要不然/u,
  ],
  // A wait counted: "for 9 days", "it's been 15", "十天了", "都三周".
  [
    'shape:waited',
    /\b(?:for|since|after|it'?s been|been) (?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|over a) (?:min|mins|minutes|hours?|days?|weeks?|months?)\b|\b\d+ (?:days?|weeks?|hours?) (?:ago|now|later|and)\b|[一二两三四五六七八九十几\d]{1,4} ?(?:天|周|个星期|个礼拜|个月|小时|分钟)了|都[一二两三四五六七八九十几\d]/u,
  ],
  // Tries or times counted, or "again".
  [
    'shape:again',
    /\b(?:\d+|two|three|four|five|six|several|multiple) times\b|\bagain\b|\b(?:second|third|fourth|fifth)\b|[两三四五六七八九十几\d]{1,3} ?[遍次]|又|再次|第[二三四五六七八九十\d]+次|好几[遍次]/u,
  ],
  // Money at stake.
  [
    'shape:money',
    /[$¥￥€£]\s?\d|\d+ ?(?:元|块|rmb|nt|usd|dollars|bucks|quid)|\b(?:charged|charge|money|refund|deposit|fee|fees|bill|payment)\b|钱|扣款|扣费|押金|费/u,
  ],
  ['shape:questions', /[?？]{2,}/u],
  ['shape:exclamations', /[!！]{2,}/u],
  ['shape:capitals', /\b[A-Z]{3,}\b/u],
  ['shape:cross-face', /[😡🤬😤💢🙄🙃]/u],
  ['shape:worried-face', /[😭😢🥺😰😱😟😥🙏]/u],
  // A demand on the shop: "fix your checkout", "给我", "马上".
  [
    'shape:demand',
    /\b(?:fix|give me|sort (?:it|this) out|i want|i demand|now|immediately)\b|给我|赶紧|马上|立刻|立即|快点/u,
  ],
  // Asking what on earth is going on.
  [
    'shape:what-on-earth',
    /到底|究竟|凭什么|什么意思|搞什么|怎么回事|what the|wtf|seriously|ridiculous|unacceptable|joke/u,
  ],
  // Something that will not work, still.
  [
    'shape:still-failing',
    /\b(?:can'?t|cannot|unable|won'?t|doesn'?t work|not working|keeps?|still)\b|不能|没法|用不了|打不开|一直|还是|还没/u,
  ],
  // A loss feared or suffered.
  [
    'shape:loss',
    /\b(?:lose|lost|miss|missed|wasted|too late|gone|stolen|hacked)\b|丢|没了|被盗|盗|损失|白花|泡汤|完了|惨了/u,
  ],
  // Politeness.
  [
    'shape:polite',
    /\b(?:please|pls|thanks|thank you|thx|could you|would you|when you get a chance|no rush)\b|请问|麻烦|谢谢|感谢|不急|辛苦/u,
  ],
  // The shop addressed as "you people".
  ['shape:you-people', /\b(?:you guys|your (?:app|site|company|service|team|checkout|website))\b|你们/u],
];

/** The shapes a message has, as features: `original` for capitals and emoji, `folded` (lower case, simplified) for the rest. */
export function shapesOf(original: string, folded: string): string[] {
  const found: string[] = [];
  for (const [feature, pattern] of SHAPES) if (pattern.test(folded) || pattern.test(original)) found.push(feature);
  return found;
}
