// Every text a person can see when a pack is wrong: what is wrong, and what to do about it.

export const PACK_ERRORS = {
  empty: 'the file is empty: a pack is a JSON object with schemaVersion, id, name, version and locale',
  tooLarge: (bytes: number, limit: number) =>
    `the file is ${(bytes / 1e6).toFixed(1)} MB, over the ${(limit / 1e6).toFixed(0)} MB limit: split it into several packs`,
  binary: 'the file holds binary data or is not UTF-8 text: save it as UTF-8 JSON, YAML or CSV',
  jsonSyntax: (detail: string) => `JSON syntax: ${detail}`,
  yamlSyntax: (detail: string) => `YAML syntax: ${detail}`,
  notAnObject: 'a pack must be an object with schemaVersion, id, name, version and locale',
  unsupportedVersion: (found: unknown, supported: number) =>
    `unsupported schemaVersion ${JSON.stringify(found)}; this version of Huashu reads ${supported}: set "schemaVersion": ${supported}`,
  forbiddenKey: (key: string) => `the key "${key}" is not allowed in a pack (it could alter how objects behave): rename or remove it`,
  unknownKey: (key: string) => `unknown field "${key}": check its spelling against docs/packs.md`,
  tooDeep: (limit: number) => `nested more than ${limit} levels deep: a pack is at most a few levels deep`,
  tooManyPhrases: (count: number, limit: number) =>
    `${count} phrases (triggers, examples and patterns) in one pack, over the limit of ${limit}: split the pack`,
  duplicateId: (kind: string, id: string, firstPath: string) => `duplicate ${kind} id "${id}" (first at ${firstPath}): ids must be unique`,
  duplicatePattern: (pattern: string) => `the pattern "${pattern}" appears twice in this rule`,
  unknownVariable: (name: string, known: readonly string[]) =>
    `unknown variable {${name}}: use one of ${known.map((k) => `{${k}}`).join(', ')} or declare it under "variables"`,
  ruleNeedsPatterns: 'a rule needs "patterns" (phrases to find) or "sensitive" (kinds of personal data to find)',
  emptyPattern: 'a pattern is empty after normalization (only spaces or punctuation): remove it',
  unknownFormat: (file: string) => `cannot tell the format of ${file}: use a .json, .yaml, .yml or .csv file`,
} as const;
