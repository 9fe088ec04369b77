// The huashu command end to end: JSON Lines in and out, pack validation and conversion, clear errors and exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './build-cli.ts';

const root = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'huashu-cli-'));

beforeAll(buildCli);

describe('huashu --version', () => {
  it('prints the package version from the build, no TypeScript loader in the process', () => {
    const { code, stdout } = huashu(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version,
    );
    expect(readFileSync(join(root, 'bin/huashu.mjs'), 'utf8')).not.toMatch(/tsx/u);
  });
});

/** The environment the command runs in: the machine's, with its language settings replaced by `language` (C: English). */
function environment(language: Record<string, string> = { LANG: 'C' }): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) delete env[name];
  return { ...env, ...language };
}

function huashu(
  args: string[],
  input = '',
  language?: Record<string, string>,
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'bin/huashu.mjs'), ...args], {
    input,
    encoding: 'utf8',
    cwd: root,
    env: environment(language),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('huashu detect', () => {
  it('writes exactly one JSON line per input line, in order, empty lines included', () => {
    const { code, stdout } = huashu(['detect'], '我要退款\n\n{"text":"where is my package??"}\nDD202406118823\n');
    expect(code).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { text: string; scenarios: Array<{ id: string }>; emotion: string; sensitive: unknown[] },
      );
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
    const [first, second] = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { findings: Array<Record<string, unknown>> });
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
        rules: [
          { id: 'x.nope', category: 'refusal', severity: 'warning', patterns: ['nope'], message: 'say it kindly' },
        ],
      }),
    );
    const { stdout } = huashu(['lint', '--pack', pack], 'nope, I cannot\n');
    expect((JSON.parse(stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId)).toEqual([
      'x.nope',
    ]);
  });
});

