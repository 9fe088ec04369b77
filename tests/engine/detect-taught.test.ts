// What agents teach reaches detection: a scenario's counter-examples take it away, messages that need no scenario get none.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { createEngine, type Pack } from '../../engine/index.ts';

const message = '你们这个快递到底什么时候能到我家楼下';

function taught(extra: Partial<Pack>): Pack {
  return { schemaVersion: 2, id: 'taught', name: 'taught', version: '1', locale: 'zh-CN', ...extra };
}

describe('taught examples in detection', () => {
  it('detects the message as a shipping question without teaching', () => {
    expect(createEngine(DEFAULT_PACKS).detect(message).scenarios[0]?.id).toBe('shipping_delay');
  });

  it('drops a scenario for a message close to one of its counter-examples', () => {
    const pack = taught({ scenarios: [{ id: 'shipping_delay', title: '物流', counterExamples: [message] }] });
    const found = createEngine([...DEFAULT_PACKS, pack])
      .detect(message)
      .scenarios.map((s) => s.id);
    expect(found).not.toContain('shipping_delay');
  });

  it('abstains on a message close to one that needs no scenario', () => {
    const pack = taught({ noScenarioExamples: [message] });
    expect(createEngine([...DEFAULT_PACKS, pack]).detect(message).scenarios).toEqual([]);
  });

  it('leaves unrelated messages alone', () => {
    const pack = taught({
      noScenarioExamples: [message],
      scenarios: [{ id: 'shipping_delay', title: '物流', counterExamples: [message] }],
    });
    expect(createEngine([...DEFAULT_PACKS, pack]).detect('我要退款，东西坏了').scenarios[0]?.id).toBe('return_refund');
  });
});
