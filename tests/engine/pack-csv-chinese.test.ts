// CSV packs written in Chinese: column headers and row kinds in simplified or traditional Chinese read as their English names.
import { describe, expect, it } from 'vitest';
import { parseCsvPack } from '../../engine/pack-convert.ts';

describe('a CSV pack with Chinese headers', () => {
  it('reads 类型, 编号, 所属, 标题, 回复 and the kinds 话术包, 场景, 回复, 规则', () => {
    const csv = [
      '类型,编号,所属,标题,回复,触发词,类别,级别,短语,说明,版本,语言',
      '话术包,acme-cn,,ACME 话术,,,,,,,1.0.0,zh-CN',
      '场景,vip,,会员,,会员卡|积分,,,,,,',
      '回复,vip.points,vip,积分说明,您好，积分可以在会员中心查看。,,,,,,,',
      '规则,acme.no-excuse,,,,,shirking,warning,不归我管,请换个说法。,,',
    ].join('\n');
    const parsed = parseCsvPack(csv, 'acme.csv');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.pack.id).toBe('acme-cn');
    expect(parsed.pack.scenarios?.[0]).toMatchObject({ id: 'vip', title: '会员', triggers: ['会员卡', '积分'] });
    expect(parsed.pack.scenarios?.[0]?.replies?.[0]).toMatchObject({
      id: 'vip.points',
      text: '您好，积分可以在会员中心查看。',
    });
    expect(parsed.pack.rules?.[0]).toMatchObject({
      id: 'acme.no-excuse',
      category: 'shirking',
      patterns: ['不归我管'],
    });
  });

  it('reads the traditional headers, and still names a column it does not know', () => {
    const ok = parseCsvPack(['類型,編號,標題,版本,語言', '話術包,acme-tw,ACME 話術,1,zh-TW'].join('\n'), 'acme-tw.csv');
    expect(ok.ok).toBe(true);
    const bad = parseCsvPack(['类型,编号,备注', '话术包,x,hi'].join('\n'), 'bad.csv');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]?.message).toContain('备注');
  });
});
