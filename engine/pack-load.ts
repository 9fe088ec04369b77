// Reads a pack from text (JSON, YAML or CSV) and reports every problem with its place: file:line:column and field path.
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { coded, groupDigits, tooLargeParams, type PackProblemCode, type ProblemParams } from './errors.ts';
import { MAX_LISTED_PROBLEMS } from './limits.ts';
import { indexLines, type LineIndex } from './line-index.ts';
import { packNotices, validatePack } from './pack-schema.ts';
import type { Pack, PackProblem } from './types.ts';

/** 50 MB as people count them (and as the messages and docs/packs.md say), not 50 MiB. */
export const MAX_PACK_BYTES = 50_000_000;

export type PackFormat = 'json' | 'yaml' | 'csv';
/** A pack read, with notices (placed like problems) that do not stop it loading; or why it cannot be read. */
export type PackParse = { ok: true; pack: Pack; notices?: PackProblem[] } | { ok: false; problems: PackProblem[] };

/** Reads a CSV pack (pack-convert.ts's parseCsvPack); passed in so that a caller without CSV does not bundle papaparse. */
type CsvPackReader = (source: string, file: string) => PackParse;

/** Readers of the formats that not every caller carries: without `csv`, a CSV pack is refused as an unknown format. */
export interface PackReaders {
  csv?: CsvPackReader;
}

export function formatFromFileName(file: string): PackFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.csv')) return 'csv';
  return undefined;
}

