// Reply variables ({customer}, {agentName}, {agentId}, {company} and pack-defined ones): found, checked and filled so no raw {name} is ever shown.
import type { VariableDefinition } from './types.ts';

// `{{` and `}}` stand for literal braces; a variable is `{name}` with a name as in code.
const TOKEN = /\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The variable names a text uses, each once, in order of first use. */
export function findVariables(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const name = m[1];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

// Punctuation and joiners that only make sense next to the value: dropped with an empty variable, so
// "{customer}，您好" reads "您好" and "Hi {customer}, thanks" reads "Hi, thanks".
// A label that only introduces the value goes with it too ("工号{agentId}" with no number reads as nothing).
const LEADING_JOINERS = /[\s,，、:：]*(?:工号|工號|编号|編號|no\.|#)?[\s,，、:：]*$/iu;
const TRAILING_JOINERS = /^[\s,，、:：]*/u;

// Words that only introduce a value ("我是{agentName}", "this is {agentName}"): a clause made of them and empty variables
// says nothing, so it goes whole — "您好，我是{agentName}，很高兴为您服务" reads "您好，很高兴为您服务".
const INTRODUCER = /(?:我是|我叫|这里是|這裡是|我這邊是|我这边是|\b(?:i am|i'm|this is|my name is|from)\b)/iu;
const CLAUSE = /[^，,。.!！?？;；\n]*(?:[，,。.!！?？;；\n]+|$)/gu;
const SENTENCE_END = /[。.!！?？]/u;

function isEmpty(
  name: string,
  values: Readonly<Record<string, string | undefined>>,
  definitions: Readonly<Record<string, VariableDefinition>>,
): boolean {
  const own = Object.prototype.hasOwnProperty.call(values, name) ? values[name]?.trim() : undefined;
  const definition = Object.prototype.hasOwnProperty.call(definitions, name) ? definitions[name] : undefined;
  return !(own || definition?.fallback);
}

/** Removes the clauses that only introduce variables that are all empty (see INTRODUCER). */
function dropEmptyIntroductions(
  text: string,
  values: Readonly<Record<string, string | undefined>>,
  definitions: Readonly<Record<string, VariableDefinition>>,
): string {
  let out = '';
  let capitalizeNext = false;
  for (const [found] of text.matchAll(CLAUSE)) {
    let clause = found;
    if (clause === '') continue;
    if (capitalizeNext) {
      // "Hello! I am {agentName}, how can I help?" reads "Hello! How can I help?".
      clause = clause.replace(/^(\s*)([a-z])/u, (_, space: string, letter: string) => space + letter.toUpperCase());
      capitalizeNext = false;
    }
    const names = findVariables(clause);
    const firstVariable = clause.search(/\{[A-Za-z_]/u);
    const introduced = firstVariable > 0 && INTRODUCER.test(clause.slice(0, firstVariable));
    if (names.length === 0 || !introduced || !names.every((name) => isEmpty(name, values, definitions))) {
      out += clause;
      continue;
    }
    // The clause goes; a sentence end it carried stays, in place of the comma that led into it.
    const end = /[。.!！?？]+\s*$/u.exec(clause)?.[0];
    if (end !== undefined && SENTENCE_END.test(end)) {
      const trimmed = out.replace(/[\s,，、;；:：]+$/u, '');
      out = trimmed === '' ? '' : trimmed + end;
    } else if (out.trim() === '' || /[。.!！?？]\s*$/u.test(out)) {
      capitalizeNext = true;
    }
  }
  return out;
}

/**
 * Fills the variables of `text`. A variable with a value gets it; without one, its definition's fallback; with neither,
 * it is removed together with the punctuation that only served it. Unknown names are removed the same way (packs are
 * validated so that this does not happen; the panel never shows a raw `{name}`).
 */
export function fillVariables(
  text: string,
  values: Readonly<Record<string, string | undefined>>,
  definitions: Readonly<Record<string, VariableDefinition>> = {},
): string {
  text = dropEmptyIntroductions(text, values, definitions);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const name = m[1];
    const before = text.slice(last, m.index);
    last = m.index + m[0].length;
    if (name === undefined) {
      out += before + m[0][0];
      continue;
    }
    const own = Object.prototype.hasOwnProperty.call(values, name) ? values[name]?.trim() : undefined;
    const definition = Object.prototype.hasOwnProperty.call(definitions, name) ? definitions[name] : undefined;
    const value = own || definition?.fallback || '';
    if (value !== '') {
      out += before + value;
      continue;
    }
    // "感谢您对{company}的支持" with no company reads "感谢您的支持".
    if (before.endsWith('对') && text.startsWith('的', last)) {
      out += before.slice(0, -1);
      continue;
    }
    // Empty: drop the joiners on the side where the sentence continues, keep the sentence's own start or end.
    const atStart = (out + before).trim() === '';
    if (atStart) {
      out += before;
      const rest = text.slice(last);
      last += (TRAILING_JOINERS.exec(rest)?.[0] ?? '').length;
    } else {
      out += before.replace(LEADING_JOINERS, '');
    }
  }
  return out + text.slice(last);
}
