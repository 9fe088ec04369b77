// Line and column of offsets from one index of line starts: the same answers as counting newlines from the start.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/line-index.ts';

/** The plain way: count newlines from the start of the text up to the offset. */
function countFromStart(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

describe('indexLines', () => {
  it('gives 1-based lines and columns, a newline belonging to the line it ends', () => {
    const index = indexLines('ab\ncd\r\n\nefg');
    expect(index.at(0)).toEqual({ line: 1, column: 1 });
    expect(index.at(2)).toEqual({ line: 1, column: 3 });
    expect(index.at(3)).toEqual({ line: 2, column: 1 });
    expect(index.at(7)).toEqual({ line: 3, column: 1 });
    expect(index.at(8)).toEqual({ line: 4, column: 1 });
    expect(index.at(11)).toEqual({ line: 4, column: 4 });
    expect(indexLines('').at(0)).toEqual({ line: 1, column: 1 });
  });

  it('agrees with counting from the start for every offset of arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', '语', ' ') }), (text) => {
        const index = indexLines(text);
        for (let offset = 0; offset <= text.length; offset++)
          expect(index.at(offset)).toEqual(countFromStart(text, offset));
      }),
    );
  });
});
