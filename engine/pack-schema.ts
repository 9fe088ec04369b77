// The pack format's schema (valibot) and the checks a schema cannot express: unique ids, known variables, safe keys, limits.
// Patterns are literal text or the pattern language (rule-pattern.ts), never regular expressions: nothing in a pack is
// ever evaluated, only compared and shown.
import * as v from 'valibot';
import { coded, PACK_PROBLEMS_EN, type PackProblemCode, type ProblemParams } from './errors.ts';
import { normalizeForMatch } from './normalize.ts';
import {
  BUILTIN_VARIABLES,
  CHECKLIST_KINDS,
  CHECKLIST_WHEN,
  EMOTIONS,
  PACK_SCHEMA_VERSION,
  READABLE_SCHEMA_VERSIONS,
  SENSITIVE_KINDS,
  SEVERITIES,
  WARNING_CATEGORIES,
  type Pack,
  type PackProblem,
  type Reply,
} from './types.ts';
import { findEllipsisBlank } from './fields.ts';
import { findVariables } from './variables.ts';
import { parsePattern, PATTERN_LIMITS, type PatternError } from './rule-pattern.ts';
import { STANDARD_CLASSES } from './word-classes.ts';

const PACK_LIMITS = {
  stringLength: 10_000,
  arrayLength: 50_000,
  phrases: 100_000,
  depth: 32,
} as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * The lists whose items the matchers index or the classifiers learn from, counted together against
 * PACK_LIMITS.phrases (draftExamples.flawed lists are named by their category).
 */
const PHRASE_LISTS = new Set<string>([
  'triggers',
  'phrases',
  'examples',
  'counterExamples',
  'noScenarioExamples',
  'patterns',
  'clean',
  ...WARNING_CATEGORIES,
  ...EMOTIONS,
]);

// The schema's messages are problem codes; SCHEMA_PARAMS gives the values their phrasings name.
const SCHEMA_PARAMS: Partial<Record<PackProblemCode, ProblemParams>> = {
  textTooLong: { limit: PACK_LIMITS.stringLength },
  tooManyItems: { limit: PACK_LIMITS.arrayLength },
  tooManyClasses: { limit: PATTERN_LIMITS.classes },
  classMember: { limit: PATTERN_LIMITS.memberLength },
  classTooLarge: { limit: PATTERN_LIMITS.classMembers, name: '' },
  patternUnclosedClass: { at: 1 },
  idTooLong: { limit: 200 },
  rewritePlaceholder: { options: '{before}, {after}, {you}' },
  category: { options: WARNING_CATEGORIES.join(', ') },
  severity: { options: SEVERITIES.join(', ') },
  sensitiveKind: { options: SENSITIVE_KINDS.join(', ') },
  checklistKind: { options: CHECKLIST_KINDS.join(', ') },
  checklistWhen: { options: CHECKLIST_WHEN.join(', ') },
};
const code = (name: PackProblemCode): PackProblemCode => name;

const text = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, code('textEmpty')),
  v.maxLength(PACK_LIMITS.stringLength, code('textTooLong')),
);
const id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9._-]*$/i, code('idFormat')),
  v.maxLength(200, code('idTooLong')),
);
const texts = v.pipe(v.array(text), v.maxLength(PACK_LIMITS.arrayLength, code('tooManyItems')));
const merge = v.optional(v.picklist(['extend', 'replace'], code('mergeValue')));

// Whom a pack, scenario or reply is for: levels and teams are the names a team uses; sites are host names.
const AudienceSchema = v.strictObject({
  levels: v.optional(texts),
  teams: v.optional(texts),
  sites: v.optional(
    v.array(
      v.pipe(
        v.string(),
        v.trim(),
        v.regex(/^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?$/iu, code('audienceSite')),
      ),
    ),
  ),
});

// A reply's shortcut is one word the picker's query can hold: letters and digits, then also ".", "_" and "-".
const shortcut = v.pipe(
  v.string(),
  v.regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, code('shortcutFormat')),
  v.maxLength(20, code('shortcutFormat')),
);
const ReplySchema = v.strictObject({
  id,
  text,
  title: v.optional(text),
  shortcut: v.optional(shortcut),
  audience: v.optional(AudienceSchema),
});
const replies = v.pipe(v.array(ReplySchema), v.maxLength(PACK_LIMITS.arrayLength, code('tooManyItems')));

const ScenarioSchema = v.strictObject({
  id,
  title: text,
  triggers: v.optional(texts),
  examples: v.optional(texts),
  counterExamples: v.optional(texts),
  replies: v.optional(replies),
  tips: v.optional(texts),
  merge,
  audience: v.optional(AudienceSchema),
});

