// What customers say of themselves or their own question ("is that a stupid question", "我是不是傻"): no insult to anyone.
import { cueLists, cueListsGeneration } from './cue-lists.ts';
import { normalizeForMatch, normalizeText, originalSpan } from './normalize.ts';

/**
 * The phrases of a list, folded as messages are: on first use, after the tables and cue lists are installed (the
 * content script reads both from storage), and again whenever other cue lists are installed.
 */
function foldedPhrases(list: () => readonly string[]): () => readonly string[] {
  let folded: { phrases: string[]; generation: number } | undefined;
  return () => {
    const generation = cueListsGeneration();
    if (folded?.generation !== generation)
      folded = { phrases: list().map((phrase) => normalizeForMatch(phrase)), generation };
    return folded.phrases;
  };
}

const aboutThemselves = foldedPhrases(() => cueLists().negation.aboutThemselves);

/**
 * The message with what the customer says of themselves blanked (same length), so neither the scenario nor the mood
 * reads it as an insult.
 */
export function withoutSelfDeprecation(message: string, folded = normalizeForMatch(message)): string {
  return blanked(message, aboutThemselves(), folded);
}

// What customers say of their mood to set the tone ("not angry at all just asking", "不是要投诉"): it names no need.
const moodDisclaimers = foldedPhrases(() => cueLists().negation.moodDisclaimers);

/** The message with what the customer says of their own mood blanked (same length): what scenario readers read. */
export function withoutMoodDisclaimers(message: string, folded = normalizeForMatch(message)): string {
  return blanked(message, moodDisclaimers(), folded);
}

/** The message with every occurrence of the normalized phrases blanked in the original (same length). */
function blanked(message: string, phrases: readonly string[], folded: string): string {
  // Most messages hold none of the phrases: the folded text says so, and the message is kept as it is.
  if (!phrases.some((phrase) => folded.includes(phrase))) return message;
  const normalized = normalizeText(message);
  let out = message;
  for (const phrase of phrases) {
    for (let at = normalized.text.indexOf(phrase); at >= 0; at = normalized.text.indexOf(phrase, at + phrase.length)) {
      const { start, end } = originalSpan(normalized, at, at + phrase.length);
      out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
    }
  }
  return out;
}
