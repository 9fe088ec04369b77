// The pack library on fake browser storage: preview, save within the quota, remove and undo, on/off, order, export and restore.
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportAll, importAll } from '../../library/backup.ts';
import { describeLibraryError, describeProblem } from '../../library/errors.ts';
import {
  commitImport,
  exportPack,
  movePack,
  previewImport,
  removePack,
  restorePack,
  setPackEnabled,
} from '../../library/library.ts';
import { loadPackEntries } from '../../utils/packs.ts';
import {
  installedPacksItem,
  packPreferencesItem,
  settingsItem,
  sitePreferencesItem,
  type InstalledPack,
} from '../../utils/storage.ts';

const TEAM = JSON.stringify({
  schemaVersion: 1,
  id: 'team',
  name: 'Team phrases',
  version: '1.0.0',
  locale: 'zh-CN',
  scenarios: [
    {
      id: 'greeting',
      title: '问候',
      replies: [
        { id: 'greeting.here', text: '您好，我在。' },
        { id: 'team.hello', text: '您好，很高兴为您服务。' },
      ],
    },
    { id: 'team_vip', title: '会员', triggers: ['会员'], replies: [{ id: 'team.vip', text: '尊敬的会员您好。' }] },
  ],
  rules: [
    {
      id: 'zh.refusal.wo-bu-neng',
      category: 'refusal',
      severity: 'warning',
      patterns: ['我不能'],
      message: '换个说法',
    },
  ],
});

async function importText(text: string, file = 'team.json') {
  const check = previewImport(text, file, await installedPacksItem.getValue(), await packPreferencesItem.getValue());
  if (!check.ok) throw new Error(JSON.stringify(check.problems));
  const saved = await commitImport(check.preview, { kind: 'file', fileName: file }, 1000);
  if (!saved.ok) throw new Error(describeLibraryError(saved.error, 'en'));
  return saved.value;
}

const packIds = async () => (await loadPackEntries()).map((e) => `${e.pack.id}${e.enabled ? '' : '(off)'}`);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('previewImport', () => {
  it('lists what a pack adds and what it takes over from the built-in packs', () => {
    const check = previewImport(TEAM, 'team.json', []);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const { adds, overrides, replaces } = check.preview;
    expect(replaces).toBeUndefined();
    // Each with what a person reads of it: a scenario's title, a reply's text.
    expect(adds).toContainEqual({ kind: 'scenario', id: 'team_vip', label: '会员' });
    expect(adds).toContainEqual({
      kind: 'reply',
      id: 'team.hello',
      parent: 'greeting',
      label: '您好，很高兴为您服务。',
    });
    expect(adds).toContainEqual({ kind: 'reply', id: 'team.vip', parent: 'team_vip', label: '尊敬的会员您好。' });
    expect(overrides).toContainEqual({
      kind: 'scenario',
      id: 'greeting',
      label: '问候',
      over: ['en', 'zh-TW', 'zh-CN'],
    });
    expect(overrides).toContainEqual({
      kind: 'rule',
      id: 'zh.refusal.wo-bu-neng',
      over: expect.arrayContaining(['zh-CN']),
    });
    expect(overrides.find((o) => o.kind === 'reply' && o.id === 'greeting.here')?.over).toContain('zh-CN');
  });

  it('gives every problem with its line and column, and stores nothing', async () => {
    const broken = '{\n  "schemaVersion": 1,\n  "id": "team",\n  "name": "x"\n  "version": "1"\n}';
    const check = previewImport(broken, 'broken.json', []);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems[0]).toMatchObject({ file: 'broken.json', line: 5, column: 3 });
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('reports shape problems with their field path and place, in YAML and CSV too', () => {
    const yaml =
      'schemaVersion: 1\nid: team\nname: T\nversion: "1"\nlocale: zh-CN\nscenarios:\n  - id: a\n    title: ""\n';
    const y = previewImport(yaml, 'team.yaml', []);
    expect(y.ok).toBe(false);
    if (!y.ok) expect(y.problems.some((p) => p.path === 'scenarios[0].title')).toBe(true);
    const csv = 'kind,id,title,version,locale\nmeta,team,T,1,zh-CN\nbogus,x,y,,\n';
    const c = previewImport(csv, 'team.csv', []);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.problems[0]).toMatchObject({ line: 3 });
  });

  it('refuses the id of a built-in pack and of a policy pack, saying which field to change', () => {
    const builtin = previewImport(TEAM.replace('"id":"team"', '"id":"zh-CN"'), 'a.json', []);
    expect(builtin.ok).toBe(false);
    if (!builtin.ok)
      expect(describeProblem(builtin.problems[0]!, 'en')).toMatchObject({
        path: 'id',
        message: expect.stringContaining('built-in'),
      });
    const policy: InstalledPack = { pack: JSON.parse(TEAM), source: { kind: 'policy' }, addedAt: 1, updatedAt: 1 };
    const locked = previewImport(TEAM, 'a.json', [policy]);
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(describeProblem(locked.problems[0]!, 'en').message).toContain('administrator');
  });

  it('names the installed pack a new version replaces', async () => {
    await importText(TEAM);
    const check = previewImport(TEAM.replace('1.0.0', '1.1.0'), 'team.json', await installedPacksItem.getValue());
    expect(check.ok && check.preview.replaces?.pack.version).toBe('1.0.0');
  });
});

