// The command on a terminal and in a pipe: a table that fits the width, a
// progress line on a terminal only (never under NO_COLOR or CI, never piped),
// and a reader that stops early. The terminal is a pseudo-terminal from
// util-linux's `script`, where the machine has it.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { BIN, ENV, USER } from './paths.ts';
import { jsonl, run, wire } from './run.ts';

/** What erases the progress line: back to the start of the line, and clear it. */
const ERASE = '\r\u001b[K';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** Runs the command under `script`, on a pseudo-terminal: everything it wrote there, standard error too. */
function onTerminal(args: string, env: Record<string, string> = {}): string {
  const command = `"${BIN}" ${args}`;
  const result = spawnSync('script', ['-qefc', command, '/dev/null'], { cwd: USER, env: { ...ENV, ...env }, encoding: 'utf8', timeout: 60_000 });
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('the table', () => {
  const log = jsonl(
    { model: 'google/gemini-2.5-flash-image', response: wire(10, 0, 1290, 10) },
    { model: 'gpt-image-1', response: wire(11, 0, 6240) },
  );

  test('piped, has every column', () => {
    const { stdout } = run(['report'], { input: log });
    expect(stdout.split('\n')[2]).toBe(
      'Model                          Requests  Images  Input text  Input image  Cached input  Output text  Output image  Total tokens     Cost',
    );
    expect(stdout).not.toContain('Compact');
  });

  test('fits the width (COLUMNS, or the terminal\'s), hiding the token details first, and says what it hid', () => {
    for (const columns of [100, 80, 60, 40]) {
      const { stdout } = run(['report'], { input: log, env: { COLUMNS: String(columns) } });
      const lines = stdout.trimEnd().split('\n');
      expect([columns, lines.filter((line) => line.length > columns)]).toEqual([columns, []]);
      expect(lines.find((line) => line.startsWith('Model'))).toMatch(/^Model +.*Cost$/);
      expect(stdout.replaceAll('\n', ' ')).toMatch(new RegExp(`hidden to fit ${columns} columns \\(widen the terminal, or use --json\\)\\. $`));
    }
    expect(run(['report'], { input: log, env: { COLUMNS: '80' } }).stdout.split('\n')[2]).toBe(
      'Model                          Requests  Images  Total tokens     Cost',
    );
    expect(run(['report'], { input: log, env: { COLUMNS: '200' } }).stdout).not.toContain('Compact');
  });
});

describe.skipIf(!hasScript)('on a terminal', () => {
  beforeAll(() => {
    // Enough lines for the progress line to be drawn (it is redrawn every quarter of a second at most).
    const line = JSON.stringify({ model: 'gpt-image-1', timestamp: '2026-06-10T08:00:00Z', response: { created: 1_781_048_029, data: [{}], usage: wire(11, 0, 1056) } });
    writeFileSync(`${USER}long.jsonl`, `${line}\n`.repeat(300_000));
  });

  test('a progress line on standard error (lines, bytes, rate), erased before the bill', () => {
    const output = onTerminal('report long.jsonl');
    expect(output).toMatch(new RegExp(`${ERASE.replace('[', '\\[')}image-usage: [\\d,]+ lines, [\\d.]+ MB, [\\d,]+ lines/s`));
    const last = output.lastIndexOf('lines/s');
    expect(output.slice(last).startsWith(`lines/s${ERASE}Image generation bill by model, in US dollars`)).toBe(true);
    expect(output).toMatch(/gpt-image-1 +300,000 +300,000 /);
  });

  test('none under NO_COLOR or CI, nor when standard error is piped', () => {
    for (const env of [{ NO_COLOR: '1' }, { CI: 'true' }]) {
      const output = onTerminal('report long.jsonl', env);
      expect([env, output.includes('lines/s'), output.includes('\u001b')]).toEqual([env, false, false]);
    }
    expect(onTerminal('report long.jsonl 2>/dev/null')).not.toContain('lines/s');
    expect(run(['report', 'long.jsonl']).stderr).toBe('');
  });
});

describe('in a pipe', () => {
  test('a reader that stops early ends the command quietly', () => {
    const lines: unknown[] = [];
    for (let day = 0; day < 400; day++) lines.push({ model: 'gpt-image-1', timestamp: new Date(Date.UTC(2025, 0, 1 + day)).toISOString(), response: wire(11, 0, 1056) });
    writeFileSync(`${USER}days.jsonl`, jsonl(...lines));
    const result = spawnSync('sh', ['-c', `"${BIN}" report --by day --json days.jsonl | head -c 100 > /dev/null`], { cwd: USER, env: ENV, encoding: 'utf8' });
    expect([result.status, result.stderr]).toEqual([0, '']);
  });
});