const StageSchema = v.strictObject({
  id,
  title: text,
  replies,
  triggers: v.optional(texts),
  tips: v.optional(texts),
  merge,
});

const category = v.picklist(WARNING_CATEGORIES, code('category'));

// A rewrite is data: only the three placeholders the fix fills, any other brace is a typo the lead should see.
const rewriteText = v.pipe(
  v.string(),
  v.check((s) => !/\{(?!(?:before|after|you)\})[^}]*\}/.test(s), code('rewritePlaceholder')),
);

const RuleSchema = v.strictObject({
  id,
  category,
  severity: v.picklist(SEVERITIES, code('severity')),
  patterns: v.optional(texts),
  exceptions: v.optional(texts),
  sensitive: v.optional(v.array(v.picklist(SENSITIVE_KINDS, code('sensitiveKind')))),
  message: text,
  suggestion: v.optional(v.string()),
  rewrite: v.optional(rewriteText),
  rewriteTraditional: v.optional(rewriteText),
  examples: v.optional(
    v.pipe(
      v.strictObject({
        match: v.optional(texts),
        noMatch: v.optional(texts),
        fixed: v.optional(v.record(text, text)),
      }),
      // A fixed draft belongs to a match draft; a key that names none is a typo the lead should see.
      v.check(
        (e) => Object.keys(e.fixed ?? {}).every((draft) => (e.match ?? []).includes(draft)),
        code('fixedNotMatch'),
      ),
    ),
  ),
  disabled: v.optional(v.boolean()),
});

const points = v.pipe(
  v.number(),
  v.integer(code('checklistPoints')),
  v.minValue(0, code('checklistPoints')),
  v.maxValue(100, code('checklistPoints')),
);

// One flat object an item, so a team lead writes it as one line of YAML; what each kind needs is checked with the ids.
const ChecklistItemSchema = v.strictObject({
  id,
  title: text,
  deduction: points,
  kind: v.picklist(CHECKLIST_KINDS, code('checklistKind')),
  when: v.optional(v.picklist(CHECKLIST_WHEN, code('checklistWhen'))),
  phrases: v.optional(texts),
  scenarios: v.optional(v.array(id)),
  severity: v.optional(v.picklist(SEVERITIES, code('severity'))),
  seconds: v.optional(
    v.pipe(
      v.number(),
      v.integer(code('checklistSeconds')),
      v.minValue(1, code('checklistSeconds')),
      v.maxValue(86_400, code('checklistSeconds')),
    ),
  ),
  disabled: v.optional(v.boolean()),
});

const ChecklistSchema = v.strictObject({
  passScore: v.optional(points),
  items: v.pipe(v.array(ChecklistItemSchema), v.maxLength(PACK_LIMITS.arrayLength, code('tooManyItems'))),
});

const DraftExamplesSchema = v.strictObject({
  flawed: v.optional(v.record(category, texts)),
  clean: v.optional(texts),
  notes: v.optional(v.record(category, text)),
});

const EmotionExamplesSchema = v.strictObject({
  calm: v.optional(texts),
  anxious: v.optional(texts),
  angry: v.optional(texts),
});

const PackSchema = v.strictObject({
  schemaVersion: v.picklist(READABLE_SCHEMA_VERSIONS),
  id,
  name: text,
  version: text,
  locale: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, code('localeFormat'))),
  description: v.optional(v.string()),
  variables: v.optional(
    v.record(
      v.pipe(v.string(), v.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, code('variableName'))),
      v.strictObject({ label: text, fallback: v.optional(v.string()) }),
    ),
  ),
  classes: v.optional(
    v.pipe(
      v.record(
        v.pipe(v.string(), v.regex(/^[\p{L}\p{N}_-]{1,40}$/u, code('patternUnclosedClass'))),
        v.pipe(
          v.array(
            v.pipe(
              v.string(),
              v.trim(),
              v.minLength(1, code('classMember')),
              v.maxLength(PATTERN_LIMITS.memberLength, code('classMember')),
            ),
          ),
          v.maxLength(PATTERN_LIMITS.classMembers, code('classTooLarge')),
        ),
      ),
      v.check((record) => Object.keys(record).length <= PATTERN_LIMITS.classes, code('tooManyClasses')),
    ),
  ),
  scenarios: v.optional(v.pipe(v.array(ScenarioSchema), v.maxLength(PACK_LIMITS.arrayLength, code('tooManyItems')))),
  noScenarioExamples: v.optional(texts),
  draftExamples: v.optional(DraftExamplesSchema),
  emotionExamples: v.optional(EmotionExamplesSchema),
  stages: v.optional(v.pipe(v.array(StageSchema), v.maxLength(PACK_LIMITS.arrayLength, code('tooManyItems')))),
  rules: v.optional(v.pipe(v.array(RuleSchema), v.maxLength(PACK_LIMITS.arrayLength, code('tooManyItems')))),
  checklist: v.optional(ChecklistSchema),
  audience: v.optional(AudienceSchema),
});

