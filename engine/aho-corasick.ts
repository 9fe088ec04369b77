// A compact Aho–Corasick automaton over UTF-16 code units: all occurrences of many patterns in one pass.
// The npm implementations we measured work on grapheme clusters and cost milliseconds per 2 000-character draft;
// our text is already normalized, so code units are enough and the scan stays well under a millisecond.

export interface PatternHit {
  /** Index of the pattern in the list given to the constructor. */
  pattern: number;
  start: number;
  end: number;
}

export class AhoCorasickMatcher {
  /** Transitions, keyed by state * 65 536 + code unit: one flat map is smaller and faster than a map per state. */
  private readonly goto = new Map<number, number>();
  private readonly fail: Int32Array;
  /** Patterns ending exactly at a state (the state's own word). */
  private readonly ownPattern: Int32Array;
  /** The nearest state along the failure chain that ends a pattern (-1: none): keeps output walks short. */
  private readonly outputLink: Int32Array;
  private readonly depth: Int32Array;
  /** Further patterns that end at the same state (duplicates of the same text). */
  private readonly samePattern = new Map<number, number[]>();

  constructor(patterns: readonly string[]) {
    let stateCount = 1;
    const own: number[] = [-1];
    const depths: number[] = [0];
    patterns.forEach((pattern, index) => {
      if (pattern === '') return;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const key = state * 65536 + pattern.charCodeAt(i);
        let next = this.goto.get(key);
        if (next === undefined) {
          next = stateCount++;
          this.goto.set(key, next);
          own.push(-1);
          depths.push(i + 1);
        }
        state = next;
      }
      if (own[state] === -1) own[state] = index;
      else this.samePattern.set(state, [...(this.samePattern.get(state) ?? []), index]);
    });

    this.ownPattern = Int32Array.from(own);
    this.depth = Int32Array.from(depths);
    this.fail = new Int32Array(stateCount);
    this.outputLink = new Int32Array(stateCount).fill(-1);

    // Breadth-first over the trie: a state's failure target is known once all shallower states are done.
    const children = new Map<number, Array<[number, number]>>();
    for (const [key, child] of this.goto) {
      const parent = Math.floor(key / 65536);
      const list = children.get(parent);
      const edge: [number, number] = [key % 65536, child];
      if (list) list.push(edge);
      else children.set(parent, [edge]);
    }
    const queue: number[] = [];
    for (const [, child] of children.get(0) ?? []) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [code, child] of children.get(state) ?? []) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.goto.has(f * 65536 + code)) f = this.fail[f]!;
        const target = this.goto.get(f * 65536 + code);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const failState = this.fail[child]!;
        this.outputLink[child] = this.ownPattern[failState] !== -1 ? failState : this.outputLink[failState]!;
        queue.push(child);
      }
    }
  }

  /** Every occurrence of every pattern, overlapping ones included, in order of their end. */
  search(text: string): PatternHit[] {
    const hits: PatternHit[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let next = this.goto.get(state * 65536 + code);
      while (next === undefined && state !== 0) {
        state = this.fail[state]!;
        next = this.goto.get(state * 65536 + code);
      }
      state = next ?? 0;
      for (let out = this.ownPattern[state] !== -1 ? state : this.outputLink[state]!; out !== -1; out = this.outputLink[out]!) {
        const end = i + 1;
        const start = end - this.depth[out]!;
        hits.push({ pattern: this.ownPattern[out]!, start, end });
        for (const extra of this.samePattern.get(out) ?? []) hits.push({ pattern: extra, start, end });
      }
    }
    return hits;
  }
}
