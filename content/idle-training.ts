// Training the engine's learned readers in slices of the page's idle time, so that no keystroke or detection waits for it.

/** A slice of training, in ms: short enough that a keystroke or the first detection never waits long behind it. */
const TRAINING_SLICE_MS = 12;
/**
 * How long a slice waits for the page to be idle at most. One that came later than HELD_BACK_MS: in a hidden tab (the
 * browser holds its callbacks back to about one a second, and nobody types there) it trains the rest at once; in the
 * tab the agent looks at, the rest goes in slices paced by a timer, keystrokes handled between them (the rest at once,
 * two seconds of work for the draft reader, froze typing; slices left to idle periods alone, which a busy or headless page grants seldom,
 * left the reader untrained after ten seconds).
 */
const IDLE_WAIT_MS = 2000;
const HELD_BACK_MS = 400;

/**
 * Trains a learned reader of the engine (`prepare`: engine.prepareLint, engine.prepareEmotion) in the page's idle time
 * (each idle period used whole, up to 50 ms), until it is ready or no longer wanted. Until then the engine answers
 * without it: the rules alone warn, the cue lists alone read emotion.
 */
export function trainWhenIdle(
  doc: Document,
  prepare: (budgetMs: number) => boolean,
  wanted: () => boolean,
  onReady: () => void,
): void {
  const win = doc.defaultView ?? window;
  const slice = (budget: number, paced: boolean): void => {
    if (!wanted()) return;
    if (prepare(budget)) onReady();
    else next(paced);
  };
  const next = (paced: boolean): void => {
    if (paced || typeof win.requestIdleCallback !== 'function') {
      win.setTimeout(() => slice(TRAINING_SLICE_MS, paced), paced ? 0 : 50);
      return;
    }
    const asked = performance.now();
    win.requestIdleCallback(
      (deadline) => {
        const late = performance.now() - asked > HELD_BACK_MS;
        if (late && doc.hidden) slice(Infinity, false);
        else slice(Math.max(TRAINING_SLICE_MS, deadline.timeRemaining()), late);
      },
      { timeout: IDLE_WAIT_MS },
    );
  };
  next(false);
}