/** "team.json:12:7 scenarios[3].replies[0].text: must not be empty" */
export function formatProblem(p: PackProblem): string {
  const place = p.line !== undefined ? `${p.file}:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : p.file;
  return `${place} ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** The line index of a text, built on first use: most packs are valid and never need one. */
export function lazyLineIndex(text: string): () => LineIndex {
  let index: LineIndex | undefined;
  return () => (index ??= indexLines(text));
}

/**
 * The problems to list: all of them up to MAX_LISTED_PROBLEMS, else that many and one last problem counting the rest.
 * Applied before places are looked up, so that a pack with 50 000 bad ids costs 200 lookups, not 50 000.
 */
function listProblems(problems: readonly PackProblem[], file: string): PackProblem[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return [...problems];
  const more = problems.length - MAX_LISTED_PROBLEMS;
  return [
    ...problems.slice(0, MAX_LISTED_PROBLEMS),
    { file, ...coded('moreProblems', { more: groupDigits(more), count: more }) },
  ];
}

/** How many problems a pack has, those counted in the last line of a long list included (and others listed beside them). */
export function problemTotal(
  problems: ReadonlyArray<Pick<PackProblem, 'file'> & Partial<Pick<PackProblem, 'code' | 'params'>>>,
): number {
  return problems.reduce((total, p) => total + (p.code === 'moreProblems' ? Number(p.params?.count ?? 0) : 1), 0);
}

interface JsonScan {
  /** Offset of the first syntax error, what was expected there (code and params), and its English text. */
  error?: { offset: number; message: string; code: PackProblemCode; params: ProblemParams };
  /** Field path → offset of its value, to give shape problems a line and column. */
  places: Map<string, number>;
}

/** A small JSON scanner: finds where the syntax breaks, and where every value starts. */
function scanJson(source: string, lines: () => LineIndex = lazyLineIndex(source)): JsonScan {
  const places = new Map<string, number>();
  let i = 0;
  const fail = (code: PackProblemCode, params: ProblemParams = {}): never => {
    throw { offset: Math.min(i, source.length), ...coded(code, params) };
  };
  const space = (): void => {
    while (i < source.length && /[ \t\n\r]/.test(source[i]!)) i++;
  };
  // "" is the end of the file, phrased in each language by fillPhrasing.
  const describe = (): string => (i >= source.length ? '' : `"${source[i]}"`);
  const string = (): string => {
    const start = i;
    i++;
    while (i < source.length) {
      const c = source[i]!;
      if (c === '"') {
        i++;
        return JSON.parse(source.slice(start, i)) as string;
      }
      if (c === '\\') {
        // Only JSON's escapes: JSON.parse would otherwise throw on the whole string without a place.
        if (!/^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(source.slice(i, i + 6))) fail('jsonInvalidEscape');
        i += 2;
      } else if (c === '\n') fail('jsonStringPastLine');
      else if (c.charCodeAt(0) < 0x20) fail('jsonControlChar');
      else i++;
    }
    return fail('jsonStringNotClosed');
  };
  const value = (path: string, level = 0): void => {
    space();
    // Bounded nesting keeps the scanner's recursion far from the stack limit on hostile input.
    if (level > 64) fail('jsonTooDeep', { limit: 64 });
    places.set(path, i);
    const c = source[i];
    if (c === '{') {
      i++;
      space();
      if (source[i] === '}') {
        i++;
        return;
      }
      // JSON.parse would keep the last of two equal keys silently; a pack with both is a mistake to show.
      const seen = new Map<string, number>();
      for (;;) {
        space();
        if (source[i] !== '"') fail('jsonExpectedFieldName', { found: describe() });
        const keyStart = i;
        const key = string();
        const first = seen.get(key);
        if (first !== undefined) {
          i = keyStart;
          fail('jsonDuplicateKey', { key, firstLine: lines().at(first).line });
        }
        seen.set(key, keyStart);
        space();
        if (source[i] !== ':') fail('jsonExpectedColon', { key, found: describe() });
        i++;
        value(path === '' ? key : `${path}.${key}`, level + 1);
        space();
        if (source[i] === ',') {
          i++;
          continue;
        }
        if (source[i] === '}') {
          i++;
          return;
        }
        fail('jsonExpectedCommaOrBrace', { found: describe() });
      }
    } else if (c === '[') {
      i++;
      space();
      if (source[i] === ']') {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        value(`${path}[${index}]`, level + 1);
        space();
        if (source[i] === ',') {
          i++;
          continue;
        }
        if (source[i] === ']') {
          i++;
          return;
        }
        fail('jsonExpectedCommaOrBracket', { found: describe() });
      }
    } else if (c === '"') {
      string();
    } else {
      const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(source.slice(i, i + 400));
      if (!literal) fail('jsonExpectedValue', { found: describe() });
      i += literal![0].length;
    }
  };
  try {
    value('');
    space();
    if (i < source.length) fail('jsonTrailing', { found: describe() });
  } catch (error) {
    if (error && typeof error === 'object' && 'offset' in error)
      return { error: error as JsonScan['error'] & object, places };
    throw error;
  }
  return { places };
}

function checkText(source: string, file: string): PackProblem | undefined {
  if (source.length > MAX_PACK_BYTES)
    return { file, ...coded('tooLarge', tooLargeParams(source.length, MAX_PACK_BYTES)) };
  if (source.includes('\u0000') || source.includes('\uFFFD')) return { file, ...coded('binary') };
  if (source.trim() === '') return { file, ...coded('empty') };
  return undefined;
}

function parseJsonPack(source: string, file: string): PackParse {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines = lazyLineIndex(text);
  const scan = scanJson(text, lines);
  if (scan.error) {
    const { offset, ...problem } = scan.error;
    return { ok: false, problems: [{ file, ...lines().at(offset), ...problem }] };
  }
  const result = validatePack(JSON.parse(text) as unknown, file);
  if (result.ok) return withNotices(result.pack, file, scan.places, lines, text);
  return { ok: false, problems: placeProblems(listProblems(result.problems, file), scan.places, lines, source) };
}

/** The pack with its notices (packNotices), each at the line and column of its place. */
function withNotices(
  pack: Pack,
  file: string,
  places: ReadonlyMap<string, number>,
  lines: () => LineIndex,
  source: string,
): PackParse {
  const notices = packNotices(pack, file);
  return notices.length === 0
    ? { ok: true, pack }
    : { ok: true, pack, notices: placeProblems(notices, places, lines, source) };
}

/** Gives each shape problem the line and column of its field, or of the nearest enclosing one that exists (a missing field has none). */
function placeProblems(
  problems: readonly PackProblem[],
  places: ReadonlyMap<string, number>,
  lines: () => LineIndex,
  source: string,
): PackProblem[] {
  return problems.map((p) => {
    // The count of problems not listed belongs to the file, not to a place in it.
    if (p.line !== undefined || p.code === 'moreProblems') return p;
    let path = p.path ?? '';
    while (path !== '' && !places.has(path)) {
      const parent = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      // A top-level key has no enclosing field: the pack object itself is the place.
      path = parent === path ? '' : parent;
    }
    const offset = places.get(path);
    if (offset === undefined) return p;
    // A problem inside a rule pattern names its character: point at that character of the quoted string itself.
    const at = p.params?.at;
    const inside = path === p.path && typeof at === 'number' ? offsetInQuotedString(source, offset, at) : undefined;
    return { ...p, ...lines().at(inside ?? offset) };
  });
}

/**
 * The source offset of character `charNumber` (1-based) of the quoted string that starts at `quoteOffset`, reading
 * JSON and YAML escapes as one character each; undefined when no quoted string starts there or it ends first.
 */
function offsetInQuotedString(source: string, quoteOffset: number, charNumber: number): number | undefined {
  const quote = source[quoteOffset];
  if (quote !== '"' && quote !== "'") return undefined;
  let i = quoteOffset + 1;
  for (let n = 1; n < charNumber; n++) {
    const char = source[i];
    if (char === undefined || char === quote || char === '\n') return undefined;
    if (char === '\\' && quote === '"') i += source[i + 1] === 'u' ? 6 : 2;
    else if (char === "'" && quote === "'" && source[i + 1] === "'") i += 2;
    else i += 1;
  }
  return i;
}

/** Field path → offset of its value in a YAML document, as scanJson gives for JSON. */
function yamlPlaces(root: YamlNode | null): Map<string, number> {
  const places = new Map<string, number>();
  const visit = (node: unknown, path: string, level: number): void => {
    if (level > 64 || node === null || typeof node !== 'object') return;
    const range = (node as { range?: [number, number, number] }).range;
    if (range) places.set(path, range[0]);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined) visit(pair.value, path === '' ? key : `${path}.${key}`, level + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, `${path}[${index}]`, level + 1));
    }
  };
  visit(root, '', 0);
  return places;
}