/** Path segments → "scenarios[3].replies[0].text". */
function formatPath(segments: ReadonlyArray<string | number>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** Unsafe keys and limits, checked on the raw value before the schema sees it. */
function checkRaw(value: unknown, file: string): PackProblem[] {
  const problems: PackProblem[] = [];
  let phrases = 0;
  const walk = (node: unknown, path: Array<string | number>, depth: number): void => {
    if (depth > PACK_LIMITS.depth) {
      problems.push({ file, path: formatPath(path), ...coded('tooDeep', { limit: PACK_LIMITS.depth }) });
      return;
    }
    if (Array.isArray(node)) {
      const key = path[path.length - 1];
      if (typeof key === 'string' && PHRASE_LISTS.has(key)) phrases += node.length;
      node.forEach((item, i) => walk(item, [...path, i], depth + 1));
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ file, path: formatPath([...path, key]), ...coded('forbiddenKey', { key }) });
          continue;
        }
        walk((node as Record<string, unknown>)[key], [...path, key], depth + 1);
      }
    }
  };
  walk(value, [], 0);
  if (phrases > PACK_LIMITS.phrases)
    problems.push({ file, ...coded('tooManyPhrases', { count: phrases, limit: PACK_LIMITS.phrases }) });
  return problems;
}

function issuePath(issue: v.BaseIssue<unknown>): Array<string | number> {
  return (issue.path ?? []).map((item) => {
    const key = (item as { key: unknown }).key;
    return typeof key === 'number' ? key : String(key);
  });
}

function issueProblem(issue: v.BaseIssue<unknown>): ReturnType<typeof coded> {
  if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.input !== undefined) {
    const segments = issuePath(issue);
    const key = segments[segments.length - 1];
    if (typeof key === 'string') return coded('unknownKey', { key });
  }
  if (issuePath(issue).join('') === 'schemaVersion' && issue.input !== undefined) {
    return coded('unsupportedVersion', { found: String(JSON.stringify(issue.input)), supported: PACK_SCHEMA_VERSION });
  }
  if (issue.input === undefined && issue.kind === 'schema') return coded('required');
  if (issue.kind === 'schema' && /^Invalid type/.test(issue.message)) {
    return coded('wrongType', { expected: String(issue.expected), received: issue.received });
  }
  if (Object.hasOwn(PACK_PROBLEMS_EN, issue.message)) {
    const name = issue.message as PackProblemCode;
    return coded(name, SCHEMA_PARAMS[name]);
  }
  return coded('schemaOther', { detail: issue.message });
}