describe('huashu pack', () => {
  it('validates the shipped packs and the CSV template', () => {
    const { code, stdout } = huashu(['pack', 'validate', 'data/packs/zh-CN.json', 'data/templates/pack.csv']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ok data\/packs\/zh-CN\.json \(26 scenarios, \d+ replies, \d+ rules\)$/m);
    expect(stdout).toMatch(/^ok data\/templates\/pack\.csv \(1 scenarios, 2 replies, 1 rules\)$/m);
  });

  it('warns of a reply that marks a blank with an ellipsis, at its place and with the field syntax, and still exits 0', () => {
    const pack = join(tmp, 'ellipsis.json');
    writeFileSync(
      pack,
      '{\n  "schemaVersion": 2, "id": "t", "name": "t", "version": "1", "locale": "zh-CN",\n  "scenarios": [{ "id": "invoice", "title": "发票",\n' +
        '    "replies": [{ "id": "invoice.t", "text": "一般……个工作日内开好" }] }]\n}\n',
    );
    const { code, stdout, stderr } = huashu(['pack', 'validate', pack]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ok /mu);
    expect(stderr.trim()).toBe(
      `${pack}:4:49 scenarios[0].replies[0].text: warning: "……" marks something to fill; write a field instead, e.g. [[days]] or [[days:3]] (the agent gets it selected, and a draft that still holds it is not sent)`,
    );
  });

  it('lists every problem of a broken pack with its place, and exits 1', () => {
    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, '{\n  "schemaVersion": 1,\n  "id": "t",\n  "name": ,\n}');
    const { code, stderr } = huashu(['pack', 'validate', broken]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`${broken}:4:11 JSON syntax: expected a value, found ","`);
  });

  it('points at the character of a rule pattern that does not parse, in JSON and YAML, and says what to write', () => {
    const json = join(tmp, 'bad-pattern.json');
    writeFileSync(
      json,
      '{\n  "schemaVersion": 2, "id": "t", "name": "t", "version": "1", "locale": "zh-CN",\n  "rules": [\n' +
        '    { "id": "a", "category": "refusal", "severity": "warning", "message": "m",\n      "patterns": ["ok", "我\\"(不|能"] }\n  ]\n}\n',
    );
    const fromJson = huashu(['pack', 'validate', json]);
    expect(fromJson.code).toBe(1);
    // 我, the escaped quote (two characters in the file) and then the bracket at column 30.
    expect(fromJson.stderr.trim()).toBe(
      `${json}:5:30 rules[0].patterns[1]: the "(" at character 3 is not closed: add ")", or write \\( for the bracket itself`,
    );
    const yaml = join(tmp, 'bad-pattern.yaml');
    writeFileSync(
      yaml,
      'schemaVersion: 2\nid: t\nname: t\nversion: "1"\nlocale: zh-CN\nrules:\n  - id: a\n    category: refusal\n    severity: warning\n    message: m\n    patterns: ["ok", "我们{0,99}能"]\n',
    );
    const fromYaml = huashu(['pack', 'validate', yaml]);
    expect(fromYaml.stderr.trim()).toBe(
      `${yaml}:11:25 rules[0].patterns[1]: the gap at character 3 allows 99 characters, over the limit of 20: write a smaller gap`,
    );
  });

  it('reads a pack of schema version 1 with each pattern as a literal phrase', () => {
    const old = join(tmp, 'old.json');
    writeFileSync(
      old,
      JSON.stringify({
        schemaVersion: 1,
        id: 'old',
        name: 'old',
        version: '1',
        locale: 'zh-CN',
        rules: [{ id: 'a', category: 'refusal', severity: 'warning', message: 'm', patterns: ['我(不|能'] }],
      }),
    );
    expect(huashu(['pack', 'validate', old]).code).toBe(0);
    const lint = huashu(['lint', '--pack', old], '这句我(不|能了\n这句我不了\n');
    expect(lint.stdout.split('\n')[0]).toContain('"ruleId":"a"');
    expect(lint.stdout.split('\n')[1]).not.toContain('"ruleId":"a"');
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
    writeFileSync(
      cases,
      [
        '{"text":"我要退款","expect":"return_refund"}',
        '{"text":"嗯","expect":"none"}',
        '{"text":"我不能","expect":["refusal"]}',
      ].join('\n'),
    );
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

  it('says which packs it tested, and with --with-defaults tests a team pack under the built-in ones', () => {
    const team = join(tmp, 'team-only.json');
    writeFileSync(
      team,
      JSON.stringify({
        schemaVersion: 2,
        id: 'team-only',
        name: 'Team',
        version: '1',
        locale: 'zh-CN',
        scenarios: [{ id: 'vip', title: '会员', triggers: ['会员卡'], replies: [{ id: 'vip.a', text: '您好' }] }],
      }),
    );
    const cases = join(tmp, 'team-cases.jsonl');
    writeFileSync(cases, '{"text":"这不是我应该做的","expect":[]}\n');
    // Alone, the team pack has no rules: the draft reads clean; agents run it over the built-in packs, which flag it.
    const alone = huashu(['pack', 'test', team, '--cases', cases]);
    expect(alone.stdout).toContain(`Tested with: team-only (${team})`);
    expect(alone.code).toBe(0);
    const withDefaults = huashu(['pack', 'test', team, '--cases', cases, '--with-defaults']);
    expect(withDefaults.stdout).toContain(`Tested with: team-only (${team}), the built-in packs`);
    expect(withDefaults.stdout).toContain(`${cases}:1: expected clean, got shirking`);
    expect(withDefaults.code).toBe(1);
  });

  it('stops quietly when the reader of its output goes away (huashu detect … | head -1)', () => {
    const input = join(tmp, 'many.txt');
    writeFileSync(input, '我要退款\n'.repeat(5_000));
    const errors = join(tmp, 'pipe.err');
    const bin = join(root, 'bin/huashu.mjs');
    const result = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${bin}" detect < "${input}" 2> "${errors}" | head -1; echo "exit \${PIPESTATUS[0]}"`,
      ],
      {
        encoding: 'utf8',
        cwd: root,
        env: environment(),
      },
    );
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

describe('the language of huashu', () => {
  const bad = join(tmp, 'bad-language.json');
  writeFileSync(
    bad,
    '{\n  "schemaVersion": 1,\n  "id": "team",\n  "name": "Team",\n  "version": 5,\n  "locale": "zh-CN"\n}\n',
  );

  it('speaks simplified Chinese under LANG=zh_CN.UTF-8: the problems of a pack and its own texts', () => {
    const { code, stderr } = huashu(['pack', 'validate', bad], '', { LANG: 'zh_CN.UTF-8' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad-language\.json:5:\d+ version：应为 string，实际是 5/u);
    const missing = huashu(['pack', 'validate', join(tmp, 'nowhere.json')], '', { LANG: 'zh_CN.UTF-8' });
    expect(missing.stderr).toMatch(/^huashu：无法读取 .*nowhere\.json：文件不存在/u);
  });

  it('speaks traditional Chinese for zh_TW and zh_HK, and LC_ALL wins over LANG', () => {
    const taiwan = huashu(['frobnicate'], '', { LANG: 'zh_TW.UTF-8' });
    expect(taiwan.stderr).toMatch(/^huashu：沒有 "frobnicate" 這個指令。[\s\S]*用法：/u);
    const hongKong = huashu(['pack', 'validate', bad], '', { LC_ALL: 'zh_HK.UTF-8', LANG: 'en_US.UTF-8' });
    expect(hongKong.stderr).toMatch(/version：應為 string，實際是 5/u);
    const english = huashu(['pack', 'validate', bad], '', { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' });
    expect(english.stderr).toMatch(/version: expected string, found 5/u);
  });
});

describe('huashu on files that are not packs', () => {
  // A hang here would otherwise last as long as the test runner lets it; the limit only ends the process, it measures nothing.
  const guarded = (args: string[], input = ''): { code: number | null; stdout: string; stderr: string } => {
    const result = spawnSync(process.execPath, [join(root, 'bin/huashu.mjs'), ...args], {
      input,
      encoding: 'utf8',
      cwd: root,
      timeout: 60_000,
      env: environment(),
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const fifo = join(tmp, 'pipe.json');
  spawnSync('mkfifo', [fifo]);

  it('refuses a named pipe as a pack, a --pack or a --cases file instead of waiting for it', () => {
    const cases = join(tmp, 'one-case.jsonl');
    writeFileSync(cases, '{"text":"我要退款","expect":"return_refund"}\n');
    for (const args of [
      ['pack', 'validate', fifo],
      ['pack', 'convert', fifo],
      ['pack', 'test', 'data/packs/zh-CN.json', '--cases', fifo],
      ['lint', '--pack', fifo],
    ]) {
      const run = guarded(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr.trim(), args.join(' ')).toBe(
        `huashu: cannot read ${fifo}: it is not a regular file (a pipe, device or socket): save it to a file and name that file`,
      );
    }
  });

  it('refuses a device such as /dev/zero with one line, without reading it', () => {
    const run = guarded(['pack', 'validate', '/dev/zero']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      'huashu: cannot read /dev/zero: it is not a regular file (a pipe, device or socket): save it to a file and name that file',
    );
  });

  it('gives one clear line for a missing file, a folder, a symbolic link loop and an oversize file, and checks the rest', () => {
    const loop = join(tmp, 'loop-a.json');
    symlinkSync(join(tmp, 'loop-b.json'), loop);
    symlinkSync(loop, join(tmp, 'loop-b.json'));
    const big = join(tmp, 'big.json');
    // Sparse: 60 MB of zero bytes that take no room on the disk.
    writeFileSync(big, '');
    truncateSync(big, 60_000_000);
    const missing = join(tmp, 'missing.json');
    const run = guarded(['pack', 'validate', missing, tmp, loop, big, 'data/packs/en.json']);
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `huashu: cannot read ${missing}: no such file`,
      `huashu: cannot read ${tmp}: it is a folder: name the pack file inside it`,
      `huashu: cannot read ${loop}: a symbolic link that leads back to itself: point it at the pack file`,
      `${big} the file is 60.0 MB, over the 50 MB limit: split it into several packs`,
    ]);
    expect(run.stdout).toMatch(/^ok data\/packs\/en\.json /m);
  });
});

describe('huashu option values', () => {
  const cases = join(tmp, 'threshold-cases.jsonl');
  writeFileSync(cases, '{"text":"我要退款","expect":"greeting"}\n');

  it.each(['', '5', '-0.1', '0x1', '90%', ' '])('refuses --min-accuracy %j with usage and exit 2', (value) => {
    const run = huashu(['pack', 'test', 'data/packs/zh-CN.json', '--cases', cases, '--min-accuracy', value]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `huashu: --min-accuracy takes a number from 0 to 1 (0.9 means 90 % of the cases), not "${value}".`,
    );
    expect(run.stderr).toMatch(/Usage:/);
    expect(run.stdout).toBe('');
  });

  it.each(['0.5', '0', '', '-1', '1e1', 'three', '99999999999999999999'])(
    'refuses --top %j with usage and exit 2',
    (value) => {
      const run = huashu(['detect', '--top', value], '我要退款\n');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `huashu: --top takes a whole number from 1 (how many scenarios to list), not "${value}".`,
      );
      expect(run.stdout).toBe('');
    },
  );

  it('accepts the edges: --min-accuracy 0 and 1, --top 1', () => {
    expect(huashu(['pack', 'test', 'data/packs/zh-CN.json', '--cases', cases, '--min-accuracy', '0']).code).toBe(0);
    expect(huashu(['pack', 'test', 'data/packs/zh-CN.json', '--cases', cases, '--min-accuracy', '1']).code).toBe(1);
    expect(huashu(['detect', '--top', '1'], '我要退款\n').code).toBe(0);
  });
});

describe('huashu detect and lint input', () => {
  it('reads the files it is given, in turn, instead of standard input', () => {
    const first = join(tmp, 'messages-1.txt');
    const second = join(tmp, 'messages-2.txt');
    writeFileSync(first, '我要退款\n');
    writeFileSync(second, 'where is my package??\n');
    const run = huashu(['detect', first, second], 'ignored\n');
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { text: string }).text),
    ).toEqual(['我要退款', 'where is my package??']);
    const lint = huashu(['lint', first, '-'], '我不能\n');
    expect(
      lint.stdout
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { text: string }).text),
    ).toEqual(['我要退款', '我不能']);
    const usage = huashu(['--help']).stdout;
    expect(usage).toMatch(/huashu detect \[--pack FILE\]… \[--top N\] \[INPUT…\]/);
    expect(usage).toMatch(/read each INPUT file in turn, or standard input without INPUT or for "-"/);
  });

  it('refuses an input file that is missing or not a regular file, with exit 1', () => {
    const missing = huashu(['lint', join(tmp, 'no-drafts.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`huashu: cannot read ${join(tmp, 'no-drafts.txt')}: no such file`);
    const device = huashu(['detect', '/dev/zero']);
    expect(device.code).toBe(1);
    expect(device.stderr.trim()).toBe(
      'huashu: cannot read /dev/zero: it is not a regular file (a pipe, device or socket): send it to standard input instead (… | huashu lint)',
    );
  });

  it('reports a line that is not UTF-8 with its number, answers it with an error line, and exits 1', () => {
    const input = Buffer.concat([
      Buffer.from('我不能\n'),
      Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x0a]),
      Buffer.from('我不能\n'),
    ]);
    for (const command of ['lint', 'detect']) {
      const result = spawnSync(process.execPath, [join(root, 'bin/huashu.mjs'), command], {
        input,
        cwd: root,
        env: environment(),
      });
      expect(result.status, command).toBe(1);
      const out = result.stdout
        .toString('utf8')
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(out, command).toHaveLength(3);
      expect(out[0]!.text).toBe('我不能');
      expect(out[1]).toEqual({ line: 2, error: 'not UTF-8 text' });
      expect(out[2]!.text).toBe('我不能');
      expect(result.stderr.toString('utf8').trim(), command).toBe(
        `huashu ${command}: line 2 of standard input is not UTF-8 text: save the input as UTF-8 and run again`,
      );
    }
    const file = join(tmp, 'latin1.txt');
    writeFileSync(file, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const fromFile = huashu(['lint', file]);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toContain(`huashu lint: ${file}:1 is not UTF-8 text`);
  });

  it('checks only the first 20 000 characters of a longer line and says so on stderr', () => {
    const long = '您好'.repeat(15_000);
    for (const command of ['lint', 'detect']) {
      const run = huashu([command], `好的\n${long}\n{"text":"${long}"}\n`);
      expect(run.code, command).toBe(0);
      const out = run.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { text: string });
      expect(
        out.map((l) => l.text.length),
        command,
      ).toEqual([2, 20_000, 20_000]);
      expect(run.stderr.trimEnd().split('\n'), command).toEqual([
        `huashu ${command}: line 2 of standard input is 30 000 characters long: only its first 20 000 characters were checked`,
        `huashu ${command}: line 3 of standard input is 30 000 characters long: only its first 20 000 characters were checked`,
      ]);
    }
    expect(huashu(['--help']).stdout).toMatch(/A line longer than 20 000 characters is checked up to its first 20 000/);
  });

  it('reads a 40 MB line in a small heap: the rest of a long line is never held', () => {
    const input = `${'a'.repeat(40_000_000)}\nhello\n`;
    const result = spawnSync(process.execPath, ['--max-old-space-size=128', join(root, 'bin/huashu.mjs'), 'lint'], {
      input,
      encoding: 'utf8',
      cwd: root,
      env: environment(),
    });
    expect(result.status, result.stderr.slice(0, 500)).toBe(0);
    expect(
      result.stdout
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { text: string }).text.length),
    ).toEqual([20_000, 5]);
    expect(result.stderr.trim()).toBe(
      'huashu lint: line 1 of standard input is 40 000 000 characters long: only its first 20 000 characters were checked',
    );
  });
});
