// What the huashu command reads: pack and cases files (regular files only, at most 50 MB, read with a byte cap) and
// input lines for detect and lint (UTF-8 checked per line, long lines cut without holding their rest).
import { closeSync, constants, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { coded, tooLargeParams, MAX_PACK_BYTES } from '../engine/packs.ts';
import { CliError } from './cli-error.ts';
import { cliText, fileNoun, type CliText, type FileRole } from './messages.ts';

/**
 * Opens `file` for reading if it is a regular file. A pipe would make the command wait for a writer forever and a
 * device such as /dev/zero never ends, so both are refused before a byte is read; O_NONBLOCK keeps even the opening
 * of a pipe from waiting, and the check is made on what was opened, not on the name.
 */
export function openRegularFile(file: string, role: FileRole): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new CliError([unreadable(file, openFailure((error as NodeJS.ErrnoException).code, role))], 1);
  }
  const stat = fstatSync(fd);
  if (!stat.isFile()) {
    closeSync(fd);
    throw new CliError([unreadable(file, stat.isDirectory() ? folder(role) : notRegular(role))], 1);
  }
  return { fd, size: stat.size };
}

const unreadable = (file: string, reason: CliText): CliText => cliText('unreadable', { file, reason });
const folder = (role: FileRole): CliText => cliText('readFolder', { file: fileNoun(role) });
// Input can come through standard input instead; a pack or cases file is named, so it must be saved first.
const notRegular = (role: FileRole): CliText => cliText(role === 'input' ? 'readNotRegularInput' : 'readNotRegular');

function openFailure(code: string | undefined, role: FileRole): CliText {
  switch (code) {
    case 'ENOENT':
      return cliText('readMissing');
    case 'ELOOP':
      return cliText('readLoop', { file: fileNoun(role) });
    case 'EISDIR':
      return folder(role);
    case 'EACCES':
    case 'EPERM':
      return cliText('readDenied');
    case 'ENOTDIR':
      return cliText('readNotFolderOnPath');
    // A socket cannot be opened as a file at all.
    case 'ENXIO':
      return notRegular(role);
    default:
      return cliText('readOther', { code: code ?? 'unknown' });
  }
}

/**
 * The text of a pack or cases file, read up to MAX_PACK_BYTES and no further: the size the file claims is checked
 * first, and the reading stops at the limit too, for files whose size is not what they hold (growing files, /proc).
 * Bytes that are not UTF-8 become U+FFFD, which the pack checks report as binary data.
 */
export function readCappedText(file: string, role: FileRole): string {
  const { fd, size } = openRegularFile(file, role);
  try {
    const tooLarge = (bytes: number): CliError =>
      new CliError([{ file, ...coded('tooLarge', tooLargeParams(bytes, MAX_PACK_BYTES)) }], 1);
    if (size > MAX_PACK_BYTES) throw tooLarge(size);
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > MAX_PACK_BYTES) throw tooLarge(total);
      chunks.push(Buffer.from(chunk.subarray(0, read)));
    }
    // The byte order mark stays: the pack readers know it.
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat(chunks, total));
  } finally {
    closeSync(fd);
  }
}

/** One line of detect or lint input. */
export interface InputLine {
  /** 1-based, per input. */
  number: number;
  /** The line without its end, at most `keep` characters of it. */
  text: string;
  /** The whole line's length in characters (UTF-16 units), however much of it was kept. */
  length: number;
  /** The line's bytes are not UTF-8: `text` is empty and must not be read as the line. */
  notUtf8: boolean;
}

/**
 * Splits a byte stream into lines at "\n" (a "\r" before it is dropped), keeping at most `keep` characters of each:
 * the rest of a long line is decoded (to count it and to check it is UTF-8) and let go, so a 40 MB line costs no
 * more memory than a short one. Each line is decoded on its own, so an invalid byte is reported on its own line.
 */
export async function* inputLines(bytes: AsyncIterable<Buffer>, keep: number): AsyncGenerator<InputLine> {
  let number = 1;
  let decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let parts: string[] = [];
  let kept = 0;
  let length = 0;
  let notUtf8 = false;
  let started = false;
  let lastChar = '';

  const feed = (piece: Uint8Array, final: boolean): void => {
    started ||= piece.length > 0;
    if (notUtf8) return;
    let text: string;
    try {
      text = decoder.decode(piece, { stream: !final });
    } catch {
      notUtf8 = true;
      return;
    }
    if (text === '') return;
    length += text.length;
    lastChar = text[text.length - 1]!;
    if (kept < keep) {
      const part = text.slice(0, keep - kept);
      parts.push(part);
      kept += part.length;
    }
  };
  const finish = (): InputLine => {
    let text = notUtf8 ? '' : parts.join('');
    if (lastChar === '\r' && !notUtf8) {
      length--;
      if (text.length > length) text = text.slice(0, length);
    }
    // A byte order mark opens a file, not a message.
    if (number === 1 && text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1);
      length--;
    }
    const line: InputLine = { number, text, length, notUtf8 };
    number++;
    decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    parts = [];
    kept = 0;
    length = 0;
    notUtf8 = false;
    started = false;
    lastChar = '';
    return line;
  };

  for await (const chunk of bytes) {
    let from = 0;
    for (let end = chunk.indexOf(10, from); end !== -1; end = chunk.indexOf(10, from)) {
      feed(chunk.subarray(from, end), true);
      yield finish();
      from = end + 1;
    }
    feed(chunk.subarray(from), false);
  }
  // The last line counts without a final newline, as long as it holds something.
  feed(new Uint8Array(0), true);
  if (started) yield finish();
}

/** The bytes of one input of detect or lint: standard input for "-", else a regular file. */
export function inputBytes(file: string): AsyncIterable<Buffer> {
  if (file === '-') return process.stdin;
  const { fd } = openRegularFile(file, 'input');
  return createReadStream(file, { fd });
}
