// Casual English spelling read as the word the packs know: held-down letters and inflections, by rule.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { plainForm } from '../../engine/detect.ts';
import { createEngine } from '../../engine/index.ts';

const known = new Set([
  'you',
  'so',
  'good',
  'fail',
  'charge',
  'dumb',
  'big',
  'stop',
  'reply',
  'angry',
  'close',
  'cool',
]);

describe('plainForm', () => {
  it.each([
    ['youuu', 'you'],
    ['sooooo', 'so'],
    ['goooood', 'good'],
    ['cooool', 'cool'],
    ['failing', 'fail'],
    ['charged', 'charge'],
    ['dumbest', 'dumb'],
    ['biggest', 'big'],
    ['stopped', 'stop'],
    ['replied', 'reply'],
    ['angriest', 'angry'],
    ['closing', 'close'],
  ])('reads %s as %s', (word, plain) => {
    expect(plainForm(word, known)).toBe(plain);
  });

  it('leaves words alone that no known word explains, and short stems', () => {
    expect(plainForm('refundz', known)).toBeUndefined();
    expect(plainForm('bed', new Set(['b']))).toBeUndefined();
    expect(plainForm('goes', known)).toBeUndefined();
  });
});

describe('detection with casual spelling', () => {
  const engine = createEngine(DEFAULT_PACKS);
  it('takes "thank youuu" for thanks', () => {
    expect(engine.detect('thank youuu').scenarios[0]?.id).toBe('thanks');
  });
});
