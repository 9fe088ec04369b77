// Accuracy floors on every labelled set we keep: a change that makes detection or lint worse on any of them fails here.
// Each floor sits a little under the figure measured when it was set (tests/fixtures/heldout/README.md); raise it when
// a set improves, never lower it to let a change through.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { createEngine } from '../../engine/index.ts';
import { mergePacks } from '../../engine/pack-merge.ts';
import { createPhraseSearch } from '../../engine/search.ts';
import { evaluateDrafts, readDrafts } from '../../scripts/eval-lint.ts';
import { evaluateSearch, readQueries } from '../../scripts/eval-search.ts';
import { countAnswer, emptyTally, readJsonl } from '../../scripts/eval.ts';

const heldOut = join(import.meta.dirname, '../fixtures/heldout');
const sharedEval = join(import.meta.dirname, '../../../shared/eval');
const engine = createEngine(DEFAULT_PACKS);

/**
 * File → the least top-1 it must keep. Raised in round 14 where the message corpus (scenario-labelled customer messages
 * in data/src/<locale>/message-corpus.jsonl) lifted a set clearly: each floor a little under its figure at the end of
 * the round (the notes by each set give earlier figures): blind-messages-3 0.934, -4 0.942, -7 0.956, -9 0.950, -10
 * 0.925, -12 0.945, -13 0.945, -14 0.930, -15 0.935, -17 0.935, -18 0.940, -20 0.950, -21 0.950.
 */
