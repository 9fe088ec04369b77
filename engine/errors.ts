// Every text a person can see when a pack is wrong: what is wrong, and what to do about it.
//
// Each problem has a stable code and its parameters (line, field, value…), and a phrasing per language as plain
// data: "{name}" stands for a parameter. The engine stays free of any idea of an interface language; it writes the
// English text into every problem (the command line and the tests read it), and whoever shows problems to a person
// in another language rephrases them from code + params (engine/problem-locale.ts holds zh-CN and zh-TW).

export const PACK_PROBLEMS_EN = {
  empty: 'the file is empty: a pack is a JSON object with schemaVersion, id, name, version and locale',
  tooLarge: 'the file is {size} MB, over the {limit} MB limit: split it into several packs',
  binary: 'the file holds binary data or is not UTF-8 text: save it as UTF-8 JSON, YAML or CSV',
  unknownFormat: 'cannot tell the format of {file}: use a .json, .yaml, .yml or .csv file',
  // The last line of a long list: {more} is the count of problems not listed, digits grouped ("49 800").
  moreProblems: '… and {more} more problems, not listed: fix the ones above and validate again',

  jsonInvalidEscape: 'JSON syntax: an invalid escape sequence in a string',
  jsonStringPastLine: 'JSON syntax: a string runs past the end of its line (missing closing quote?)',
  jsonControlChar: 'JSON syntax: a control character (such as a tab) inside a string: write it as \\t or remove it',
  jsonStringNotClosed: 'JSON syntax: a string is not closed (missing closing quote)',
  jsonTooDeep: 'JSON syntax: nested more than {limit} levels deep: a pack is at most a few levels deep',
  jsonExpectedFieldName: 'JSON syntax: expected a quoted field name, found {found}',
  jsonDuplicateKey:
    'JSON syntax: the field "{key}" appears twice in the same object (first at line {firstLine}): keep one',
  jsonExpectedColon: 'JSON syntax: expected ":" after "{key}", found {found}',
  jsonExpectedCommaOrBrace: 'JSON syntax: expected "," or "}", found {found}',
  jsonExpectedCommaOrBracket: 'JSON syntax: expected "," or "]", found {found}',
  jsonExpectedValue: 'JSON syntax: expected a value, found {found}',
  jsonTrailing: 'JSON syntax: unexpected {found} after the end of the pack',

  // The yaml package's own message is kept as {detail}; the code only says which kind of mistake it is.
  yamlSyntax: 'YAML syntax: {detail}',
  yamlDuplicateKey: 'YAML syntax: {detail}',
  yamlIndent: 'YAML syntax: {detail}',
  yamlMissingChar: 'YAML syntax: {detail}',
  yamlTab: 'YAML syntax: {detail}',

  // Likewise papaparse's message.
  csvSyntax: 'CSV: {detail}',
  csvMissingQuotes: 'CSV: {detail}',
  csvTooFewFields: 'CSV: {detail}',
  csvTooManyFields: 'CSV: {detail}',
  csvUnknownColumn: 'unknown column "{column}": the columns are {columns}',
  csvKind: 'kind "{value}" is not one of meta, scenario, stage, reply, rule',
  csvParent: 'reply "{id}" names parent "{parent}", which is no scenario or stage of this file',

  notAnObject: 'a pack must be an object with schemaVersion, id, name, version and locale',
  unsupportedVersion:
    'unsupported schemaVersion {found}; this version of Huashu reads {supported}: set "schemaVersion": {supported}',
  forbiddenKey: 'the key "{key}" is not allowed in a pack (it could alter how objects behave): rename or remove it',
  unknownKey: 'unknown field "{key}": check its spelling against docs/packs.md',
  tooDeep: 'nested more than {limit} levels deep: a pack is at most a few levels deep',
  tooManyPhrases:
    '{count} phrases (triggers, examples and patterns) in one pack, over the limit of {limit}: split the pack',
  required: 'is required',
  wrongType: 'expected {expected}, found {received}',
  textEmpty: 'must not be empty',
  textTooLong: 'longer than {limit} characters',
  tooManyItems: 'more than {limit} items',
  idFormat: 'ids use letters, digits, ".", "_" and "-", and start with a letter or digit',
  idTooLong: 'ids are at most {limit} characters',
  rewritePlaceholder: 'a rewrite may use only {options} (in braces)',
  fixedNotMatch: 'each draft named in "fixed" must be one of the rule\'s "match" drafts, written the same way',
  shortcutFormat: 'a shortcut is one word of at most 20 letters or digits (also ".", "_", "-"), e.g. "tks" or "退1"',
  duplicateShortcut: 'the shortcut "{shortcut}" is also the shortcut of {first}: give each reply its own',
  mergeValue: 'merge is "extend" or "replace"',
  category: 'category is one of {options}',
  severity: 'severity is one of {options}',
  audienceSite: 'a site is a host name such as support.example.com, or *.example.com for its subdomains',
  checklistKind: "a checklist item's kind is one of {options}",
  checklistWhen: '"when" is one of {options}',
  checklistPoints: 'points are a whole number from 0 to 100',
  checklistSeconds: '"seconds" is a whole number from 1 to 86400',
  checklistNeeds: 'a "{kind}" item needs "{field}"',
  sensitiveKind: 'sensitive kinds are {options}',
  localeFormat: 'locale is a language tag such as zh-CN, zh-TW or en',
  variableName: 'variable names use letters, digits and "_"',
  // A schema message no code above covers (valibot's own wording), kept as it came.
  schemaOther: '{detail}',
  duplicateId: 'duplicate {kind} id "{id}" (first at {first}): ids must be unique',
  duplicatePattern: 'the pattern "{pattern}" appears twice in this rule',
  unknownVariable: 'unknown variable {{name}}: use one of {known} or declare it under "variables"',
  // A notice, not an error: the pack loads, but the blank will go to the customer as it is.
  ellipsisBlank:
    'warning: "{blank}" marks something to fill; write a field instead, e.g. [[days]] or [[days:3]] (the agent gets it selected, and a draft that still holds it is not sent)',
  ruleNeedsPatterns: 'a rule needs "patterns" (phrases to find) or "sensitive" (kinds of personal data to find)',
  emptyPattern: 'a pattern is empty after normalization (only spaces or punctuation): remove it',
  patternTooLong: 'the pattern is {found} characters, over the limit of {limit}: split it into several patterns',
  patternUnclosedGroup: 'the "(" at character {at} is not closed: add ")", or write \\( for the bracket itself',
  patternUnopenedGroup:
    'the "{found}" at character {at} belongs to no group: write (a|b), or \\{found} for the character itself',
  patternEmptyAlternative: 'an empty alternative at character {at}: write (a|b), and (a)? for an optional part',
  patternTooManyAlternatives:
    'the group at character {at} has more than {limit} alternatives: use a word class <name> or split the pattern',
  patternTooDeep: 'groups nested more than {limit} deep at character {at}: write the pattern flatter or split it',
  patternBadGap:
    'the gap at character {at} is written {min,max} with min ≤ max, such as {0,8}; … alone means up to 6 characters',
  patternGapTooWide:
    'the gap at character {at} allows {found} characters, over the limit of {limit}: write a smaller gap',
  patternTooManyGaps: 'more than {limit} gaps in one pattern: split it into several patterns',
  patternGapAtEdge: 'the pattern starts or ends with a gap (character {at}): a gap stands between two phrases',
  patternUnclosedClass:
    'the word class at character {at} is written <name> with letters, digits, "_" or "-"; write \\< for the character itself',
  patternUnknownClass: 'unknown word class <{name}> at character {at}: define it under "classes" or use one of {known}',
  patternTooManyExpansions:
    'the pattern expands to more than {limit} phrasings: use a gap (…) instead of long alternatives, or split it',
  patternDanglingEscape:
    'the "\\" at the end of the pattern escapes nothing: remove it, or write \\\\ for the character itself',
  patternEmpty: 'the pattern is empty after normalization (only spaces, punctuation or optional parts): remove it',
  tooManyClasses: 'more than {limit} word classes in one pack: merge some of them',
  classTooLarge: 'the word class "{name}" has more than {limit} members: split it',
  classMember: 'a word class member is literal text of 1 to {limit} characters',
} as const;

