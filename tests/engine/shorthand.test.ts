import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { createEngine } from '../../engine/index.ts';
import { mergePacks } from '../../engine/pack-merge.ts';
import { createPhraseSearch } from '../../engine/search.ts';
import { expandShorthand } from '../../engine/shorthand.ts';

describe('chat shorthand', () => {
  it('writes out standalone shorthand words and folds contractions written without their apostrophe', () => {
    expect(expandShorthand('r u there? pls reply')).toBe('are you there? please reply');
    expect(expandShorthand('i dont know, cant log in rn')).toBe("i don't know, can't log in right now");
    expect(expandShorthand('ty!!')).toBe('thank you!!');
  });

  it('leaves a letter inside a word, beside Chinese or in a contraction alone', () => {
    expect(expandShorthand('my bus is late')).toBe('my bus is late');
    expect(expandShorthand('u盘坏了')).toBe('u盘坏了');
    expect(expandShorthand("don't, u2")).toBe("don't, u2");
    expect(expandShorthand('退款到哪了')).toBe('退款到哪了');
  });

  it('lets detection read a message written in shorthand as it reads the words in full', () => {
    const engine = createEngine(DEFAULT_PACKS);
    const full = engine.detect('are you there? i cannot hear you, the chat keeps dropping').scenarios[0]?.id;
    expect(engine.detect('r u there?? i cant hear u, the chat keeps dropping').scenarios[0]?.id).toBe(full);
    const praised = engine.detect('thanks so much you guys are the best').scenarios[0]?.id;
    expect(engine.detect('thx so much u guys r the best').scenarios[0]?.id).toBe(praised);
  });

  it('does not read "don\'t get" as not understanding when the customer does not get a thing', () => {
    const engine = createEngine(DEFAULT_PACKS);
    expect(engine.detect('i dont get reimbursed unless i send the receipt').scenarios[0]?.id).not.toBe(
      'not_understood',
    );
    expect(engine.detect('sorry i dont get it, what does pending mean').scenarios[0]?.id).toBe('not_understood');
  });

  it('lets an agent search with shorthand', () => {
    const search = createPhraseSearch(mergePacks(DEFAULT_PACKS));
    const ids = (query: string): string[] => search.search(query, { locale: 'en' }).map((hit) => hit.scopeId);
    expect(ids('ty')).toEqual(ids('thank you'));
    expect(ids('sry for the wait')).toEqual(ids('sorry for the wait'));
    expect(ids('r u there')[0]).toBe('connection_issue');
  });
});

describe('shorthand that is also a word', () => {
  it('keeps ATM and ya as written', () => {
    expect(expandShorthand('the atm kept my card, ya')).toBe('the atm kept my card, ya');
  });
});
