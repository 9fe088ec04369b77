// Reads one exported file as a stream of messages: JSON Lines line by line, CSV through papaparse's stream, and a whole
// JSON document (an API response saved as it came) only up to a size cap. Bad lines are reported, never fatal.
import { closeSync, createReadStream, readSync } from 'node:fs';
import Papa from 'papaparse';
import { CliError } from '../cli-error.ts';
import { inputLines, openRegularFile } from '../input.ts';
import { decodeJsonValue, decodeLayout, documentItems, LAYOUT_FIELDS, type AuditMessage } from './formats.ts';
import type { AuditError, BadLineReason } from './messages.ts';

/** The longest line read: an export's line is one message or one ticket with its comments, far below this. */
const MAX_AUDIT_LINE_CHARS = 1_000_000;
/** A whole JSON document is parsed in memory, so it is read only up to this size; JSON Lines have no limit. */
const MAX_DOCUMENT_BYTES = 100_000_000;

export type ExportEvent =
  { kind: 'messages'; messages: AuditMessage[]; line: number } | { kind: 'bad'; line: number; reason: BadLineReason };

/** Thrown for what stops the whole command (exit 1), with its catalog code. */
export class AuditStop extends CliError {
  constructor(readonly error: AuditError) {
    super([error.code], 1);
  }
}

type Format = 'json' | 'csv' | 'empty';

/** JSON or CSV, by the file's first character that is not a byte order mark or white space. */
function sniffFormat(file: string): Format {
  const { fd } = openRegularFile(file, 'input');
  try {
    const head = Buffer.alloc(4096);
    const read = readSync(fd, head, 0, head.length, 0);
    const text = head
      .subarray(0, read)
      .toString('utf8')
      .replace(/^\ufeff/u, '');
    const first = /\S/u.exec(text)?.[0];
    if (first === undefined) return 'empty';
    return first === '{' || first === '[' ? 'json' : 'csv';
  } finally {
    closeSync(fd);
  }
}

/** Every message of one file, in order, with bad lines as events; `onBytes` hears how many bytes were read. */
export async function* readExport(file: string, onBytes: (bytes: number) => void): AsyncGenerator<ExportEvent> {
  const format = sniffFormat(file);
  if (format === 'csv') yield* readCsv(file, onBytes);
  else if (format === 'json') yield* readJson(file, onBytes);
}

function fileBytes(file: string, onBytes: (bytes: number) => void): AsyncIterable<Buffer> {
  const { fd } = openRegularFile(file, 'input');
  const stream = createReadStream(file, { fd, highWaterMark: 1 << 16 });
  stream.on('data', (chunk) => onBytes(chunk.length));
  return stream as AsyncIterable<Buffer>;
}

async function* readJson(file: string, onBytes: (bytes: number) => void): AsyncGenerator<ExportEvent> {
  for await (const line of inputLines(fileBytes(file, onBytes), MAX_AUDIT_LINE_CHARS + 1)) {
    if (line.notUtf8) {
      yield { kind: 'bad', line: line.number, reason: { code: 'notUtf8' } };
      continue;
    }
    if (line.length > MAX_AUDIT_LINE_CHARS) {
      yield { kind: 'bad', line: line.number, reason: { code: 'tooLong', params: { limit: MAX_AUDIT_LINE_CHARS } } };
      continue;
    }
    if (line.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch {
      // A first line that is not JSON on its own: the file is one document spread over lines (a saved API response).
      if (line.number === 1) {
        yield* readJsonDocument(file);
        return;
      }
      yield { kind: 'bad', line: line.number, reason: { code: 'notJson' } };
      continue;
    }
    const decoded = decodeJsonValue(value);
    yield decoded.ok
      ? { kind: 'messages', messages: decoded.messages, line: line.number }
      : { kind: 'bad', line: line.number, reason: decoded.reason };
  }
}

/** A whole JSON document; an item that is not a conversation is reported with the document's line 1 and skipped. */
function* readJsonDocument(file: string): Generator<ExportEvent> {
  const { fd, size } = openRegularFile(file, 'input');
  let text: string;
  try {
    if (size > MAX_DOCUMENT_BYTES)
      throw new AuditStop({ code: 'documentTooLarge', params: { file, limitMb: MAX_DOCUMENT_BYTES / 1e6 } });
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    text = bytes.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\ufeff/u, ''));
  } catch {
    throw new AuditStop({ code: 'documentNotJson', params: { file } });
  }
  const items = documentItems(document);
  if (items === undefined) throw new AuditStop({ code: 'unknownDocument', params: { file } });
  for (const item of items) {
    const decoded = decodeJsonValue(item);
    yield decoded.ok
      ? { kind: 'messages', messages: decoded.messages, line: 1 }
      : { kind: 'bad', line: 1, reason: decoded.reason };
  }
}

/**
 * CSV with a header row naming the layout's columns (any order, any case, other columns ignored), parsed as a stream.
 * A row's line is counted from the line ends inside its quoted fields, so bad rows are named by the line they start on.
 */
async function* readCsv(file: string, onBytes: (bytes: number) => void): AsyncGenerator<ExportEvent> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: false });
  const { fd } = openRegularFile(file, 'input');
  const source = createReadStream(file, { fd, encoding: 'utf8', highWaterMark: 1 << 16 });
  let lastBytes = 0;
  source.on('data', () => {
    onBytes(source.bytesRead - lastBytes);
    lastBytes = source.bytesRead;
  });
  source.on('error', (error) => parser.destroy(error));
  const rows = source.pipe(parser) as AsyncIterable<string[]>;
  let columns: Map<string, number> | undefined;
  let line = 1;
  for await (const row of rows) {
    const at = line;
    line += 1 + row.reduce((n, field) => n + countNewlines(field), 0);
    if (row.length === 1 && row[0]!.trim() === '') continue;
    if (columns === undefined) {
      columns = new Map(
        row.map((name, index) => [
          name
            .replace(/^\ufeff/u, '')
            .trim()
            .toLowerCase(),
          index,
        ]),
      );
      const missing = LAYOUT_FIELDS.find((field) => field !== 'agent' && !columns!.has(field));
      if (missing !== undefined) {
        source.destroy();
        throw new AuditStop({ code: 'csvHeader', params: { file, missing } });
      }
      continue;
    }
    if (row.length !== columns.size) {
      yield {
        kind: 'bad',
        line: at,
        reason: { code: 'csvRow', params: { message: `${row.length} fields, the header has ${columns.size}` } },
      };
      continue;
    }
    const record: Record<string, string> = {};
    for (const field of LAYOUT_FIELDS) {
      const index = columns.get(field);
      if (index !== undefined) record[field] = row[index]!;
    }
    const decoded = decodeLayout(record);
    yield decoded.ok
      ? { kind: 'messages', messages: decoded.messages, line: at }
      : { kind: 'bad', line: at, reason: decoded.reason };
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
