// A restored backup is the agent's own file, not the administrator's: it cannot forge policy packs, lock settings, or grow without bound.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportAll, importAll } from '../../library/backup.ts';
import { describeProblem } from '../../library/errors.ts';
import { commitImport, previewImport, setPackEnabled } from '../../library/library.ts';
import { applyManagedPolicy, policyStatusItem } from '../../library/policy.ts';
import { loadPackEntries } from '../../utils/packs.ts';
import { installedPacksItem, packPreferencesItem, settingsItem } from '../../utils/storage.ts';

const packJson = (id: string, reply = '您好，我在。') => ({
  schemaVersion: 1,
  id,
  name: `Pack ${id}`,
  version: '1.0.0',
  locale: 'zh-CN',
  scenarios: [{ id: `${id}_scope`, title: '问候', triggers: ['在吗'], replies: [{ id: `${id}.hello`, text: reply }] }],
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a backup file as a person could edit it, any shape
async function backupWith(change: (backup: Record<string, any>) => void): Promise<string> {
  const backup = JSON.parse(await exportAll(new Date(0)));
  change(backup);
  return JSON.stringify(backup);
}

const problemPaths = (result: Awaited<ReturnType<typeof importAll>>) =>
  result.ok ? [] : result.problems.map((p) => p.path);

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('restoring a backup and the administrator’s policy', () => {
  it('never makes a pack a policy pack: a forged "policy" source is left out, nothing is locked', async () => {
    const text = await backupWith((b) => {
      b.installedPacks = [
        { pack: packJson('forged'), source: { kind: 'policy' }, addedAt: 1, updatedAt: 1 },
        { pack: packJson('mine'), source: { kind: 'file', fileName: 'mine.json' }, addedAt: 1, updatedAt: 1 },
      ];
    });
    expect(await importAll(text, 'backup.json')).toEqual({ ok: true });
    const installed = await installedPacksItem.getValue();
    expect(installed.map((i) => [i.pack.id, i.source.kind])).toEqual([['mine', 'file']]);
    expect(installed.some((i) => i.source.kind === 'policy')).toBe(false);
  });

  it('keeps the administrator’s packs and locked settings as the policy set them', async () => {
    await applyManagedPolicy(
      { packs: [JSON.stringify(packJson('acme-policy'))], settings: { company: 'ACME', uiLanguage: 'zh-CN' } },
      {},
      10,
    );
    const text = await backupWith((b) => {
      b.installedPacks = [
        {
          pack: packJson('acme-policy', '被替换了'),
          source: { kind: 'file', fileName: 'x.json' },
          addedAt: 1,
          updatedAt: 1,
        },
      ];
      b.packPreferences = { order: [], disabled: ['acme-policy'] };
      b.settings = { ...b.settings, company: 'Evil Corp', uiLanguage: 'en', agentName: '小王' };
    });
    expect(await importAll(text, 'backup.json')).toEqual({ ok: true });
    const installed = await installedPacksItem.getValue();
    expect(installed.map((i) => [i.pack.id, i.source.kind])).toEqual([['acme-policy', 'policy']]);
    expect(installed[0]!.pack.scenarios![0]!.replies![0]!.text).toBe('您好，我在。');
    const settings = await settingsItem.getValue();
    expect(settings).toMatchObject({ company: 'ACME', uiLanguage: 'zh-CN', agentName: '小王' });
    expect((await loadPackEntries()).find((e) => e.pack.id === 'acme-policy')?.enabled).toBe(true);
    expect((await packPreferencesItem.getValue()).disabled).not.toContain('acme-policy');
    expect((await policyStatusItem.getValue()).lockedSettings).toEqual(['company', 'uiLanguage']);
  });

  it('does not write the administrator’s packs into a backup', async () => {
    await applyManagedPolicy({ packs: [JSON.stringify(packJson('acme-policy'))] }, {}, 10);
    const backup = JSON.parse(await exportAll());
    expect(backup.installedPacks).toEqual([]);
  });
});

describe('every restored field is bounded', () => {
  it('restores the guard before sending’s mode, and refuses one it does not know', async () => {
    await settingsItem.setValue({ ...(await settingsItem.getValue()), sendGuard: 'block' });
    const good = await exportAll(new Date(0));
    await settingsItem.setValue({ ...(await settingsItem.getValue()), sendGuard: 'off' });
    expect((await importAll(good, 'backup.json')).ok).toBe(true);
    expect((await settingsItem.getValue()).sendGuard).toBe('block');
    const bad = await importAll(await backupWith((b) => (b.settings.sendGuard = 'always')), 'backup.json');
    expect(problemPaths(bad)).toEqual(['settings.sendGuard']);
    if (!bad.ok) expect(describeProblem(bad.problems[0]!, 'en').message).toContain('off, confirm, block');
  });

  it('refuses over-long settings, with the field and the limit', async () => {
    const text = await backupWith((b) => {
      b.settings.agentName = 'x'.repeat(3 * 1024 * 1024);
      b.settings.company = 'y'.repeat(201);
      b.settings.expansionTrigger = ';'.repeat(9);
      b.settings.customVariables = { ok: 'z'.repeat(201), 'not a name': 'v' };
    });
    const state = await browser.storage.local.get(null);
    const result = await importAll(text, 'backup.json');
    expect(problemPaths(result)).toEqual([
      'settings.agentName',
      'settings.company',
      'settings.expansionTrigger',
      'settings.customVariables["ok"]',
      'settings.customVariables["not a name"]',
    ]);
    if (!result.ok) expect(describeProblem(result.problems[0]!, 'en').message).toContain('200');
    expect(await browser.storage.local.get(null)).toEqual(state);
  });

  it('refuses too many custom variables, packs, preference ids and sites', async () => {
    const text = await backupWith((b) => {
      b.settings.customVariables = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`v${i}`, 'x']));
      b.installedPacks = Array.from({ length: 201 }, (_, i) => ({
        pack: packJson(`p${i}`),
        source: { kind: 'paste' },
        addedAt: 1,
        updatedAt: 1,
      }));
      b.packPreferences = { order: Array.from({ length: 1001 }, (_, i) => `p${i}`), disabled: ['x'.repeat(201)] };
      b.sitePreferences = Object.fromEntries(
        Array.from({ length: 1001 }, (_, i) => [`s${i}.example.com`, { enabled: true }]),
      );
    });
    expect(problemPaths(await importAll(text, 'backup.json'))).toEqual([
      'settings.customVariables',
      'installedPacks',
      'packPreferences.order',
      'packPreferences.disabled[0]',
      'sitePreferences',
    ]);
  });

  it('rebuilds each pack source field by field, refusing what an export never writes', async () => {
    const text = await backupWith((b) => {
      const base = { pack: packJson('a'), addedAt: 1, updatedAt: 1 };
      b.installedPacks = [
        { ...base, source: { kind: 'file', fileName: 'f'.repeat(256) } },
        { ...base, pack: packJson('b'), source: { kind: 'url', url: 'javascript:alert(1)' } },
        {
          ...base,
          pack: packJson('c'),
          source: { kind: 'url', url: 'https://cs.example.com/p.json', etag: 'e'.repeat(1025) },
        },
        { ...base, pack: packJson('d'), source: { kind: 'builtin' } },
        { ...base, pack: packJson('e'), source: { kind: 'paste' }, addedAt: Number.MAX_VALUE * 2 },
      ];
    });
    expect(problemPaths(await importAll(text, 'backup.json'))).toEqual([
      'installedPacks[0].source.fileName',
      'installedPacks[1].source.url',
      'installedPacks[2].source.etag',
      'installedPacks[3].source.kind',
      'installedPacks[4].addedAt',
    ]);
    const extra = await backupWith((b) => {
      b.installedPacks = [
        { pack: packJson('a'), source: { kind: 'paste', secret: 'x'.repeat(100) }, addedAt: 1, updatedAt: 1 },
        {
          pack: packJson('b'),
          source: { kind: 'url', url: 'https://cs.example.com/b.json', lastError: 'e'.repeat(5000), kind2: 'policy' },
          addedAt: 1,
          updatedAt: 1,
        },
      ];
    });
    expect(await importAll(extra, 'backup.json')).toEqual({ ok: true });
    const [paste, url] = await installedPacksItem.getValue();
    expect(paste!.source).toEqual({ kind: 'paste' });
    expect(url!.source).toEqual({ kind: 'url', url: 'https://cs.example.com/b.json', lastError: 'e'.repeat(4000) });
  });

  it('counts everything a restore writes against the storage quota, not only the packs', async () => {
    const quota = (browser.storage.local as unknown as { QUOTA_BYTES: number }).QUOTA_BYTES;
    await browser.storage.local.set({ filler: 'x'.repeat(quota - 2000) });
    const text = await backupWith((b) => {
      b.sitePreferences = Object.fromEntries(
        Array.from({ length: 200 }, (_, i) => [`s${i}.example.com`, { enabled: true, messageListSelector: '#flow' }]),
      );
    });
    const result = await importAll(text, 'backup.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describeProblem(result.problems[0]!, 'en').message).toMatch(/browser storage/);
  });
});