/** Duplicate ids, duplicate or empty patterns, unknown variables: what needs the whole pack to see. */
function checkPack(pack: Pack, file: string): PackProblem[] {
  const problems: PackProblem[] = [];
  const seen = new Map<string, string>();
  const unique = (kind: string, idValue: string, path: string): void => {
    const key = `${kind}:${idValue}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ file, path, ...coded('duplicateId', { kind, id: idValue, first }) });
    else seen.set(key, path);
  };
  const known = [...BUILTIN_VARIABLES, ...Object.keys(pack.variables ?? {})];
  const classes = { ...STANDARD_CLASSES, ...pack.classes };
  const shortcuts = new Map<string, string>();
  const checkReplies = (owner: string, list: readonly Reply[] | undefined): void => {
    (list ?? []).forEach((reply, i) => {
      const path = `${owner}.replies[${i}]`;
      unique('reply', reply.id, `${path}.id`);
      if (reply.shortcut !== undefined) {
        // One reply under two scopes keeps its shortcut: only another reply id taking it is a clash.
        const folded = reply.shortcut.normalize('NFKC').toLowerCase();
        const first = shortcuts.get(folded);
        if (first === undefined) shortcuts.set(folded, `${path}.shortcut|${reply.id}`);
        else if (first.split('|')[1] !== reply.id)
          problems.push({
            file,
            path: `${path}.shortcut`,
            ...coded('duplicateShortcut', { shortcut: reply.shortcut, first: first.split('|')[0]! }),
          });
      }
      for (const name of findVariables(reply.text)) {
        if (!known.includes(name))
          problems.push({
            file,
            path: `${path}.text`,
            ...coded('unknownVariable', { name, known: known.map((k) => `{${k}}`).join(', ') }),
          });
      }
    });
  };
  (pack.scenarios ?? []).forEach((s, i) => {
    unique('scenario', s.id, `scenarios[${i}].id`);
    checkReplies(`scenarios[${i}]`, s.replies);
  });
  (pack.stages ?? []).forEach((s, i) => {
    unique('stage', s.id, `stages[${i}].id`);
    checkReplies(`stages[${i}]`, s.replies);
  });
  (pack.rules ?? []).forEach((rule, i) => {
    unique('rule', rule.id, `rules[${i}].id`);
    const builtIn = (rule.sensitive ?? []).length > 0 || rule.category === 'unfilled_field';
    if ((rule.patterns ?? []).length === 0 && !builtIn && !rule.disabled) {
      problems.push({ file, path: `rules[${i}]`, ...coded('ruleNeedsPatterns') });
    }
    const patterns = new Set<string>();
    (rule.patterns ?? []).forEach((pattern, j) => {
      const path = `rules[${i}].patterns[${j}]`;
      const normalized = normalizeForMatch(pattern).trim();
      if (normalized === '') problems.push({ file, path, ...coded('emptyPattern') });
      else if (patterns.has(normalized)) problems.push({ file, path, ...coded('duplicatePattern', { pattern }) });
      patterns.add(normalized);
      if (pack.schemaVersion === 1 || normalized === '') return;
      const parsed = parsePattern(pattern, classes);
      if (!parsed.ok) problems.push({ file, path, ...patternProblem(parsed.error, classes) });
    });
  });
  (pack.checklist?.items ?? []).forEach((item, i) => {
    const path = `checklist.items[${i}]`;
    unique('checklist item', item.id, `${path}.id`);
    if (item.disabled) return;
    const needs = (field: string, present: boolean): void => {
      if (!present)
        problems.push({ file, path: `${path}.${field}`, ...coded('checklistNeeds', { kind: item.kind, field }) });
    };
    if (item.kind === 'said') needs('when', item.when !== undefined);
    if (item.kind === 'said' || item.kind === 'answered') needs('phrases', (item.phrases ?? []).length > 0);
    if (item.kind === 'answered') needs('scenarios', (item.scenarios ?? []).length > 0);
    if (item.kind === 'noFinding') needs('severity', item.severity !== undefined);
    if (item.kind === 'firstReplyWithin' || item.kind === 'replyWithin') needs('seconds', item.seconds !== undefined);
    (item.phrases ?? []).forEach((phrase, j) => {
      if (pack.schemaVersion === 1 || normalizeForMatch(phrase).trim() === '') return;
      const parsed = parsePattern(phrase, classes);
      if (!parsed.ok) problems.push({ file, path: `${path}.phrases[${j}]`, ...patternProblem(parsed.error, classes) });
    });
  });
  return problems;
}

/** A pattern's syntax problem as a pack problem: the place inside the pattern is given as a character number. */
function patternProblem(
  error: PatternError,
  classes: Readonly<Record<string, readonly string[]>>,
): ReturnType<typeof coded> {
  const params: Record<string, string | number> = { ...error.params, at: error.offset + 1 };
  if (error.code === 'patternUnknownClass')
    params.known = Object.keys(classes)
      .map((name) => `<${name}>`)
      .join(', ');
  return coded(error.code, params);
}

/**
 * What a valid pack may still get wrong, as notices that do not stop it loading: a reply that marks a blank with an
 * ellipsis instead of a field ([[name]]), which would reach the customer as it is.
 */
export function packNotices(pack: Pack, file: string): PackProblem[] {
  const notices: PackProblem[] = [];
  const visit = (owner: string, list: readonly Reply[] | undefined): void => {
    (list ?? []).forEach((reply, i) => {
      const blank = findEllipsisBlank(reply.text);
      if (!blank) return;
      const path = `${owner}.replies[${i}].text`;
      notices.push({ file, path, ...coded('ellipsisBlank', { blank: blank.blank, at: blank.index + 1 }) });
    });
  };
  (pack.scenarios ?? []).forEach((s, i) => visit(`scenarios[${i}]`, s.replies));
  (pack.stages ?? []).forEach((s, i) => visit(`stages[${i}]`, s.replies));
  return notices;
}

export type PackValidation = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

/** Validates a parsed value as a pack and reports every problem with its field path. */
export function validatePack(value: unknown, file: string): PackValidation {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problems: [{ file, ...coded('notAnObject') }] };
  }
  const raw = checkRaw(value, file);
  if (raw.length > 0) return { ok: false, problems: raw };
  const result = v.safeParse(PackSchema, value, { abortEarly: false });
  if (!result.success) {
    return {
      ok: false,
      problems: result.issues.map((issue) => ({ file, path: formatPath(issuePath(issue)), ...issueProblem(issue) })),
    };
  }
  const pack = result.output as Pack;
  const semantic = checkPack(pack, file);
  return semantic.length > 0 ? { ok: false, problems: semantic } : { ok: true, pack };
}
