// huashu audit end to end on small exports: the four shapes, bad lines and --strict, --json, --html, and the locale.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../cli/audit/report.ts';
import { buildCli, root } from './build-cli.ts';

const fixtures = join(root, 'tests/cli/fixtures/audit');
const tmp = mkdtempSync(join(tmpdir(), 'huashu-audit-'));

function huashu(
  args: string[],
  env: Record<string, string> = {},
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'bin/huashu.mjs'), ...args], {
    encoding: 'utf8',
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function auditJson(file: string, ...more: string[]): AuditReport {
  const { code, stdout, stderr } = huashu(['audit', '--jobs', '1', '--json', join(fixtures, file), ...more]);
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as AuditReport;
}

beforeAll(buildCli);

describe('huashu audit reads each export shape', () => {
  it('the JSONL layout: findings of agents, scenarios of customers, response times', () => {
    const report = auditJson('layout.jsonl');
    expect(report.conversations).toBe(2);
    expect(report.messages).toEqual({ customer: 3, agent: 3, system: 0, note: 1, total: 7 });
    const wang = report.agents.find((a) => a.agent === '小王')!;
    expect(wang.replies).toBe(2);
    expect(wang.categories).toEqual({ refusal: 1, shirking: 1 });
    // First reply a minute after the refund request; the second reply two minutes after the complaint.
    expect(wang.firstReply.medianSeconds).toBe(60);
    expect(wang.reply.count).toBe(2);
    const amy = report.agents.find((a) => a.agent === 'Amy')!;
    expect(amy.findings).toEqual({ error: 0, warning: 0, info: 0 });
    expect(amy.firstReply.medianSeconds).toBe(30);
    expect(report.scenarios.map((s) => s.scenario).sort()).toEqual(['complaint', 'return_refund', 'shipping_delay']);
    // The note "客户情绪激动" is nobody's reply: it is counted, never linted.
    expect(report.categories.map((c) => c.category).sort()).toEqual(['refusal', 'shirking']);
  });

  it('scores each conversation on the packs’ checklist, with the export’s own times, for each agent who replied', () => {
    const report = auditJson('layout.jsonl');
    // 小王: no greeting (−10), no apology after the complaint (−15), forbidden phrases sent (−20), the first reply after
    // 60 s (−10) and the second after 120 s (−10). Amy: no greeting (−10), answered in 30 s.
    expect(report.agents.find((a) => a.agent === '小王')!.checklist).toEqual({
      conversations: 1,
      meanScore: 35,
      passedShare: 0,
    });
    expect(report.agents.find((a) => a.agent === 'Amy')!.checklist).toEqual({
      conversations: 1,
      meanScore: 90,
      passedShare: 1,
    });
    const table = huashu(['audit', '--jobs', '1', join(fixtures, 'layout.jsonl')]).stdout;
    expect(table).toContain('checklist (mean)');
  });

  it('CSV through the streaming parser, a quoted line break kept in its field and bad rows named by line', () => {
    const { code, stdout, stderr } = huashu(['audit', '--jobs', '1', '--json', join(fixtures, 'layout.csv')]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as AuditReport;
    expect(report.messages.total).toBe(4);
    expect(report.badLines).toBe(1);
    expect(report.scenarios.map((s) => s.scenario)).toContain('shipping_delay');
    // The header is line 1 and the quoted "where is\nmy package??" spans lines 4 and 5: the bad row is on line 7.
    expect(stderr).toContain('layout.csv:7: time "not a time" is not an ISO 8601 date and time');
  });

  it('a Zendesk ticket export: requester comments are the customer, private comments notes', () => {
    const report = auditJson('zendesk.json');
    expect(report.messages).toMatchObject({ customer: 1, agent: 1, note: 1 });
    expect(report.agents.map((a) => a.agent)).toEqual(['235323']);
    expect(report.agents[0]!.categories).toEqual({ refusal: 1 });
    expect(report.agents[0]!.firstReply.medianSeconds).toBe(120);
    expect(report.scenarios[0]!.scenario).toBe('return_refund');
  });

  it('Chatwoot messages: message_type 0/1/2 and private notes, Unix-second times', () => {
    const report = auditJson('chatwoot.jsonl');
    expect(report.messages).toEqual({ customer: 1, agent: 1, system: 1, note: 1, total: 4 });
    expect(report.agents[0]).toMatchObject({ agent: 'Amy', replies: 1, categories: { refusal: 1, shirking: 1 } });
    expect(report.agents[0]!.firstReply.medianSeconds).toBe(60);
  });
});

describe('huashu audit bad lines, --strict and exit codes', () => {
  it('names each bad line with file:line, skips it and counts it', () => {
    const { code, stdout, stderr } = huashu(['audit', '--jobs', '1', join(fixtures, 'bad-lines.jsonl')]);
    expect(code).toBe(0);
    const file = join(fixtures, 'bad-lines.jsonl');
    expect(stderr).toContain(`${file}:2: not a JSON object; skipped.`);
    expect(stderr).toContain(`${file}:3: role "boss" is none of customer, agent, system, note; skipped.`);
    expect(stderr).toContain(`${file}:4: time "June 11"`);
    expect(stdout).toContain('2 messages');
    expect(stdout).toContain('3 bad lines skipped');
  });

  it('--strict fails on bad lines and on findings, and passes a clean export', () => {
    const bad = huashu(['audit', '--jobs', '1', '--strict', join(fixtures, 'bad-lines.jsonl')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('huashu audit --strict: 3 bad lines, 0 findings');
    expect(huashu(['audit', '--jobs', '1', '--strict', join(fixtures, 'chatwoot.jsonl')]).code).toBe(1);
    const clean = join(tmp, 'clean.jsonl');
    const lines = readFileSync(join(fixtures, 'bad-lines.jsonl'), 'utf8').split('\n');
    writeFileSync(clean, `${lines[0]}\n${lines[4]}\n`);
    expect(huashu(['audit', '--jobs', '1', '--strict', clean]).code).toBe(0);
  });

  it('wrong usage exits 2 with the reason; a missing file exits 1', () => {
    const none = huashu(['audit']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('name at least one exported conversation file');
    const jobs = huashu(['audit', '--jobs', '0', join(fixtures, 'layout.jsonl')]);
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toContain('--jobs takes a whole number from 1 to 16');
    const missing = huashu(['audit', join(tmp, 'nope.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.jsonl: no such file');
  });

  it('worker threads give the same report as one', () => {
    const one = auditJson('layout.jsonl');
    const two = auditJson('layout.jsonl', '--jobs', '2');
    expect(two).toEqual(one);
  });
});

describe('huashu audit --html', () => {
  it('writes a self-contained report with the chart library inlined and each finding in its conversation', () => {
    const out = join(tmp, 'report.html');
    const { code, stderr } = huashu(['audit', '--jobs', '1', '--html', out, join(fixtures, 'layout.jsonl')]);
    expect(code).toBe(0);
    expect(stderr).toContain(`wrote ${out}`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/[^"'\s]*\.(?:js|css)/u);
    expect(html).toContain('echarts.init');
    expect(html).toMatch(/id="chart-findings"/u);
    expect(html).toMatch(/id="chart-checklist"/u);
    expect(html.match(/<details class="finding/gu)).toHaveLength(2);
    expect(html).toContain('<mark>我不能</mark>');
  });

  it('escapes a <script> in a message: it is shown as text, never run', () => {
    const out = join(tmp, 'escaped.html');
    huashu(['audit', '--jobs', '1', '--html', out, join(fixtures, 'layout.jsonl')]);
    const html = readFileSync(out, 'utf8');
    // The customer's message is the context of the second finding.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 你们这服务太差了');
    expect(html).not.toContain('<script>alert(1)');
    const scripts = html.match(/<script\b/gu) ?? [];
    expect(scripts).toHaveLength(3);
  });
});

describe('huashu audit speaks the locale', () => {
  it('zh_CN and zh_TW from LANG, LC_ALL first', () => {
    const file = join(fixtures, 'bad-lines.jsonl');
    expect(huashu(['audit', '--jobs', '1', file], { LANG: 'zh_CN.UTF-8' }).stderr).toContain(
      '不是 JSON 对象；已跳过。',
    );
    expect(huashu(['audit', '--jobs', '1', file], { LANG: 'zh_HK.UTF-8' }).stderr).toContain(
      '不是 JSON 物件；已略過。',
    );
    expect(huashu(['audit', '--jobs', '1', file], { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' }).stderr).toContain(
      'not a JSON object; skipped.',
    );
  });
});
