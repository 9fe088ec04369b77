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
