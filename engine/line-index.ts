// Line and column of offsets in a text: one pass finds where each line starts, then each offset is a binary search.

export interface LineIndex {
  /** 1-based line and column (in UTF-16 units) of `offset`; a newline belongs to the line it ends. */
  at(offset: number): { line: number; column: number };
}

/** Indexes `text` once, so that placing thousands of problems costs a search each instead of a scan of the file each. */
export function indexLines(text: string): LineIndex {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return {
    at(offset) {
      const clamped = Math.min(offset, text.length);
      // The last line start at or before the offset.
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if (starts[middle]! <= clamped) low = middle;
        else high = middle - 1;
      }
      return { line: low + 1, column: offset - starts[low]! + 1 };
    },
  };
}
