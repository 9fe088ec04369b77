// How much of one input the engine's callers hand it, so that one hostile line or pack cannot stall them or fill memory.

/**
 * The longest line of text (UTF-16 units) a caller passes to detect or lint at once: longer than any chat message or
 * draft an agent writes, short enough that one pasted log cannot hold the engine for seconds. The command line checks
 * the first MAX_INPUT_LINE_CHARS characters of a longer line and says so.
 */
export const MAX_INPUT_LINE_CHARS = 20_000;

/**
 * Problems of one pack listed one by one; the rest are counted in one last line. Past a few hundred, a person fixes
 * the pattern, not each line, and listing 50 000 of them costs more than the check itself.
 */
export const MAX_LISTED_PROBLEMS = 200;
