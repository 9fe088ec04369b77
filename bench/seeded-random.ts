// Deterministic 32-bit random numbers (mulberry32) so that every bench run times the same generated packs and drafts.

/**
 * Unsigned 32-bit integers from a seed. A plain `seed * 1103515245 % 2**31` loses precision in floating point and cycles
 * after a few thousand values: "10 000 rules" made that way held only ~5 000 distinct phrases.
 */
export function seededIntegers(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Numbers in [0, 1) from a seed. */
export function seededFractions(seed: number): () => number {
  const next = seededIntegers(seed);
  return () => next() / 4294967296;
}
