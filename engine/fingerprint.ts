// A 64-bit hash of texts: what names the packs a learned reader was trained on, so a kept reader is taken only for them.

/** Two 32-bit FNV-1a-like lanes over UTF-16 units (cyrb53's mixing): fast, and collisions need 2^32 sets of packs. */
export function createHash(): { add(text: string): void; digest(): string } {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const step = (code: number): void => {
    h1 = Math.imul(h1 ^ code, 2_654_435_761);
    h2 = Math.imul(h2 ^ code, 1_597_334_677);
  };
  return {
    add(text) {
      for (let i = 0; i < text.length; i++) step(text.charCodeAt(i));
      // A separator no text holds: ["ab", "c"] and ["a", "bc"] differ.
      step(0x1_0000);
    },
    digest() {
      const a = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507) ^ Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909);
      const b = Math.imul(h2 ^ (h2 >>> 16), 2_246_822_507) ^ Math.imul(h1 ^ (h1 >>> 13), 3_266_489_909);
      return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
    },
  };
}
