// The huashu command end to end: JSON Lines in and out, pack validation and conversion, clear errors and exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'huashu-cli-'));

function huashu(args: string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'bin/huashu.mjs'), ...args], { input, encoding: 'utf8', cwd: root });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('huashu detect', () => {
  it('writes exactly one JSON line per input line, in order, empty lines included', () => {
    const { code, stdout } = huashu(['detect'], '我要退款\n\n{"text":"where is my package??"}\nDD202406118823\n');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { text: string; scenarios: Array<{ id: string }>; emotion: string; sensitive: unknown[] });
    expect(lines.map((l) => l.text)).toEqual(['我要退款', '', 'where is my package??', 'DD202406118823']);
    expect(lines[0]!.scenarios[0]!.id).toBe('return_refund');
    expect(lines[1]!.scenarios).toEqual([]);
    expect(lines[2]!.scenarios[0]!.id).toBe('shipping_delay');
    expect(lines[3]!.scenarios).toEqual([]);
    expect(Object.keys(lines[0]!)).toEqual(['text', 'scenarios', 'emotion', 'sensitive']);
  });

  it('reports sensitive spans and honours --top', () => {
    const { stdout } = huashu(['detect', '--top', '1'], '这破东西用了两天就坏了,必须给我退款!!! 电话13800138000\n');
    const line = JSON.parse(stdout) as { scenarios: unknown[]; sensitive: Array<{ kind: string }>; emotion: string };
    expect(line.scenarios).toHaveLength(1);
    expect(line.sensitive.map((s) => s.kind)).toEqual(['phone']);
    expect(line.emotion).toBe('angry');
  });
});

describe('huashu lint', () => {
  it('finds forbidden phrases with spans in the original text', () => {
    const { code, stdout } = huashu(['lint'], '抱歉,我 不 能 直接退款\n好的,马上为您处理\n');
    expect(code).toBe(0);
    const [first, second] = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { findings: Array<Record<string, unknown>> });
    expect(first!.findings[0]).toMatchObject({ category: 'refusal', start: 3, end: 8, match: '我 不 能' });
    expect(second!.findings).toEqual([]);
  });

  it('uses only the packs given with --pack', () => {
    const pack = join(tmp, 'only.json');
    writeFileSync(
      pack,
      JSON.stringify({
        schemaVersion: 1,
        id: 'only',
        name: 'Only',
        version: '1',
        locale: 'en',
        rules: [{ id: 'x.nope', category: 'refusal', severity: 'warning', patterns: ['nope'], message: 'say it kindly' }],
      }),
    );
    const { stdout } = huashu(['lint', '--pack', pack], 'nope, I cannot\n');
    expect((JSON.parse(stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId)).toEqual(['x.nope']);
  });
});

describe('huashu pack', () => {
  it('validates the shipped packs and the CSV template', () => {
    const { code, stdout } = huashu(['pack', 'validate', 'data/packs/zh-CN.json', 'data/templates/pack.csv']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ok data\/packs\/zh-CN\.json \(24 scenarios, \d+ replies, \d+ rules\)$/m);
    expect(stdout).toMatch(/^ok data\/templates\/pack\.csv \(1 scenarios, 2 replies, 1 rules\)$/m);
  });

  it('lists every problem of a broken pack with its place, and exits 1', () => {
    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, '{\n  "schemaVersion": 1,\n  "id": "t",\n  "name": ,\n}');
    const { code, stderr } = huashu(['pack', 'validate', broken]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`${broken}:4:11 JSON syntax: expected a value, found ","`);
  });

  it('says clearly when a file is missing or binary, never with a stack trace', () => {
    const binary = join(tmp, 'garbage.json');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe]));
    const missing = huashu(['pack', 'validate', join(tmp, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json: no such file/);
    const garbage = huashu(['pack', 'validate', binary]);
    expect(garbage.code).toBe(1);
    expect(garbage.stderr).toMatch(/binary data or is not UTF-8/);
    expect(missing.stderr + garbage.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('converts CSV to a JSON pack that validates', () => {
    const out = join(tmp, 'converted.json');
    expect(huashu(['pack', 'convert', 'data/templates/pack.csv', '-o', out]).code).toBe(0);
    expect(huashu(['pack', 'validate', out]).code).toBe(0);
  });

  it('tests a pack on labelled cases and fails below the threshold', () => {
    const cases = join(tmp, 'cases.jsonl');
    writeFileSync(cases, ['{"text":"我要退款","expect":"return_refund"}', '{"text":"嗯","expect":"none"}', '{"text":"我不能","expect":["refusal"]}'].join('\n'));
    const packs = ['data/packs/en.json', 'data/packs/zh-TW.json', 'data/packs/zh-CN.json'];
    const pass = huashu(['pack', 'test', ...packs, '--cases', cases]);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toMatch(/\| \*\*all\*\* \| 3 \| 3 \| 1\.000 \|/);
    writeFileSync(cases, '{"text":"我要退款","expect":"greeting"}\n');
    const fail = huashu(['pack', 'test', ...packs, '--cases', cases]);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toMatch(/below the threshold 0\.9/);
    expect(fail.stdout).toContain(`${cases}:1: expected greeting, got return_refund: 我要退款`);
  });

  it('counts a lint case under each category it expects and lists the failed cases with their line', () => {
    const cases = join(tmp, 'lint-cases.jsonl');
    const lines = [
      '{"text":"我不能帮您，这不是我负责的","expect":["refusal","shirking"]}',
      '{"text":"我不能","expect":["refusal"]}',
      '',
      '{"text":"好的，我帮您查一下","expect":["refusal"]}',
    ];
    writeFileSync(cases, lines.join('\n'));
    const packs = ['data/packs/zh-CN.json'];
    const run = huashu(['pack', 'test', ...packs, '--cases', cases, '--min-accuracy', '0']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\| lint refusal \| 2 \| 3 \| 0\.667 \|/);
    expect(run.stdout).toMatch(/\| lint shirking \| 1 \| 1 \| 1\.000 \|/);
    expect(run.stdout).not.toMatch(/refusal\+shirking \|/);
    expect(run.stdout).toContain(`${cases}:4: expected refusal, got clean: 好的，我帮您查一下`);
  });

  it('stops quietly when the reader of its output goes away (huashu detect … | head -1)', () => {
    const input = join(tmp, 'many.txt');
    writeFileSync(input, '我要退款\n'.repeat(5_000));
    const errors = join(tmp, 'pipe.err');
    const bin = join(root, 'bin/huashu.mjs');
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" detect < "${input}" 2> "${errors}" | head -1; echo "exit \${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
      cwd: root,
    });
    const [first, exit] = result.stdout.trim().split('\n');
    expect(JSON.parse(first!).scenarios[0].id).toBe('return_refund');
    expect(exit).toBe('exit 0');
    expect(readFileSync(errors, 'utf8')).toBe('');
  });

  it('answers unknown commands and options with usage and exit 2', () => {
    const unknown = huashu(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"[\s\S]*Usage:/);
    const bad = huashu(['detect', '--bogus', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option "--bogus"/);
    expect(huashu(['--help']).stdout).toMatch(/huashu pack validate FILE/);
  });
});
