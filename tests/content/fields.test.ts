// Where Tab goes among the fields a draft still holds.
import { describe, expect, it } from 'vitest';
import { fieldAfter } from '../../content/fields.ts';

const fields = [
  { name: 'a', start: 2, end: 7 },
  { name: 'b', start: 12, end: 17 },
];

describe('fieldAfter', () => {
  it('goes to the next field after the caret or the selected field, and round to the first', () => {
    expect(fieldAfter(fields, 0, false)?.name).toBe('a');
    expect(fieldAfter(fields, 7, false)?.name).toBe('b');
    expect(fieldAfter(fields, 17, false)?.name).toBe('a');
  });

  it('goes back with Shift, and round to the last', () => {
    expect(fieldAfter(fields, 17, true)?.name).toBe('a');
    expect(fieldAfter(fields, 7, true)?.name).toBe('b');
  });

  it('has nowhere to go without fields', () => {
    expect(fieldAfter([], 3, false)).toBeUndefined();
  });
});