describe('commitImport', () => {
  it('saves the pack after the built-ins and replaces a namesake in place, keeping when it was added', async () => {
    await importText(TEAM);
    expect(await packIds()).toEqual(['en', 'zh-TW', 'zh-CN', 'team']);
    const check = previewImport(TEAM.replace('1.0.0', '2.0.0'), 'team.json', await installedPacksItem.getValue());
    if (!check.ok) throw new Error('expected a valid pack');
    const saved = await commitImport(check.preview, { kind: 'paste' }, 5000);
    expect(saved.ok && saved.value).toMatchObject({ addedAt: 1000, updatedAt: 5000, source: { kind: 'paste' } });
    const installed = await installedPacksItem.getValue();
    expect(installed).toHaveLength(1);
    expect(installed[0]!.pack.version).toBe('2.0.0');
  });

  it('refuses a pack that does not fit in the storage quota, says how much room is left, and changes nothing', async () => {
    // Fill storage to within 200 bytes of the fake browser's 5 MB quota.
    const quota = (browser.storage.local as unknown as { QUOTA_BYTES: number }).QUOTA_BYTES;
    await browser.storage.local.set({ filler: 'x'.repeat(quota - 200 - 'filler'.length - 2) });
    const check = previewImport(TEAM, 'team.json', []);
    if (!check.ok) throw new Error('expected a valid pack');
    const saved = await commitImport(check.preview, { kind: 'file', fileName: 'team.json' });
    expect(saved.ok).toBe(false);
    if (!saved.ok)
      expect(describeLibraryError(saved.error, 'en')).toMatch(
        /needs \d+ bytes but only 200 bytes of browser storage is left/,
      );
    expect(await installedPacksItem.getValue()).toEqual([]);
  });

  it('counts a pack twice: installed, and published again for the tabs among the enabled packs', async () => {
    const quota = (browser.storage.local as unknown as { QUOTA_BYTES: number }).QUOTA_BYTES;
    const check = previewImport(TEAM, 'team.json', []);
    if (!check.ok) throw new Error('expected a valid pack');
    // Room for the pack once, not twice.
    const once = new TextEncoder().encode(JSON.stringify([{ pack: check.preview.pack }])).length + 400;
    await browser.storage.local.set({ filler: 'x'.repeat(quota - once - 'filler'.length - 2) });
    const saved = await commitImport(check.preview, { kind: 'file', fileName: 'team.json' });
    expect(saved.ok).toBe(false);
    expect(await installedPacksItem.getValue()).toEqual([]);
    await browser.storage.local.remove('filler');
    expect((await commitImport(check.preview, { kind: 'file', fileName: 'team.json' })).ok).toBe(true);
  });
});