const MESSAGE_FLOORS: Record<string, number> = {
  'messages.jsonl': 0.96,
  'messages-2.jsonl': 0.93,
  'fresh-3.jsonl': 0.97,
  'fresh-4.jsonl': 0.94,
  'fresh-5.jsonl': 0.97,
  'blind-messages-1.jsonl': 0.96,
  'blind-messages-2.jsonl': 0.92,
  'blind-messages-3.jsonl': 0.91,
  'blind-messages-4.jsonl': 0.92,
  'blind-messages-5.jsonl': 0.93,
  'blind-messages-6.jsonl': 0.87,
  'blind-messages-7.jsonl': 0.93,
  'blind-messages-8.jsonl': 0.95,
  'blind-messages-9.jsonl': 0.93,
  'blind-messages-10.jsonl': 0.9,
  'blind-messages-11.jsonl': 0.94,
  'blind-messages-12.jsonl': 0.92,
  // Sealed in round 9 (200, written from scenarios.md alone, emotion shown without textbook words): 0.890 at its one
  // measurement (zh-CN 0.920, zh-TW 0.925, en 0.817).
  'blind-messages-13.jsonl': 0.92,
  // Round 10 dev set (200; en 80, written as customers type): 0.885 at first measurement (en 0.875), 0.920 after (asides,
  // a condition after the need, praise beside something gone wrong).
  'blind-messages-14.jsonl': 0.91,
  // Round 11 dev set (200; shops of electronics, appliances, books and pets): 0.890 at first measurement (zh-CN 0.912,
  // zh-TW 0.900, en 0.863), 0.920 after (tuned on: kinds, not rows).
  'blind-messages-15.jsonl': 0.91,
  // Sealed in round 11 (200; cosmetics, food, baby goods, clothes, game top-ups): 0.905 at first measurement, 0.910 at
  // the end of the round (zh-CN 0.938, zh-TW 0.975, en 0.850); aggregates only.
  'blind-messages-16.jsonl': 0.89,
  // Second round 11 dev set (200; pharmacy, tickets, furniture, groceries, phone plans; 67 anxious): 0.890 at first
  // measurement (en 0.850), 0.900 after.
  'blind-messages-17.jsonl': 0.91,
  // Sealed, written last in round 11 (phone plans, courses, luxury bags, second-hand goods, cleaning, car rental) and
  // measured once, at the end: 0.880 (zh-CN 0.887, zh-TW 0.925, en 0.850); the engine before round 11 scored 0.890.
  'blind-messages-18.jsonl': 0.92,
  // Sealed in round 12 (furniture, travel, baby goods, phone repair, food delivery, cosmetics): 0.935 (zh-CN 0.912,
  // zh-TW 0.950, en 0.950) at first measurement and at the end (round 12 did not change detection).
  'blind-messages-19.jsonl': 0.91,
  // Round 13 dev set (200; camping gear, hearing aids, parcels, tutoring, game top-ups, wine): 0.920 at first
  // measurement (zh-CN 0.912, zh-TW 0.975, en 0.900).
  'blind-messages-21.jsonl': 0.93,
  // Sealed in round 13 (gym, cameras, tea, rental cars, courses, sneakers): 0.905 at first measurement and at the end.
  'blind-messages-20.jsonl': 0.93,
  // Round 14 dev set (ride-hailing, bridal make-up, solar panels, summer camps, mattresses, blind boxes): 0.900 at first
  // measurement (zh-CN 0.863, zh-TW 0.950, en 0.912), 0.925 at the end of the round.
  'blind-messages-23.jsonl': 0.9,
  // Sealed in round 14 (aquariums, tutoring apps, parking, cosmetic surgery, air conditioners, vintage watches): 0.900
  // at first measurement (zh-CN 0.925, zh-TW 0.875, en 0.887), 0.920 at the end (zh-CN 0.938, zh-TW 0.950, en 0.887).
  'blind-messages-22.jsonl': 0.9,
  // Round 15 dev set (wedding photos, solar panels, used phones, language schools, pet food, ferries, food delivery):
  // 0.935 at first measurement (zh-CN 0.975, zh-TW 0.950, en 0.887).
  'blind-messages-24.jsonl': 0.92,
  // Sealed in round 15 (gyms, hiking, baby formula, car insurance, board games, flowers, a mobile game): 0.950 at first
  // measurement (zh-CN 0.925, zh-TW 0.975, en 0.963).
  'blind-messages-25.jsonl': 0.93,
  // Round 16 dev set (airline, telecom, SaaS, gym, food delivery, games, bank cards, courses): 0.980 at first
  // measurement (zh-CN 0.988, zh-TW 0.975, en 0.975).
  'blind-messages-26.jsonl': 0.96,
  // Sealed in round 16 (couriers, streaming, broadband, clinics, car rental, cosmetics, insurance): 0.965 at first
  // measurement (zh-CN 0.988, zh-TW 0.975, en 0.938).
  'blind-messages-27.jsonl': 0.94,
  // Round 17 dev set (meal kits, pharmacy, camera rental, concert tickets, furniture assembly, phone repair): 0.895 at
  // first measurement (zh-CN 0.912, zh-TW 0.825, en 0.912); 0.930 at the end of the round.
  'blind-messages-28.jsonl': 0.91,
  // Sealed in round 17 (coworking, laundry, car wash, sports shoes, plant nursery, e-books): 0.900 at first measurement
  // (zh-CN 0.925, zh-TW 0.875, en 0.887); 0.905 at the end of the round.
  'blind-messages-29.jsonl': 0.88,
  // Round 18 dev set (skincare, parcel forwarding, yoga, smart locks, frozen seafood, game top-ups): 0.950 at first
  // measurement (zh-CN 0.988, zh-TW 0.975, en 0.900); 0.955 at the end of the round.
  'blind-messages-30.jsonl': 0.93,
  // Sealed in round 18 (event flowers, used textbooks, router rental, nut gift boxes, badminton courts, e-scooters):
  // 0.940 at first measurement and at the end of the round.
  'blind-messages-31.jsonl': 0.92,
  // Round 19 dev set (concert tickets, phone cases, hiking tours, instant noodles, printer ink, baby formula): 0.905 at
  // first measurement (zh-CN 0.950, zh-TW 0.925, en 0.850); 0.925 at the end of the round.
  'blind-messages-32.jsonl': 0.9,
  // Sealed in round 19 (bike sharing, pharmacy delivery, T-shirt printing, rice cookers, hostels, a board-game café):
  // 0.930 at first measurement and at the end of the round.
  'blind-messages-33.jsonl': 0.91,
};