export type PackProblemCode = keyof typeof PACK_PROBLEMS_EN;
export type ProblemParams = Readonly<Record<string, string | number>>;
export type ProblemCatalog = Record<PackProblemCode, string>;

/**
 * Words that stand inside a phrasing as a parameter: `kind` (scenario, stage, reply, rule) and `found` when it is
 * the end of the file (given as ""), so that they too follow the language. Any other parameter is data, kept as is.
 */
export interface ProblemTerms {
  endOfFile: string;
  kinds: Readonly<Record<string, string>>;
}

export const PACK_TERMS_EN: ProblemTerms = {
  endOfFile: 'end of file',
  kinds: { scenario: 'scenario', stage: 'stage', reply: 'reply', rule: 'rule' },
};

/** Fills "{name}" from params in one pass, so a value holding braces (a variable such as {customer}) stays as it is. */
export function fillPhrasing(template: string, params: ProblemParams, terms: ProblemTerms): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (name === 'found' && value === '') return terms.endOfFile;
    if (name === 'kind') return terms.kinds[String(value)] ?? String(value);
    return String(value);
  });
}

/** The English text of a problem, as it is written into PackProblem.message. */
export function englishProblem(code: PackProblemCode, params: ProblemParams = {}): string {
  return fillPhrasing(PACK_PROBLEMS_EN[code], params, PACK_TERMS_EN);
}

/** A problem's code, params and English message, ready to spread into a PackProblem with its file and place. */
export function coded(
  code: PackProblemCode,
  params: ProblemParams = {},
): { code: PackProblemCode; params: ProblemParams; message: string } {
  return { code, params, message: englishProblem(code, params) };
}

/** A count as people read it in every interface language: digits in groups of three, "49 800". */
export function groupDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** The byte counts of tooLarge as people read them: megabytes, one decimal for the file, none for the limit. */
export function tooLargeParams(bytes: number, limit: number): ProblemParams {
  return { size: (bytes / 1e6).toFixed(1), limit: (limit / 1e6).toFixed(0) };
}