describe('writers of the installed packs at the same time', () => {
  async function preview(id: string) {
    const check = previewImport(JSON.stringify(packJson(id)), `${id}.json`, await installedPacksItem.getValue());
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
    return check.preview;
  }

  it('keeps both packs when two are saved at once', async () => {
    const [a, b] = [await preview('a'), await preview('b')];
    const saved = await Promise.all([commitImport(a, { kind: 'paste' }), commitImport(b, { kind: 'paste' })]);
    expect(saved.every((s) => s.ok)).toBe(true);
    expect((await installedPacksItem.getValue()).map((i) => i.pack.id).sort()).toEqual(['a', 'b']);
  });

  it('keeps the agent’s new pack when a policy sync runs at the same moment, and the policy pack too', async () => {
    const mine = await preview('mine');
    await Promise.all([
      applyManagedPolicy({ packs: [JSON.stringify(packJson('acme-policy'))] }, {}, 10),
      commitImport(mine, { kind: 'paste' }),
    ]);
    expect((await installedPacksItem.getValue()).map((i) => i.pack.id).sort()).toEqual(['acme-policy', 'mine']);
  });

  it('keeps both changes when a restore and a policy sync run at once', async () => {
    const text = await backupWith((b) => {
      b.installedPacks = [{ pack: packJson('restored'), source: { kind: 'paste' }, addedAt: 1, updatedAt: 1 }];
    });
    await Promise.all([
      importAll(text, 'backup.json'),
      applyManagedPolicy({ packs: [JSON.stringify(packJson('acme-policy'))] }, {}, 10),
    ]);
    expect((await installedPacksItem.getValue()).map((i) => i.pack.id).sort()).toEqual(['acme-policy', 'restored']);
  });

  it('takes the browser’s lock, which the options page and the background share, around every change', async () => {
    const requested: string[] = [];
    let tail: Promise<unknown> = Promise.resolve();
    // One lock manager for the whole origin, as navigator.locks is for an extension's pages and its worker.
    const locks = {
      request<T>(name: string, callback: () => Promise<T>): Promise<T> {
        requested.push(name);
        const run = tail.then(() => callback());
        tail = run.catch(() => undefined);
        return run;
      },
    };
    vi.stubGlobal('navigator', { locks });
    const [a, b] = [await preview('a'), await preview('b')];
    await Promise.all([
      commitImport(a, { kind: 'paste' }),
      applyManagedPolicy({ packs: [JSON.stringify(packJson('acme-policy'))] }, {}, 10),
      commitImport(b, { kind: 'paste' }),
    ]);
    expect((await installedPacksItem.getValue()).map((i) => i.pack.id).sort()).toEqual(['a', 'acme-policy', 'b']);
    expect(requested.length).toBeGreaterThanOrEqual(3);
    expect(new Set(requested).size).toBe(1);
  });

  it('does not let the agent save a pack as a policy pack', async () => {
    // A caller that gets round the type (the source comes from a message or a file) is refused all the same.
    const result = await commitImport(await preview('sneaky'), { kind: 'policy' } as unknown as Parameters<
      typeof commitImport
    >[1]);
    expect(result.ok).toBe(false);
    expect(await installedPacksItem.getValue()).toEqual([]);
    expect((await setPackEnabled('sneaky', false)).ok).toBe(false);
  });
});
