// Guesses the language a customer writes in (zh-CN, zh-TW or en), so replies in that language come first.
import { isHan, toSimplified } from './normalize.ts';

export type ConversationLanguage = 'zh-CN' | 'zh-TW' | 'en';

/**
 * Chinese when the message has Han characters (traditional when any of them changes under conversion to simplified),
 * English when it has Latin words and no Han; undefined when it has neither (an order number, an emoji).
 */
export function guessLanguage(text: string): ConversationLanguage | undefined {
  let han = '';
  for (const char of text) if (isHan(char)) han += char;
  if (han !== '') return toSimplified(han) === han ? 'zh-CN' : 'zh-TW';
  return /[A-Za-z]{2,}/.test(text) ? 'en' : undefined;
}
