// Messages not meant for the agent: the customer talking to someone at home, or typing in the wrong window. They need no scenario.

// A family member addressed first, then spoken to ("老公你把快递盒放哪了", "媽 妳有看到我的提款卡嗎", "mom did you see…").
const ADDRESSED_AT_HOME =
  /^(?:老公|老婆|媳妇|妈妈|妈|老妈|爸爸|爸|老爸|宝贝|宝宝|儿子|女儿|闺女|哥|姐|hubby|honey|babe|mom|mum|dad)[\s,，、~!！]*(?:你|妳|您|you\b|did you\b|have you\b|are you\b|do you\b|will you\b|could you\b|where\b|can you\b|把|有没有|有看到|帮我|快)/u;
// A message sent to the wrong window or typed by accident ("sorry meant to type that in the other tab", "cat walked on the
// keyboard", "发错窗口了"). A customer who says the agent misunderstood them is not here: they mean their words.
const MISDIRECTED =
  /(?:wrong|other) (?:tab|window|chat|convo|conversation|person)|meant (?:to|for) (?:type|send|someone|my)|(?:cat|kid|baby|dog) (?:walked|sat|stepped|typed|was typing) on|发错(?:窗口|人|群|地方)|打错(?:窗口|地方)|不是发给你的|不是跟你说的|猫踩(?:到)?键盘|孩子乱按/u;

// The customer stepping away to fetch or look something up ("brb grabbing the parcel slip", "one sec, pulling up the
// email", "hold on let me check the box", "I'll check and come back", "稍等 我翻下聊天记录"): nothing asked yet. Only
// when what follows the pause is the fetching itself: "hold on, you charged me twice" asks.
const PAUSE =
  /^(?:ok(?:ay)?[\s,]+)?(?:brb|be right back|one sec(?:ond)?|1 sec|a sec|hold on|hang on|give me a (?:sec|second|min|minute|moment)|gimme a (?:sec|min)|wait a (?:sec|min)|稍等(?:一下)?|等一下|等等|等我一下)(?=$|[\s,.!~，。！])/u;
// What follows the pause is the fetching itself, said briefly, about the customer's own things: "hold on, look at my order,
// you sent the wrong size" and "等一下 我查了物流 显示已签收" say what went wrong.
const FETCHING =
  /^[\s,.!~，。！]*(?:(?:let me|i'?ll|i'?m|im|gonna|going to|need to|have to|gotta)\s+)?(?:check(?:ing)?|find(?:ing)?|look(?:ing)? for|grab(?:bing)?|get(?:ting)?|pull(?:ing)? up|dig(?:ging)?(?: out| up)?|fetch(?:ing)?)\b(?![^?]*\byou)[^?]{0,40}$|^[\s,.!~，。！]*(?:我)?(?:去|先)?(?:找找|找一下|找下|拿一下|拿下|去拿|去找|翻一下|翻下|查一下|查下|问问|看看|看一下)(?![^?吗]*[了你])[^?吗]{0,20}$|^[\s,.!~，。！]*$/u;
const CHECKING_BACK =
  /^let me (?:check|find|look)\b(?![^?]*\byou)[^?]{0,50}$|^i'?ll (?:check|look|ask)\b[^?]{0,30}\b(?:come back|get back|let you know)\b[^?]{0,20}$/u;

// Saying whom one asks for, and nothing more yet ("帮我姐姐问的", "我朋友叫我来问的", "asking for my mum"): the question follows.
const ASKING_FOR_SOMEONE =
  /^(?:我是)?(?:帮|替|给)(?:我)?\p{Script=Han}{1,4}问的?[\s,.!~，。！]*$|^(?:我)?\p{Script=Han}{1,4}(?:叫|让)我来?问(?:的|一下)?[\s,.!~，。！]*$|^(?:i'?m )?asking for (?:a friend|my \w+)[\s,.!~]*$/u;

/** True when a normalized message (lower case, simplified) is meant for someone else or sent by mistake. */
export function isAside(normalized: string): boolean {
  const message = normalized.trim();
  const pause = PAUSE.exec(message);
  return (
    ADDRESSED_AT_HOME.test(message) ||
    MISDIRECTED.test(normalized) ||
    ASKING_FOR_SOMEONE.test(message) ||
    (pause !== null && FETCHING.test(message.slice(pause[0].length))) ||
    CHECKING_BACK.test(message)
  );
}