/** File → the least recall over all categories, and the most false alarms on clean drafts (a share). */
const DRAFT_FLOORS: Record<string, { recall: number; falseAlarms: number }> = {
  'drafts.jsonl': { recall: 0.96, falseAlarms: 0.02 },
  'drafts-2.jsonl': { recall: 0.98, falseAlarms: 0.02 },
  'drafts-3.jsonl': { recall: 0.98, falseAlarms: 0.02 },
  // blind-drafts-1…3 are also training drafts of the packs (data/src/*/draft-examples.json): these are training figures.
  'blind-drafts-1.jsonl': { recall: 0.98, falseAlarms: 0.02 },
  'blind-drafts-2.jsonl': { recall: 0.98, falseAlarms: 0.02 },
  'blind-drafts-3.jsonl': { recall: 0.98, falseAlarms: 0.02 },
  'blind-drafts-4.jsonl': { recall: 0.86, falseAlarms: 0.02 },
  'blind-drafts-5.jsonl': { recall: 0.94, falseAlarms: 0.02 },
  'blind-drafts-6.jsonl': { recall: 0.97, falseAlarms: 0.02 },
  'blind-drafts-7.jsonl': { recall: 0.94, falseAlarms: 0.02 },
  // 5 false alarms in 105 when it was unsealed, over the 2 % goal: the floor holds today's figure, not the goal.
  'blind-drafts-8.jsonl': { recall: 0.94, falseAlarms: 0.04 },
  'blind-drafts-9.jsonl': { recall: 0.97, falseAlarms: 0.02 },
  // Written to be hard on false alarms (150 clean look-alikes): 12 of 150 when it was unsealed, far over the 2 % goal.
  'blind-drafts-10.jsonl': { recall: 0.95, falseAlarms: 0.07 },
  'blind-drafts-11.jsonl': { recall: 0.98, falseAlarms: 0.02 },
  // Short fast-typed drafts with many look-alikes: 8 of 63 clean drafts flagged when it was unsealed. Lowered in round
  // 13 with its reason: the three zh-CN draft corpora O–Q moved it 93 → 91 of 97 (false alarms 3 → 2), while the
  // freshest dev sets gained (blind-drafts-25 0.911 → 0.933, -26 0.855 → 0.871 with 8 → 6 false alarms, -28 0.923 → 0.932).
  'blind-drafts-12.jsonl': { recall: 0.92, falseAlarms: 0.11 },
  'blind-drafts-13.jsonl': { recall: 0.88, falseAlarms: 0.06 },
  'blind-drafts-14.jsonl': { recall: 0.98, falseAlarms: 0.02 },
  // 110 clean drafts, 93 of them look-alikes: 10 flagged at first measurement (0.091), tuned on.
  'blind-drafts-16.jsonl': { recall: 0.98, falseAlarms: 0.02 },
  // zh-CN flawed drafts wrapped in politeness: recall 0.905 at first measurement (zh-CN 0.873), tuned on.
  'blind-drafts-17.jsonl': { recall: 0.98, falseAlarms: 0.02 },
  // Sealed in round 8: 0.958 and 7/90 false alarms at first measurement, 0.958 and 5/90 at the end of the round.
  'blind-drafts-15.jsonl': { recall: 0.94, falseAlarms: 0.07 },
  // Sealed in round 9, written from warnings.md alone (120 flawed, 100 clean, about 88 look-alikes): recall 0.915 and
  // 9/100 false alarms (en 6/35) at its first measurement; 0.915 and 6/100 after round 10's look-alike kinds.
  // Round 12: 0.946 and 4/100.
  'blind-drafts-18.jsonl': { recall: 0.92, falseAlarms: 0.06 },
  // Round 10 dev set (70 flawed, 130 clean, about 100 look-alikes): recall 0.892 and 11/130 false alarms at first
  // measurement, 0.959 and 0/130 after tuning on it (kinds, not rows).
  'blind-drafts-19.jsonl': { recall: 0.94, falseAlarms: 0.02 },
  // Round 11 dev set (70 flawed, 130 clean; electronics, appliances, furniture): recall 0.863 and 15/130 false alarms
  // at first measurement; 0/130 after round 11's look-alike kinds (tuned on: kinds, not rows).
  'blind-drafts-20.jsonl': { recall: 0.94, falseAlarms: 0.02 },
  // Sealed in round 11 (70 flawed, 130 clean; cosmetics, food, clothes, travel): recall 0.883 and 4/130 false alarms at
  // first measurement, 0.896 and 4/130 at the end of the round.
  'blind-drafts-21.jsonl': { recall: 0.87, falseAlarms: 0.05 },
  // Second round 11 dev set (100 flawed, zh-CN 60; 100 clean): recall 0.897 and 6/100 false alarms at first measurement,
  // 0.974 and 0/100 after.
  // Lowered in round 13 with its reason: the five draft corpora of round 13 moved it 0.949 → 0.932 (a tuned-on set,
  // 111 → 109 of 117), while the fresh dev sets gained (blind-drafts-26 0.855 → 0.879, -28 0.923 → 0.932).
  'blind-drafts-22.jsonl': { recall: 0.92, falseAlarms: 0.02 },
  // Sealed, written last in round 11 and measured once, at the end: recall 0.855 (zh-CN 0.765), false alarms 11/130
  // (0.085; the engine before round 11: 13/130); 0.908 and 6/130 at the end of round 12 (the draft corpus, look-alikes
  // read by the reader).
  'blind-drafts-23.jsonl': { recall: 0.88, falseAlarms: 0.06 },
  // Sealed in round 12 (80 flawed, 120 clean; furniture, travel, baby goods, phone repair, food delivery, cosmetics):
  // recall 0.851 (zh-CN 0.795) and 4/120 false alarms at first measurement, 0.897 (zh-CN 0.864) and 4/120 at the end.
  'blind-drafts-24.jsonl': { recall: 0.87, falseAlarms: 0.05 },
  // Round 12 dev set (80 flawed, 120 clean): recall 0.844 and 9/120 false alarms at first measurement, 0.911 and 7/120
  // after (the reader's threshold and look-alike bar chosen on it).
  'blind-drafts-25.jsonl': { recall: 0.88, falseAlarms: 0.08 },
  // Second round 12 dev set, written after the first half of the round (110 flawed, 130 clean): recall 0.847 and 8/130
  // with the engine before round 12, 0.855 and 8/130 at its first measurement and at the end (not tuned on).
  'blind-drafts-26.jsonl': { recall: 0.83, falseAlarms: 0.08 },
  // Round 13 dev set (110 flawed, 130 clean; phone plans, luxury bags, aquariums, furniture rental, board games, seafood):
  // recall 0.923 and 9/130 false alarms at first measurement, 0.932 and 4/130 at the end of the round.
  'blind-drafts-28.jsonl': { recall: 0.9, falseAlarms: 0.06 },
  // Sealed in round 13 (bicycles, tickets, eyewear, ink, wedding dresses, cleaning): recall 0.832 (zh-CN 0.757) and
  // 12/130 false alarms at first measurement, 0.864 (zh-CN 0.797) and 8/130 at the end of the round; 0.912 and 3/130
  // at the end of round 15 (measured, not tuned on).
  'blind-drafts-27.jsonl': { recall: 0.89, falseAlarms: 0.04 },
  // Round 14 dev set (strollers, photo printing, durian, driving tests, 3D printers, karaoke rooms): recall 0.876 and
  // 5/130 false alarms at first measurement, 0.901 and 6/130 at the end of the round (draft corpora U–Z, threshold 0.45).
  'blind-drafts-30.jsonl': { recall: 0.88, falseAlarms: 0.06 },
  // Sealed in round 14 (instruments, vets, office furniture, SIM cards, jewellery, movers): recall 0.897 (zh-CN 0.886)
  // and 8/130 false alarms at first measurement, 0.905 (zh-CN 0.900) and 7/130 at the end of the round; 0.913 and
  // 4/130 at the end of round 15 (measured, not tuned on).
  'blind-drafts-29.jsonl': { recall: 0.89, falseAlarms: 0.05 },
  // Round 15 dev set (bicycle rentals, tiles, glasses, concert tickets, herbal tea, printer ink, cloud storage): recall
  // 0.973 and 8/130 false alarms at first measurement, 0.982 and 2/130 at the end of the round (a phrase ending inside
  // a word, hedges, limits of what the agent can vouch for, the reader taught clean clauses, rule families widened).
  'blind-drafts-31.jsonl': { recall: 0.96, falseAlarms: 0.03 },
  // Sealed in round 15 (fishing gear, hearing aids, home cleaning, wine, laptop repair, kindergartens, ride-hailing):
  // recall 0.947 and 7/130 false alarms at first measurement, 0.982 and 6/130 at the end of the round.
  'blind-drafts-32.jsonl': { recall: 0.96, falseAlarms: 0.06 },
  // Round 16 dev set (pet hospital, driving school, phone carrier, furniture, courses, game top-ups, hotels, pharmacy):
  // recall 0.957 and 5/130 false alarms at first measurement; 0.957 and 1/130 after the negated promise's clause and
  // the plain questions about the customer's own words.
  'blind-drafts-33.jsonl': { recall: 0.94, falseAlarms: 0.03 },
  // Sealed in round 16 (bubble tea, used cars, kindergarten, cloud storage, bike sharing, dental clinic, movers): recall
  // 0.965 and 4/130 false alarms at first measurement.
  'blind-drafts-34.jsonl': { recall: 0.94, falseAlarms: 0.05 },
  // Round 17 dev set (bakery, bookshop, pet insurance, bike rental, exam registration, printer ink): recall 0.947 and
  // 3/130 false alarms at first measurement; 0.965 and 0/130 at the end of the round.
  'blind-drafts-35.jsonl': { recall: 0.94, falseAlarms: 0.02 },
  // Sealed in round 17 (wedding photos, broadband, ski resort, kids' clothes, tea, used cars): recall 0.964 and 3/130
  // false alarms at first measurement and at the end of the round.
  'blind-drafts-36.jsonl': { recall: 0.94, falseAlarms: 0.04 },
  // Round 18 dev set (hotpot, appliance repair, swimming school, used bags, eSIM plans, pet grooming): recall 0.964 and
  // 1/130 false alarms at first measurement; 0.982 and 0/130 at the end of the round.
  'blind-drafts-37.jsonl': { recall: 0.96, falseAlarms: 0.02 },
  // Sealed in round 18 (camping gear, dental booking, bubble tea, cooking courses, car rental, moving boxes): recall
  // 0.955 and 4/130 false alarms at first measurement and at the end of the round.
  'blind-drafts-38.jsonl': { recall: 0.94, falseAlarms: 0.04 },
  // Round 19 dev set (wedding photos, solar panels, tea, home gym, ferry tickets, toy subscriptions): recall 0.965 and
  // 3/130 false alarms at first measurement; 1.000 and 0/130 at the end of the round.
  'blind-drafts-39.jsonl': { recall: 0.98, falseAlarms: 0.02 },
  // Sealed in round 19 (contact lenses, laptop repair, mooncakes, coworking, wine, home cleaning): recall 0.964 and
  // 2/130 false alarms at first measurement and at the end of the round.
  'blind-drafts-40.jsonl': { recall: 0.94, falseAlarms: 0.03 },
};

