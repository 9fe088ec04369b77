// Managed policy: packs (inline, JSON text, or by URL from a real local server) and settings pushed by an administrator.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { removePack, setPackEnabled } from '../../library/library.ts';
import { applyManagedPolicy, policyStatusItem } from '../../library/policy.ts';
import { installedPacksItem, settingsItem } from '../../utils/storage.ts';

const pack = (id: string, version = '1.0.0') => ({
  schemaVersion: 1,
  id,
  name: `Pack ${id}`,
  version,
  locale: 'zh-CN',
  scenarios: [
    { id: `${id}_scope`, title: '团队', triggers: ['团队卡'], replies: [{ id: `${id}.hi`, text: '您好。' }] },
  ],
});

let server: Server;
let origin: string;
let published = JSON.stringify(pack('remote'));

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/remote.json')
      return void response.writeHead(200, { 'Content-Type': 'application/json' }).end(published);
    response.writeHead(404).end('no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  fakeBrowser.reset();
  published = JSON.stringify(pack('remote'));
});

const installedIds = async () => (await installedPacksItem.getValue()).map((i) => `${i.pack.id}:${i.source.kind}`);

describe('applyManagedPolicy', () => {
  it('installs inline, JSON-text and URL packs as policy packs, and sets the policy settings', async () => {
    const status = await applyManagedPolicy({
      packs: [pack('inline'), JSON.stringify(pack('text')), `${origin}/remote.json`],
      settings: { company: 'ACME', uiLanguage: 'zh-TW', customVariables: { hotline: '400-800-1234' } },
    });
    expect(status.problems).toEqual([]);
    expect(await installedIds()).toEqual(['inline:policy', 'text:policy', 'remote:policy']);
    expect((await installedPacksItem.getValue())[2]!.source).toEqual({ kind: 'policy', url: `${origin}/remote.json` });
    const settings = await settingsItem.getValue();
    expect(settings.company).toBe('ACME');
    expect(settings.uiLanguage).toBe('zh-TW');
    expect(settings.customVariables).toEqual({ hotline: '400-800-1234' });
    expect(status.lockedSettings.sort()).toEqual(['company', 'customVariables', 'uiLanguage']);
  });

  it('locks policy packs: the agent can neither remove nor switch them off', async () => {
    await applyManagedPolicy({ packs: [pack('inline')] });
    expect((await removePack('inline')).ok).toBe(false);
    expect((await setPackEnabled('inline', false)).ok).toBe(false);
  });

  it('keeps the last good version when a pack fails, names the place, and removes nothing', async () => {
    await applyManagedPolicy({ packs: [pack('inline'), { url: `${origin}/remote.json` }] });
    const status = await applyManagedPolicy({
      packs: [{ ...pack('inline'), version: 5 }, { url: `${origin}/gone.json` }],
    });
    expect(status.problems.join('\n')).toMatch(/policy packs\[0\]:1:\d+ version: /u);
    expect(status.problems.join('\n')).toMatch(/policy packs\[1\] \(http:\/\/127\.0\.0\.1:\d+\/gone\.json\): .*404/u);
    expect(await installedIds()).toEqual(['inline:policy', 'remote:policy']);
    expect((await policyStatusItem.getValue()).problems).toHaveLength(2);
  });

  it('removes a policy pack once the whole policy loads without it, and leaves the agent’s own packs alone', async () => {
    await installedPacksItem.setValue([
      { pack: pack('mine') as never, source: { kind: 'paste' }, addedAt: 1, updatedAt: 1 },
    ]);
    await applyManagedPolicy({ packs: [pack('inline'), pack('other')] });
    await applyManagedPolicy({ packs: [pack('other')] });
    expect(await installedIds()).toEqual(['mine:paste', 'other:policy']);
    await applyManagedPolicy({});
    expect(await installedIds()).toEqual(['mine:paste']);
  });

  it('says what is wrong with a malformed policy instead of failing', async () => {
    const status = await applyManagedPolicy({
      packs: [42, { url: 'http://example.com/x.json', extra: 1 }],
      settings: { company: 5, colour: 'red', uiLanguage: 'fr' },
    });
    expect(status.problems).toHaveLength(5);
    expect(status.problems.join('\n')).toMatch(/policy packs\[0\]: expected a pack/u);
    expect(status.problems.join('\n')).toMatch(/policy settings\.colour: unknown setting/u);
    expect((await applyManagedPolicy({ packs: 'nope' })).problems).toEqual(['policy packs: expected a list']);
    expect((await settingsItem.getValue()).company).toBe('');
  });

  it('refuses a pack with the id kept for the agent’s own replies, naming its place', async () => {
    const status = await applyManagedPolicy({ packs: [pack('my-replies.zh-CN'), pack('team')] });
    expect(status.problems).toEqual([
      expect.stringMatching(/^policy packs\[0\]: the pack id "my-replies.zh-CN" is kept/u),
    ]);
    expect(await installedIds()).toEqual(['team:policy']);
  });

  it('writes its problems in the language it is given, the pack problems and download reasons within them too', async () => {
    const status = await applyManagedPolicy(
      { packs: [{ ...pack('inline'), version: 5 }, { url: `${origin}/gone.json` }], settings: { colour: 'red' } },
      { locale: 'zh-CN' },
    );
    expect(status.problems[0]).toMatch(/^policy packs\[0\]:1:\d+ version：应为 /u);
    expect(status.problems[1]).toMatch(/^policy packs\[1\]（http:\/\/127\.0\.0\.1:\d+\/gone\.json）：服务器返回 404/u);
    expect(status.problems[2]).toMatch(/^policy settings\.colour：没有这项设置/u);
    expect((await policyStatusItem.getValue()).problems).toEqual(status.problems);
  });
});

