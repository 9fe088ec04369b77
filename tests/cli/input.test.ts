// Input lines of detect and lint: split at "\n" whatever the chunks, checked for UTF-8 line by line, long lines cut.
import { describe, expect, it } from 'vitest';
import { inputLines, type InputLine } from '../../cli/input.ts';

async function linesOf(chunks: readonly (string | number[])[], keep = 100): Promise<InputLine[]> {
  async function* bytes(): AsyncGenerator<Buffer> {
    for (const chunk of chunks) yield typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
  }
  const lines: InputLine[] = [];
  for await (const line of inputLines(bytes(), keep)) lines.push(line);
  return lines;
}

describe('inputLines', () => {
  it('splits at newlines across chunks, drops "\\r" before them and keeps a last line without one', async () => {
    const lines = await linesOf(['ab', 'c\r\n\nd', 'e\r\nlast']);
    expect(lines.map((l) => [l.number, l.text, l.length])).toEqual([
      [1, 'abc', 3],
      [2, '', 0],
      [3, 'de', 2],
      [4, 'last', 4],
    ]);
    expect(await linesOf(['one\n'])).toHaveLength(1);
    expect(await linesOf([])).toEqual([]);
  });

  it('joins a character whose bytes are split between chunks, and drops a byte order mark on the first line only', async () => {
    const wo = [...Buffer.from('我')];
    const lines = await linesOf([
      [0xef, 0xbb, 0xbf, ...wo.slice(0, 1)],
      [...wo.slice(1), 0x0a, 0xef, 0xbb, 0xbf, 0x0a],
    ]);
    expect(lines.map((l) => l.text)).toEqual(['我', '\ufeff']);
    expect(lines.every((l) => !l.notUtf8)).toBe(true);
  });

  it('marks only the lines whose bytes are not UTF-8, a sequence cut by the end of its line included', async () => {
    const lines = await linesOf([[0x6f, 0x6b, 0x0a, 0xc3, 0x28, 0x0a, 0xe6, 0x88, 0x0a], 'fine']);
    expect(lines.map((l) => [l.number, l.notUtf8])).toEqual([
      [1, false],
      [2, true],
      [3, true],
      [4, false],
    ]);
    expect(lines[3]!.text).toBe('fine');
  });

  it('keeps the first characters of a long line and counts the whole of it', async () => {
    const lines = await linesOf(['x'.repeat(60), 'y'.repeat(60), '\r\nshort'], 100);
    expect(lines[0]!.text).toBe('x'.repeat(60) + 'y'.repeat(40));
    expect(lines[0]!.length).toBe(120);
    expect(lines[1]!.text).toBe('short');
  });
});