function top1(file: string): number {
  const tally = emptyTally();
  for (const row of readJsonl(file)) countAnswer(tally, row, engine.detect(row.text).scenarios);
  return tally.top1 / tally.total;
}

function lintFigures(file: string): { recall: number; falseAlarms: number } {
  const result = evaluateDrafts(file, readDrafts(file), engine.lint);
  let caught = 0;
  let labelled = 0;
  for (const [c, l] of result.recall.values()) {
    caught += c;
    labelled += l;
  }
  return { recall: caught / labelled, falseAlarms: result.falseAlarms.length / Math.max(1, result.cleanDrafts) };
}

describe('detection keeps its accuracy on every labelled message set', () => {
  it.each(Object.entries(MESSAGE_FLOORS))('%s: top-1 at least %s', (file, floor) => {
    expect(top1(join(heldOut, file))).toBeGreaterThanOrEqual(floor);
  });

  // 216/220 until round 16; 215/220 since its corpus of service-business messages (+7 of the 3 452 messages of the
  // seventeen dev sets): a promised callback that never came now reads as waiting before a staff complaint.
  it.runIf(existsSync(join(sharedEval, 'dev-messages.jsonl')))('the shared dev messages: top-1 at least 0.97', () => {
    expect(top1(join(sharedEval, 'dev-messages.jsonl'))).toBeGreaterThanOrEqual(0.97);
  });
});

