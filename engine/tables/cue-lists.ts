// The cue lists of customer language (data/cues/*.json), behind a module of their own so that the content script's
// build can leave them out and read them from storage (wxt.config.ts), as it does the pinyin and character tables.
import emotion from '../../data/cues/emotion.json' with { type: 'json' };
import needs from '../../data/cues/needs.json' with { type: 'json' };
import negation from '../../data/cues/negation.json' with { type: 'json' };
import shapes from '../../data/cues/shapes.json' with { type: 'json' };
import shorthand from '../../data/cues/shorthand.json' with { type: 'json' };

export const CUE_LISTS = { emotion, needs, negation, shapes, shorthand };
