// A pack file as the command reads it: with its limits, in any of the three formats; an invalid one stops the command with its problems.
import { parseCsvPack, parsePack, problemTotal, type PackParse } from '../engine/packs.ts';
import type { Pack } from '../engine/types.ts';
import { CliError } from './cli-error.ts';
import { readCappedText } from './input.ts';
import { cliText } from './messages.ts';

export function parsePackFile(file: string): PackParse {
  return parsePack(readCappedText(file, 'pack'), file, undefined, { csv: parseCsvPack });
}

export function loadPack(file: string): Pack {
  const result = parsePackFile(file);
  if (!result.ok) {
    const count = problemTotal(result.problems);
    throw new CliError(
      [...result.problems, count === 1 ? cliText('packInvalidOne', { file }) : cliText('packInvalid', { file, count })],
      1,
    );
  }
  return result.pack;
}