describe('lint keeps its recall and false-alarm rate on every labelled draft set', () => {
  it.each(Object.entries(DRAFT_FLOORS))('%s', (file, floor) => {
    const figures = lintFigures(join(heldOut, file));
    expect(figures.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(figures.falseAlarms).toBeLessThanOrEqual(floor.falseAlarms);
  });

  it.runIf(existsSync(join(sharedEval, 'dev-drafts.jsonl')))(
    'the shared dev drafts: recall at least 0.97, no false alarm',
    () => {
      const figures = lintFigures(join(sharedEval, 'dev-drafts.jsonl'));
      expect(figures.recall).toBeGreaterThanOrEqual(0.97);
      expect(figures.falseAlarms).toBe(0);
    },
  );
});

/**
 * File → the least emotion accuracy, and the least recall of anxious customers (the class word lists miss). Raised in
 * round 18 where the learned reader over words and shapes lifted a set by two points or more (the sealed sets of rounds
 * 9–17 together 0.841 → 0.876).
 */
const EMOTION_FLOORS: Record<string, { accuracy: number; anxious: number }> = {
  'blind-messages-1.jsonl': { accuracy: 0.87, anxious: 0.8 },
  'blind-messages-3.jsonl': { accuracy: 0.83, anxious: 0.72 },
  // Lowered in round 13 with its reason: the emotion corpus (now data/src/*/message-corpus.jsonl) moved 0.867 → 0.846 here
  // and anxious 29 → 26 of 39 on blind-messages-11, while the fresh blind-messages-21 went 0.775 → 0.865 and all dev
  // sets together 0.848 → 0.858.
  'blind-messages-4.jsonl': { accuracy: 0.83, anxious: 0.54 },
  'blind-messages-2.jsonl': { accuracy: 0.87, anxious: 0.78 },
  // Lowered in round 14 with its reason: the 3 800 messages the message corpus gained (data/src/*/message-corpus.jsonl)
  // moved 0.883 → 0.871 here, while anxious recall on all dev sets went 0.797 → 0.817 and their accuracy stayed 0.86.
  // Lowered in round 18 with its reason: the learned reader (softmax regression over words and shapes) moved 0.871 →
  // 0.854 here, while the fresh blind-messages-30 went 0.785 → 0.875 and all dev sets together 0.872 → 0.877.
  'blind-messages-5.jsonl': { accuracy: 0.85, anxious: 0.7 },
  'blind-messages-6.jsonl': { accuracy: 0.86, anxious: 0.65 },
  'blind-messages-7.jsonl': { accuracy: 0.86, anxious: 0.58 },
  'blind-messages-8.jsonl': { accuracy: 0.77, anxious: 0.64 },
  // 0.85 until round 8 stopped doubling the character after a space between Chinese phrases (engine/detect.ts,
  // HAN_SPACE_HAN): a correct reading that moved two messages' best scenario, and their scenario's mood, on this
  // sealed set (top-1 unchanged at 0.922). The one floor lowered, with its reason.
  // Lowered again in round 18: the learned reader over words and shapes moved 0.867 → 0.839 here (five messages), while
  // the ten other sealed message sets rose 0.838 → 0.879 together and none of them fell.
  'blind-messages-9.jsonl': { accuracy: 0.83, anxious: 0.63 },
  'blind-messages-10.jsonl': { accuracy: 0.81, anxious: 0.72 },
  'blind-messages-11.jsonl': { accuracy: 0.83, anxious: 0.64 },
  'blind-messages-12.jsonl': { accuracy: 0.83, anxious: 0.5 },
  // Sealed, emotion shown by the situation: 0.705 at first and final measurement of round 8, 0.725 in round 10.
  // Sealed in round 9: emotion 0.785, anxious 39/60 (0.65), angry 36/49 at its first measurement; 0.815 after round
  // 10's cues (deadlines, fear of loss, pleading, two-character cues as words; measured, not tuned on).
  'blind-messages-13.jsonl': { accuracy: 0.9, anxious: 0.7 },
  // Round 10 dev set: 0.780, anxious 41/59 at first measurement; 0.890 after (tuned on).
  'blind-messages-14.jsonl': { accuracy: 0.87, anxious: 0.84 },
  // Round 11 dev set: 0.780, anxious 43/60 at first measurement; 0.905, anxious 53/60 after (tuned on).
  'blind-messages-15.jsonl': { accuracy: 0.88, anxious: 0.85 },
  // Sealed in round 11: 0.720, anxious 33/60 at first measurement; 0.740, anxious 36/60 at the end of the round.
  'blind-messages-16.jsonl': { accuracy: 0.83, anxious: 0.56 },
  // Second round 11 dev set: 0.715, anxious 34/67 at first measurement; 0.870, anxious 56/67 after (tuned on).
  'blind-messages-17.jsonl': { accuracy: 0.82, anxious: 0.76 },
  // Sealed, measured once at the end of round 11: 0.790, anxious 43/59 (before round 11: 0.760, anxious 40/59).
  'blind-messages-18.jsonl': { accuracy: 0.86, anxious: 0.7 },
  // Sealed in round 12: 0.845, anxious 45/58, at first measurement and at the end.
  'blind-messages-19.jsonl': { accuracy: 0.82, anxious: 0.74 },
  // Round 13 dev set: 0.775, anxious 35/60 at first measurement; 0.880, anxious 52/60 at the end of the round (the
  // emotion corpus, worry past an apology, feared consequences, clocks; its misses read, the corpus written without it).
  'blind-messages-21.jsonl': { accuracy: 0.86, anxious: 0.8 },
  // Sealed in round 13: 0.780, anxious 38/60 at first measurement; 0.835, anxious 45/60 at the end of the round.
  'blind-messages-20.jsonl': { accuracy: 0.89, anxious: 0.71 },
  // Round 14 dev set: 0.775, anxious 42/60 at first measurement; 0.785, anxious 42/60 at the end of the round.
  'blind-messages-23.jsonl': { accuracy: 0.76, anxious: 0.66 },
  // Sealed in round 14: 0.785, anxious 46/60 at first measurement; 0.795, anxious 45/60 at the end of the round.
  'blind-messages-22.jsonl': { accuracy: 0.86, anxious: 0.71 },
  // Round 15 dev set: 0.795, anxious 44/60 at first measurement; 0.830, anxious 49/60 after round 16's shapes of worry.
  'blind-messages-24.jsonl': { accuracy: 0.81, anxious: 0.78 },
  // Sealed in round 15: 0.800, anxious 46/60 at first measurement.
  'blind-messages-25.jsonl': { accuracy: 0.84, anxious: 0.74 },
  // Round 16 dev set: 0.825, anxious 42/60 at first measurement, 0.835, anxious 44/60 at the end of the round (a second
  // writer, labelling blind, agreed with its emotion labels on 0.94 of the messages: the ceiling is far above).
  'blind-messages-26.jsonl': { accuracy: 0.81, anxious: 0.71 },
  // Sealed in round 16: 0.800, anxious 44/60 at first measurement; 0.815, anxious 45/60 at the end of the round.
  'blind-messages-27.jsonl': { accuracy: 0.86, anxious: 0.73 },
  // Round 17 dev set: 0.850, anxious 49/60 at first measurement; 0.880, anxious 49/60 at the end of the round.
  'blind-messages-28.jsonl': { accuracy: 0.9, anxious: 0.78 },
  // Sealed in round 17: 0.860, anxious 55/60 at first measurement; 0.865, anxious 55/60 at the end of the round.
  'blind-messages-29.jsonl': { accuracy: 0.89, anxious: 0.88 },
  // Round 18 dev set: 0.785, anxious 39/60 at first measurement; 0.890, anxious 50/60 at the end of the round (the
  // learned reader over words and shapes).
  'blind-messages-30.jsonl': { accuracy: 0.87, anxious: 0.8 },
  // Sealed in round 18: 0.775, anxious 43/60 at first measurement; 0.870, anxious 54/60 at the end of the round.
  'blind-messages-31.jsonl': { accuracy: 0.85, anxious: 0.85 },
  // Round 19 dev set: 0.850, anxious 52/60 at first measurement and at the end of the round.
  'blind-messages-32.jsonl': { accuracy: 0.83, anxious: 0.83 },
  // Sealed in round 19: 0.865, anxious 57/60 at first measurement; 0.855, anxious 55/60 at the end of the round (the
  // learned reader's lighter weighing of the rarer emotions, chosen on the development messages).
  'blind-messages-33.jsonl': { accuracy: 0.83, anxious: 0.88 },
  'fresh-4.jsonl': { accuracy: 0.88, anxious: 0.65 },
};

describe('emotion keeps its accuracy and its anxious recall', () => {
  it.each(Object.entries(EMOTION_FLOORS))('%s', (file, floor) => {
    const rows = readJsonl(join(heldOut, file));
    const right = rows.filter((row) => engine.detect(row.text).emotion === row.emotion).length;
    const anxious = rows.filter((row) => row.emotion === 'anxious');
    const anxiousRight = anxious.filter((row) => engine.detect(row.text).emotion === 'anxious').length;
    expect(right / rows.length).toBeGreaterThanOrEqual(floor.accuracy);
    expect(anxiousRight / anxious.length).toBeGreaterThanOrEqual(floor.anxious);
  });
});

/** File → the least top-3 hit rate of reply search (scripts/eval-search.ts: a wanted reply in the first three). */
const SEARCH_FLOORS: Record<string, number> = {
  // The dev set of reply search: 0.833 after round 6, 0.844 when queries were also read as a customer's message, 0.889
  // once stages were found by their search words (round 10).
  'blind-queries-1.jsonl': 0.87,
  // Sealed in round 6 at 0.643; 0.743 once queries were also read as a customer's message, 0.757 with stage search
  // words (measured, not tuned on).
  'blind-queries-2.jsonl': 0.77,
  // Sealed in round 9, written from the reply list alone: 0.667 before queries were read by the detector, 0.733 after,
  // 0.767 with stage search words (measured, not tuned on).
  'blind-queries-3.jsonl': 0.8,
  // Round 10 dev set, written from the reply list alone: 0.744 at first measurement, 0.811 with stage search words.
  'blind-queries-4.jsonl': 0.82,
};

describe('reply search keeps its top-3 hit rate on every labelled query set', () => {
  const search = createPhraseSearch(mergePacks(DEFAULT_PACKS));
  it.each(Object.entries(SEARCH_FLOORS))('%s: top-3 at least %s', (file, floor) => {
    const result = evaluateSearch(file, readQueries(join(heldOut, file)), search);
    expect(result.hits / result.queries).toBeGreaterThanOrEqual(floor);
  });
});
