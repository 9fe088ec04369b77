// Reads a JSON-lines file of the build's own data: each non-blank line parsed, with where it stands for error messages.

/** One parsed line and `file:line`, for the caller's own checks to name. */
export interface JsonlLine {
  value: unknown;
  where: string;
}

/** The file's non-blank lines parsed; a line that is not JSON stops the build and names file and line. */
export function parseJsonlLines(file: string, text: string): JsonlLine[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), where: `${file}:${i + 1}` }))
    .filter(({ line }) => line !== '')
    .map(({ line, where }) => {
      try {
        return { value: JSON.parse(line) as unknown, where };
      } catch (error) {
        throw new Error(`${where}: not a JSON object (${(error as Error).message})`, { cause: error });
      }
    });
}
