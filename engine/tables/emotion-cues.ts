// The cue lists of customer emotion (data/cues/emotion.json), behind a module of their own so that the content script's
// build can leave them out and read them from storage (wxt.config.ts), as it does the pinyin and character tables.
import emotionCues from '../../data/cues/emotion.json' with { type: 'json' };

export const EMOTION_CUES = emotionCues;
