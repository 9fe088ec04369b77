// Folds a labelled draft corpus (data/src/<locale>/draft-corpus.jsonl) into a pack's draft examples for the draft reader.
import { existsSync, readFileSync } from 'node:fs';
import type { DraftExamples, WarningCategory } from '../engine/types.ts';
import { parseJsonlLines } from './jsonl.ts';

/** One corpus line: a whole draft, its categories, and for each the clause that commits it (an exact substring). */
interface CorpusDraft {
  text: string;
  expect: WarningCategory[];
  spans?: { category: WarningCategory; text: string }[];
}

// The draft reader reads one sentence at a time and a short draft whole (engine/lint-learned.ts): it learns from both.
const SENTENCE = /[^。！？!?\n~～…]+[。！？!?\n~～…]*|[^.]+(?:\.\s+|\.$|$)/gu;
const WHOLE_DRAFT_CHARS = 120;

function sentencesOf(text: string): string[] {
  return [...text.matchAll(SENTENCE)].map((m) => m[0].trim()).filter((s) => s !== '');
}

/**
 * Reads a corpus file; a line that is no object with a "text" and an "expect" list, or whose spans do not lie in its
 * text, stops the build and names the line.
 */
export function readDraftCorpus(file: string): CorpusDraft[] {
  if (!existsSync(file)) return [];
  return parseJsonlLines(file, readFileSync(file, 'utf8')).map(({ value, where }) => {
    const draft = value as Partial<CorpusDraft> | null;
    if (typeof draft !== 'object' || draft === null || Array.isArray(draft))
      throw new Error(`${where}: each line must be one JSON object with a "text" and an "expect" list`);
    if (typeof draft.text !== 'string' || draft.text.trim() === '') throw new Error(`${where}: a draft needs a "text"`);
    if (!Array.isArray(draft.expect))
      throw new Error(`${where}: "expect" must list the draft's categories ([] for a clean draft)`);
    for (const span of draft.spans ?? []) {
      if (!draft.text.includes(span.text)) throw new Error(`${where}: span "${span.text}" is not in its text`);
    }
    return draft as CorpusDraft;
  });
}

/**
 * The pack's draft examples with the corpus added: each span as a flawed example of its category, a short flawed draft
 * whole as one of each of its categories, the sentences of a flawed draft that hold no span as clean, and clean drafts
 * as clean.
 */
export function withDraftCorpus(examples: DraftExamples | undefined, corpus: readonly CorpusDraft[]): DraftExamples {
  const flawed: Partial<Record<WarningCategory, string[]>> = {};
  for (const [category, texts] of Object.entries(examples?.flawed ?? {}))
    flawed[category as WarningCategory] = [...texts];
  const clean = [...(examples?.clean ?? [])];
  const addFlawed = (category: WarningCategory, text: string): void => {
    const list = (flawed[category] ??= []);
    if (!list.includes(text)) list.push(text);
  };
  for (const draft of corpus) {
    if (draft.expect.length === 0) {
      clean.push(draft.text);
      continue;
    }
    const spans = draft.spans ?? [];
    for (const span of spans) addFlawed(span.category, span.text);
    if (draft.text.length <= WHOLE_DRAFT_CHARS) for (const category of draft.expect) addFlawed(category, draft.text);
    for (const sentence of sentencesOf(draft.text)) {
      if (!spans.some((span) => sentence.includes(span.text) || span.text.includes(sentence))) clean.push(sentence);
    }
  }
  return { ...examples, flawed, clean: [...new Set(clean)] };
}