describe('the guard before sending, set by policy', () => {
  it('sets and locks the mode the policy names', async () => {
    const status = await applyManagedPolicy({ settings: { sendGuard: 'block' } });
    expect(status.problems).toEqual([]);
    expect(status.lockedSettings).toEqual(['sendGuard']);
    expect((await settingsItem.getValue()).sendGuard).toBe('block');
  });

  it('refuses a mode it does not know, naming the modes, and keeps the agent’s', async () => {
    await settingsItem.setValue({ ...(await settingsItem.getValue()), sendGuard: 'off' });
    const status = await applyManagedPolicy({ settings: { sendGuard: 'strict' } });
    expect(status.problems).toEqual(['policy settings.sendGuard: expected one of off, confirm, block']);
    expect(status.lockedSettings).toEqual([]);
    expect((await settingsItem.getValue()).sendGuard).toBe('off');
  });
});

describe('the README policy examples', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Policy'), readme.indexOf('\n## ', readme.indexOf('## Policy') + 5));
  const blocks = [...section.matchAll(/```json\n([\s\S]*?)```/gu)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );
  const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as {
    properties: Record<string, { properties?: Record<string, unknown> }>;
  };

  it('has a Chrome and a Firefox example, whose policy object the reader accepts and the schema describes', async () => {
    // Chrome validates policy against the schema: its packs are strings (addresses or JSON text).
    expect(schema.properties.packs).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(blocks).toHaveLength(2);
    const chrome = (blocks[0]!['3rdparty'] as { extensions: Record<string, unknown> }).extensions;
    const firefox = (
      (blocks[1]!.policies as Record<string, unknown>)['3rdparty'] as { Extensions: Record<string, unknown> }
    ).Extensions;
    expect(Object.keys(firefox)).toEqual(['huashu@huashu.extension']);
    for (const policy of [...Object.values(chrome), ...Object.values(firefox)] as Record<string, unknown>[]) {
      for (const key of Object.keys(policy)) expect(Object.keys(schema.properties)).toContain(key);
      for (const key of Object.keys((policy.settings as object) ?? {}))
        expect(Object.keys(schema.properties.settings!.properties!)).toContain(key);
      const isAddress = (p: unknown) =>
        (typeof p === 'string' && p.startsWith('https://')) || (typeof p === 'object' && p !== null && 'url' in p);
      const withoutUrls = { ...policy, packs: (policy.packs as unknown[]).filter((p) => !isAddress(p)) };
      expect((await applyManagedPolicy(withoutUrls)).problems).toEqual([]);
    }
  });
});