// The yaml package's error codes a team lead meets most, phrased apart; any other is a plain YAML syntax problem.
const YAML_CODES: Partial<Record<string, PackProblemCode>> = {
  DUPLICATE_KEY: 'yamlDuplicateKey',
  BAD_INDENT: 'yamlIndent',
  MISSING_CHAR: 'yamlMissingChar',
  TAB_AS_INDENT: 'yamlTab',
};

function parseYamlPack(source: string, file: string): PackParse {
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: listProblems(
        doc.errors.map((e) => {
          const pos = e.linePos?.[0];
          return {
            file,
            line: pos?.line,
            column: pos?.col,
            ...coded(YAML_CODES[e.code] ?? 'yamlSyntax', { detail: e.message.split('\n')[0]! }),
          };
        }),
        file,
      ),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // The yaml package refuses alias bombs and similar resource attacks by throwing: a problem to show, not a crash.
    return {
      ok: false,
      problems: [{ file, ...coded('yamlSyntax', { detail: (error as Error).message.split('\n')[0]! }) }],
    };
  }
  const result = validatePack(value, file);
  const places = yamlPlaces(doc.contents as YamlNode | null);
  if (result.ok) return withNotices(result.pack, file, places, lazyLineIndex(source), source);
  return {
    ok: false,
    problems: placeProblems(listProblems(result.problems, file), places, lazyLineIndex(source), source),
  };
}

/**
 * Parses and validates a pack. `format` defaults to the file name's extension, then JSON; CSV needs `readers.csv`.
 * A pack with more than MAX_LISTED_PROBLEMS problems lists that many, then one problem counting the rest.
 */
export function parsePack(
  source: string,
  file: string,
  format: PackFormat | undefined = formatFromFileName(file),
  readers: PackReaders = {},
): PackParse {
  const bad = checkText(source, file);
  if (bad) return { ok: false, problems: [bad] };
  if (format === 'yaml') return parseYamlPack(source, file);
  if (format === 'csv') {
    if (!readers.csv) return { ok: false, problems: [{ file, ...coded('unknownFormat', { file }) }] };
    const result = readers.csv(source, file);
    return result.ok ? result : { ok: false, problems: listProblems(result.problems, file) };
  }
  return parseJsonPack(source, file);
}
