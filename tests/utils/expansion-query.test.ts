// Trigger and query detection for the `;;` picker: caret positions, where a trigger counts, and which triggers may be set.
import { describe, expect, it } from 'vitest';
import { findExpansionQuery, isUsableTrigger, MAX_QUERY_LENGTH } from '../../utils/expansion-query.ts';

describe('findExpansionQuery', () => {
  it('finds the trigger alone at the start of the draft (empty query: top suggestions)', () => {
    expect(findExpansionQuery(';;', 2, ';;')).toEqual({ start: 0, end: 2, query: '' });
  });

  it('reads the query up to the caret, not to the end of the draft', () => {
    const text = '您好;;tk 后面的字';
    expect(findExpansionQuery('您好 ;;tk', 7, ';;')).toEqual({ start: 3, end: 7, query: 'tk' });
    // Caret right after "t": the query is what is left of the caret.
    expect(findExpansionQuery('好 ;;tk', 5, ';;')).toEqual({ start: 2, end: 5, query: 't' });
    // After CJK text with no space the trigger is inside a word: plain text.
    expect(findExpansionQuery(text, 6, ';;')).toBeNull();
  });

  it('counts after a space, a line break, CJK punctuation or an opening bracket', () => {
    expect(findExpansionQuery('a ;;退款', 6, ';;')?.query).toBe('退款');
    expect(findExpansionQuery('第一行\n;;tk', 8, ';;')).toEqual({ start: 4, end: 8, query: 'tk' });
    expect(findExpansionQuery('您好，;;tk', 7, ';;')?.query).toBe('tk');
    expect(findExpansionQuery('(;;tk', 5, ';;')?.query).toBe('tk');
  });

  it('leaves a trigger inside a word or an address alone', () => {
    expect(findExpansionQuery('http://a;;b', 11, ';;')).toBeNull();
    expect(findExpansionQuery('a;;b', 4, ';;')).toBeNull();
    expect(findExpansionQuery('x=1;;y', 6, ';;')).toBeNull();
  });

  it('closes when the query crosses a line, starts with a space or grows past the limit', () => {
    expect(findExpansionQuery(';;tk\nmore', 9, ';;')).toBeNull();
    expect(findExpansionQuery(';; ok', 5, ';;')).toBeNull();
    const long = ';;' + 'a'.repeat(MAX_QUERY_LENGTH + 1);
    expect(findExpansionQuery(long, long.length, ';;')).toBeNull();
    const longest = ';;' + 'a'.repeat(MAX_QUERY_LENGTH);
    expect(findExpansionQuery(longest, longest.length, ';;')?.query).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('keeps words with spaces inside the query, and takes the last trigger before the caret', () => {
    expect(findExpansionQuery(';;refund time', 13, ';;')?.query).toBe('refund time');
    expect(findExpansionQuery(';;a ;;tk', 8, ';;')).toEqual({ start: 4, end: 8, query: 'tk' });
  });

  it('returns null for a caret before the trigger or outside the text', () => {
    expect(findExpansionQuery(';;tk', 1, ';;')).toBeNull();
    expect(findExpansionQuery(';;tk', 9, ';;')).toBeNull();
    expect(findExpansionQuery('', 0, ';;')).toBeNull();
  });

  it('works with another trigger the agent set', () => {
    expect(findExpansionQuery('好 ,,tk', 6, ',,')).toEqual({ start: 2, end: 6, query: 'tk' });
    expect(findExpansionQuery('好 ;;tk', 6, ',,')).toBeNull();
  });
});

describe('isUsableTrigger', () => {
  it('accepts short punctuation triggers', () => {
    for (const trigger of [';;', ',,', '\\\\', '#', '；；']) expect(isUsableTrigger(trigger)).toBe(true);
  });

  it('refuses "/", empty, blank, letter- or digit-led and over-long triggers', () => {
    for (const trigger of ['/', '', ' ', ';; ', 'tk', '1;', ';;;;;']) expect(isUsableTrigger(trigger)).toBe(false);
  });

  it('a refused trigger finds nothing', () => {
    expect(findExpansionQuery('/tk', 3, '/')).toBeNull();
  });
});
