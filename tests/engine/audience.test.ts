// Whom packs, scenarios and replies are for: the agent's level and team, and the page's site, cut the packs; an empty setting cuts nothing.
import { describe, expect, it } from 'vitest';
import { audienceNames, packsForAgent } from '../../engine/audience.ts';
import { parsePack } from '../../engine/pack-load.ts';
import type { Pack } from '../../engine/types.ts';

const PACK: Pack = {
  schemaVersion: 2,
  id: 'team',
  name: 'Team',
  version: '1',
  locale: 'zh-CN',
  scenarios: [
    {
      id: 'complaint',
      title: '投诉',
      replies: [
        { id: 'complaint.basic', text: '非常抱歉给您添麻烦了。' },
        { id: 'complaint.case', text: '按投诉案例库第 3 条处理。', audience: { levels: ['专家'] } },
        { id: 'complaint.vip', text: 'VIP 专线为您处理。', audience: { teams: ['VIP组'], sites: ['*.zendesk.com'] } },
      ],
    },
    {
      id: 'invoice',
      title: '发票',
      replies: [{ id: 'invoice.b2b', text: '专票请填写税号。' }],
      audience: { teams: ['企业组'] },
    },
  ],
};
const ids = (packs: Pack[]) =>
  packs.flatMap((p) => (p.scenarios ?? []).flatMap((s) => (s.replies ?? []).map((r) => r.id)));

describe('packs for an agent', () => {
  it('shows everything to an agent without level or team, anywhere', () => {
    expect(ids(packsForAgent([PACK], {}))).toEqual([
      'complaint.basic',
      'complaint.case',
      'complaint.vip',
      'invoice.b2b',
    ]);
  });

  it('leaves out the replies and scenarios of other levels, teams and sites', () => {
    expect(ids(packsForAgent([PACK], { level: '初级', team: '售后组', site: 'chat.example.com' }))).toEqual([
      'complaint.basic',
    ]);
    expect(ids(packsForAgent([PACK], { level: '专家', team: 'vip组', site: 'acme.zendesk.com' }))).toEqual([
      'complaint.basic',
      'complaint.case',
      'complaint.vip',
    ]);
  });

  it('leaves out a whole pack for another team, and lists the names packs use for the settings', () => {
    const teamPack: Pack = { ...PACK, id: 'b2b', audience: { teams: ['企业组'] } };
    expect(packsForAgent([teamPack], { team: '售后组' })).toEqual([]);
    expect(audienceNames([PACK])).toEqual({ levels: ['专家'], teams: ['VIP组', '企业组'] });
  });

  it('refuses a site that is not a host name, at its place', () => {
    const bad = { ...PACK, audience: { sites: ['https://acme.zendesk.com/agent'] } };
    const parsed = parsePack(JSON.stringify(bad), 'team.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toEqual(['audience.sites[0]']);
  });
});
