// Messages not meant for the agent: the customer talking to someone at home, or typing in the wrong window. They need no scenario.

// A family member addressed first, then spoken to ("老公你把快递盒放哪了", "媽 妳有看到我的提款卡嗎", "mom did you see…").
const ADDRESSED_AT_HOME =
  /^(?:老公|老婆|媳妇|妈妈|妈|老妈|爸爸|爸|老爸|宝贝|宝宝|儿子|女儿|闺女|哥|姐|hubby|honey|babe|mom|mum|dad)[\s,，、~!！]*(?:你|妳|您|you\b|did you\b|have you\b|are you\b|do you\b|will you\b|could you\b|where\b|can you\b|把|有没有|有看到|帮我|快)/u;
// A message sent to the wrong window or typed by accident ("sorry meant to type that in the other tab", "cat walked on the
// keyboard", "发错窗口了"). A customer who says the agent misunderstood them is not here: they mean their words.
const MISDIRECTED =
  /(?:wrong|other) (?:tab|window|chat|convo|conversation|person)|meant (?:to|for) (?:type|send|someone|my)|(?:cat|kid|baby|dog) (?:walked|sat|stepped|typed|was typing) on|发错(?:窗口|人|群|地方)|打错(?:窗口|地方)|不是发给你的|不是跟你说的|猫踩(?:到)?键盘|孩子乱按/u;

/** True when a normalized message (lower case, simplified) is meant for someone else or sent by mistake. */
export function isAside(normalized: string): boolean {
  return ADDRESSED_AT_HOME.test(normalized.trim()) || MISDIRECTED.test(normalized);
}