describe('remove, enable, move', () => {
  it('removes a pack and puts it back with undo, in the same place and state', async () => {
    await importText(TEAM);
    await importText(TEAM.replace('"id":"team"', '"id":"team2"'), 'team2.json');
    await setPackEnabled('team', false);
    await movePack('team', 'up');
    const before = { installed: await installedPacksItem.getValue(), prefs: await packPreferencesItem.getValue() };
    const removed = await removePack('team');
    expect(removed.ok).toBe(true);
    expect(await packIds()).toEqual(['en', 'zh-TW', 'zh-CN', 'team2']);
    if (!removed.ok) return;
    await restorePack(removed.value);
    expect({ installed: await installedPacksItem.getValue(), prefs: await packPreferencesItem.getValue() }).toEqual(
      before,
    );
  });

  it('switches built-ins off but never removes them; policy packs stay on and stay', async () => {
    expect((await setPackEnabled('en', false)).ok).toBe(true);
    expect(await packIds()).toEqual(['en(off)', 'zh-TW', 'zh-CN']);
    const builtin = await removePack('en');
    expect(!builtin.ok && describeLibraryError(builtin.error, 'en')).toContain('built in');
    await installedPacksItem.setValue([
      { pack: JSON.parse(TEAM), source: { kind: 'policy' }, addedAt: 1, updatedAt: 1 },
    ]);
    const off = await setPackEnabled('team', false);
    expect(!off.ok && describeLibraryError(off.error, 'en')).toContain('administrator');
    const gone = await removePack('team');
    expect(!gone.ok && describeLibraryError(gone.error, 'en')).toContain('administrator');
    expect(await packIds()).toContain('team');
  });

  it('moves packs up (wins over more) and down, and does nothing at the ends', async () => {
    await importText(TEAM);
    await movePack('team', 'down');
    expect(await packIds()).toEqual(['en', 'zh-TW', 'team', 'zh-CN']);
    await movePack('en', 'down');
    expect(await packIds()).toEqual(['en', 'zh-TW', 'team', 'zh-CN']);
    await movePack('zh-CN', 'up');
    expect(await packIds()).toEqual(['en', 'zh-TW', 'team', 'zh-CN']);
    await movePack('en', 'up');
    expect(await packIds()).toEqual(['zh-TW', 'en', 'team', 'zh-CN']);
    expect((await movePack('nope', 'up')).ok).toBe(false);
  });
});

describe('export and restore', () => {
  it('exports one pack as JSON that imports again unchanged', async () => {
    const saved = await importText(TEAM);
    const again = previewImport(exportPack(saved.pack), 'team.json', []);
    expect(again.ok && again.preview.pack).toEqual(saved.pack);
  });

  it('restores settings, packs and preferences from one file to the same state', async () => {
    await settingsItem.setValue({
      ...(await settingsItem.getValue()),
      agentName: '小王',
      agentId: '1024',
      uiLanguage: 'zh-TW',
    });
    await importText(TEAM);
    await setPackEnabled('zh-TW', false);
    await movePack('team', 'down');
    await sitePreferencesItem.setValue({
      'support.acme.com': { enabled: true, scheme: 'https' },
      'chat.acme.com:8080': { enabled: true, scheme: 'http', messageListSelector: '#flow', composerSelector: '.ipt' },
      'acme.zendesk.com': { enabled: false },
    });
    const backup = await exportAll(new Date(0));
    const state = await browser.storage.local.get(null);
    fakeBrowser.reset();
    expect(await importAll(backup, 'backup.json')).toEqual({ ok: true });
    expect(await browser.storage.local.get(null)).toEqual(state);
  });

  it('keeps the current sites when a backup made before sites were kept is restored', async () => {
    await sitePreferencesItem.setValue({ 'support.acme.com': { enabled: true } });
    const backup = JSON.parse(await exportAll());
    delete backup.sitePreferences;
    expect(await importAll(JSON.stringify(backup), 'backup.json')).toEqual({ ok: true });
    expect(await sitePreferencesItem.getValue()).toEqual({ 'support.acme.com': { enabled: true } });
  });

  it('changes nothing when any part of a backup is wrong, and says where', async () => {
    await importText(TEAM);
    const state = await browser.storage.local.get(null);
    const backup = JSON.parse(await exportAll());
    backup.installedPacks[0].pack.scenarios[0].replies[0].text = '';
    backup.settings.uiLanguage = 'fr';
    const result = await importAll(JSON.stringify(backup), 'backup.json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const paths = result.problems.map((p) => p.path);
      expect(paths).toContain('settings.uiLanguage');
      expect(paths).toContain('installedPacks[0].pack.scenarios[0].replies[0].text');
    }
    expect(await browser.storage.local.get(null)).toEqual(state);
    const withBadSites = JSON.parse(await exportAll());
    withBadSites.sitePreferences = JSON.parse(
      '{"__proto__": {"enabled": true}, "support.acme.com/path": {"enabled": true}, "ok.acme.com": {"enabled": "yes"},' +
        ` "x.acme.com": {"enabled": true, "scheme": "ftp", "composerSelector": "${'a'.repeat(2001)}"}}`,
    );
    const refused = await importAll(JSON.stringify(withBadSites), 'backup.json');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.problems.map((p) => p.path)).toEqual([
        'sitePreferences["__proto__"]',
        'sitePreferences["support.acme.com/path"]',
        'sitePreferences["ok.acme.com"]',
        'sitePreferences["x.acme.com"].scheme',
        'sitePreferences["x.acme.com"].composerSelector',
      ]);
    }
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
    expect(await browser.storage.local.get(null)).toEqual(state);
    const notJson = await importAll('{', 'backup.json');
    expect(!notJson.ok && describeProblem(notJson.problems[0]!, 'en').message).toContain('not valid JSON');
  });
});
