// What customers say of themselves or their own question ("is that a stupid question", "我是不是傻"): no insult to anyone.
import negationCues from '../data/cues/negation.json' with { type: 'json' };
import { normalizeForMatch, normalizeText, originalSpan } from './normalize.ts';

const ABOUT_THEMSELVES = negationCues.aboutThemselves.map((phrase) => normalizeForMatch(phrase));
// Every phrase above holds one of these: most messages hold none, and are read no further.
const MAY_HOLD = /question|stupid|dumb|idiot|silly|笨|蠢|傻|白痴|白癡/iu;

/**
 * The message with what the customer says of themselves blanked (same length), so neither the scenario nor the mood
 * reads it as an insult.
 */
export function withoutSelfDeprecation(message: string): string {
  if (!MAY_HOLD.test(message)) return message;
  const normalized = normalizeText(message);
  let out = message;
  for (const phrase of ABOUT_THEMSELVES) {
    for (let at = normalized.text.indexOf(phrase); at >= 0; at = normalized.text.indexOf(phrase, at + phrase.length)) {
      const { start, end } = originalSpan(normalized, at, at + phrase.length);
      out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
    }
  }
  return out;
}
