// The benchmark (npm run bench:report) runs, small: one round on logs of 2,000
// and 10,000 lines, and prints every figure the targets are judged by. Its
// times are not checked here (no timed tests); docs/report.md gives a full run.
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { CLI, ENV } from './paths.ts';

test('npm run bench:report prints the speeds, the ratios and the peak memory', () => {
  const result = spawnSync(process.execPath, [`${CLI}bench/report.js`], { cwd: CLI, env: { ...ENV, ROUNDS: '1', SIZES: '2000,10000' }, encoding: 'utf8', timeout: 120_000 });
  expect([result.status, result.stderr]).toEqual([0, '']);
  for (const expected of [
    /^2,000 lines: [\d.]+ MB, \d+ bytes a line \(32 shapes from cli\/examples\/sample\.jsonl\)$/m,
    /^round 1: report \d+ ms \(exit 3\); floor \d+ ms \(readline\), \d+ ms \(the report's splitter\); with the reader \d+ ms$/m,
    /^ {2}report \(image-usage report --json\) +\d+ ms +[\d,]+ lines\/s$/m,
    /^ {2}floor: readline and JSON\.parse +\d+ ms +[\d,]+ lines\/s$/m,
    /^ {2}report \/ floor \(readline\): +[\d.]+ \(target <= 1\.5: (met|MISSED)\)$/m,
    /^ {2}report \/ floor \(the same splitter\): [\d.]+ \(target <= 1\.5: (met|MISSED)\)$/m,
    /^ +10,000 lines: [\d.]+ MB \(runs: [\d.]+\)$/m,
    /^ {2}10,000 - 2,000: -?[\d.]+ MB \(target <= 30 MB: (met|MISSED)\)$/m,
  ]) {
    expect(result.stdout).toMatch(expected);
  }
});
