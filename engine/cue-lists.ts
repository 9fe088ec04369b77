// The cue lists the engine reads customer language with (emotion, negation, chat shorthand, shapes, needs): bundled, or installed from
// storage where the content script's build left them out (engine/tables/cue-lists.ts).
import { CUE_LISTS } from './tables/cue-lists.ts';

/**
 * angry: insults and complaints; sarcasm: praise or thanks that mean anger ("呵呵", "amazing service as always");
 * anxious: urgency and worry; calmStatements: the customer says they are calm; apology: the customer apologises for
 * their tone; complaintFacts: something went wrong; courtesy: a polite ask.
 */
interface EmotionCues {
  angry: readonly string[];
  sarcasm: readonly string[];
  anxious: readonly string[];
  calmStatements: readonly string[];
  apology: readonly string[];
  complaintFacts: readonly string[];
  courtesy: readonly string[];
}

/** negation: cues that negate what follows; contrast: words that open the clause meant; the rest: phrases blanked. */
interface NegationCues {
  negation: readonly string[];
  contrast: readonly string[];
  aboutThemselves: readonly string[];
  moodDisclaimers: readonly string[];
}

export interface CueLists {
  emotion: EmotionCues;
  negation: NegationCues;
  /** Chat shorthand → the words it stands for (u → you, thx → thanks). */
  shorthand: Readonly<Record<string, string>>;
  /** Shape name → the words that show it (time-ahead: tomorrow, 明天 …), for the learned emotion reader. */
  shapes: Readonly<Record<string, readonly string[]>>;
  /** Scenario id → the words a message must name to be read at full strength as that scenario (engine/detect.ts). */
  needs: Readonly<Record<string, readonly string[]>>;
}

const EMOTION_KEYS = [
  'angry',
  'sarcasm',
  'anxious',
  'calmStatements',
  'apology',
  'complaintFacts',
  'courtesy',
] as const;
const NEGATION_KEYS = ['negation', 'contrast', 'aboutThemselves', 'moodDisclaimers'] as const;

const LIST_NAME = /^[a-z][a-z_-]{0,39}$/u;

/** The lists of a value read from storage (or bundled), each list a list of strings; a list it lacks is empty. */
function readCueLists(value: unknown): CueLists {
  const record = (x: unknown): Record<string, unknown> =>
    typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {};
  const strings = (x: unknown): string[] =>
    Array.isArray(x) ? x.filter((item): item is string => typeof item === 'string') : [];
  const lists = <K extends string>(x: unknown, keys: readonly K[]): Record<K, string[]> =>
    Object.fromEntries(keys.map((key) => [key, strings(record(x)[key])])) as Record<K, string[]>;
  const root = record(value);
  const words = Object.entries(record(root.shorthand)).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  // A shape's name becomes a feature name, a need's is a scenario id: a key that is not one (the _comment) is no list.
  const named = (x: unknown) =>
    Object.fromEntries(
      Object.entries(record(x))
        .filter(([name]) => LIST_NAME.test(name))
        .map(([name, list]) => [name, strings(list)] as const),
    );
  return {
    emotion: lists(root.emotion, EMOTION_KEYS),
    negation: lists(root.negation, NEGATION_KEYS),
    shorthand: Object.fromEntries(words),
    shapes: named(root.shapes),
    needs: named(root.needs),
  };
}

const BUNDLED = CUE_LISTS as typeof CUE_LISTS | undefined;
const bundled: CueLists | undefined = BUNDLED
  ? readCueLists({
      emotion: BUNDLED.emotion,
      negation: BUNDLED.negation,
      shorthand: BUNDLED.shorthand.words,
      shapes: BUNDLED.shapes,
      needs: BUNDLED.needs,
    })
  : undefined;
let installed: CueLists = bundled ?? readCueLists(undefined);
let generation = 0;

/** The cue lists in use. */
export function cueLists(): CueLists {
  return installed;
}

/** A number that changes whenever other lists are installed: what is built from the lists is built again. */
export function cueListsGeneration(): number {
  return generation;
}

/** The cue lists as data/cues has them: for the background to publish to the content script. */
export function bundledCueLists(): CueLists | undefined {
  return bundled;
}

/** Gives the engine its cue lists where the build left them out; until then every list is empty. */
export function installCueLists(value: unknown): void {
  installed = readCueLists(value);
  generation++;
}
