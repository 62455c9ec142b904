// The benchmark of `image-usage report` (issue 19's targets), against the
// bare floor: a Node script that reads the same file line by line and
// JSON.parses each line. Run it with `npm run bench:report` (it builds both
// packages first). It writes two logs to a temporary folder, of 200,000 and
// 1,000,000 lines of the real response shapes of cli/examples/sample.jsonl
// (each line with its own prompt length and time, so that no two requests
// in a row are the same), then measures in interleaved rounds:
//   - the report (`image-usage report --json`, output to /dev/null),
//   - the floor with readline (`for await (const line of rl) JSON.parse(line)`),
//   - the floor with the report's own line splitter (the faster floor),
// and the peak resident memory of the report on both logs. Targets: the report
// at most 1.5 times the time of the faster floor; peak memory on 1,000,000
// lines within 30 MB of that on 200,000.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const BIN = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../examples/sample.jsonl', import.meta.url));
// ROUNDS and SIZES (two line counts, `200000,1000000`) from the environment: npm test runs it small.
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const SIZES = (process.env.SIZES ?? '200000,1000000').split(',').map(Number);

/** The sample's lines that are JSON: the shapes to repeat. */
const shapes = readFileSync(SAMPLE, 'utf8')
  .split('\n')
  .flatMap((line) => {
    try {
      return [JSON.parse(line)];
    } catch {
      return [];
    }
  });

/** Sets the prompt's text tokens of a line's usage to `text` (the sums kept), wherever its shape keeps them. */
function withPrompt(value, text) {
  const line = structuredClone(value);
  const body = line.response ?? line;
  const usage = body.usage ?? body.usageMetadata ?? (body.input_tokens_details ? body : undefined);
  if (usage?.input_tokens_details) {
    const delta = text - usage.input_tokens_details.text_tokens;
    usage.input_tokens_details.text_tokens = text;
    usage.input_tokens += delta;
    usage.total_tokens += delta;
  } else if (usage?.promptTokensDetails?.length === 1 && usage.promptTokensDetails[0].modality === 'TEXT' && !usage.cachedContentTokenCount) {
    const delta = text - usage.promptTokenCount;
    usage.promptTokensDetails[0].tokenCount = text;
    usage.promptTokenCount = text;
    usage.totalTokenCount += delta;
  } else if (typeof usage?.prompt_tokens === 'number' && usage.prompt_tokens > 0) {
    const delta = text - usage.prompt_tokens;
    usage.prompt_tokens = text;
    usage.total_tokens += delta;
  }
  return line;
}

/** Writes a log of `lines` lines: the shapes in turn, each with its prompt length and time. */
async function writeLog(path, lines) {
  const out = createWriteStream(path);
  const start = Date.parse('2026-03-01T00:00:00Z');
  let batch = '';
  for (let index = 0; index < lines; index++) {
    const shape = shapes[index % shapes.length];
    const line = withPrompt(shape, 5 + ((index * 7919) % 400));
    if ('response' in line && !('type' in line)) line.timestamp = new Date(start + index * 7_777).toISOString();
    batch += `${JSON.stringify(line)}\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await new Promise((resolve) => out.once('drain', resolve));
      batch = '';
    }
  }
  out.write(batch);
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

const FLOOR_READLINE = `
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
let parsed = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  if (line !== '') { JSON.parse(line); parsed++; }
}
if (parsed === 0) process.exit(1);
`;

// The report's own way of reading lines (cli/src/lines.ts), and nothing else.
const FLOOR_SPLIT = `
import { open } from 'node:fs/promises';
const handle = await open(process.argv[2]);
let parsed = 0;
let parts = [];
const emit = (text) => { if (text !== '') { JSON.parse(text); parsed++; } };
for await (const chunk of handle.createReadStream({ highWaterMark: 1 << 20 })) {
  let start = 0;
  let end = chunk.indexOf(10);
  if (parts.length > 0) {
    if (end === -1) { parts.push(chunk); continue; }
    parts.push(chunk.subarray(0, end));
    emit(Buffer.concat(parts).toString('utf8'));
    parts = [];
    start = end + 1;
    end = chunk.indexOf(10, start);
  }
  while (end !== -1) { emit(chunk.toString('utf8', start, end)); start = end + 1; end = chunk.indexOf(10, start); }
  if (start < chunk.length) parts.push(chunk.subarray(start));
}
if (parts.length > 0) emit(Buffer.concat(parts).toString('utf8'));
if (parsed === 0) process.exit(1);
`;

// The floor and the library's reader (`safeParseImageResponse`, as the report calls it, records
// unwrapped): what is left between this and the report is the command's own work.
const FLOOR_READER = FLOOR_SPLIT.replace(
  "const emit = (text) => { if (text !== '') { JSON.parse(text); parsed++; } };",
  `const { safeParseImageResponse } = await import(process.argv[3]);
const emit = (text) => {
  if (text === '') return;
  parsed++;
  let value;
  try { value = JSON.parse(text); } catch { return; }
  const record = typeof value === 'object' && value !== null && 'response' in value && !(typeof value.type === 'string' && value.type.startsWith('response.'));
  safeParseImageResponse(record ? value.response : value, { model: record && typeof value.model === 'string' ? value.model : undefined, openRouterPromptTokens: 'text' });
};`,
);

/** Runs a Node program on the log; returns its wall time in ms and its peak resident memory in MB. */
function run(args) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', join(HERE, 'maxrss.mjs'), ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = /maxrss (\d+)/.exec(child.stderr)?.[1];
  if (rss === undefined) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr.slice(-2000)}`);
  return { ms, mb: Number(rss) / 1024, status: child.status };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rate = (lines, ms) => `${Math.round(lines / (ms / 1000)).toLocaleString('en-US')} lines/s`;

const dir = mkdtempSync(join(tmpdir(), 'image-usage-bench-'));
try {
  writeFileSync(join(dir, 'floor-readline.mjs'), FLOOR_READLINE);
  writeFileSync(join(dir, 'floor-split.mjs'), FLOOR_SPLIT);
  writeFileSync(join(dir, 'floor-reader.mjs'), FLOOR_READER);
  const library = import.meta.resolve('image-usage');
  const logs = {};
  for (const lines of SIZES) {
    logs[lines] = join(dir, `log-${lines}.jsonl`);
    await writeLog(logs[lines], lines);
    const bytes = statSync(logs[lines]).size;
    console.log(`${lines.toLocaleString('en-US')} lines: ${(bytes / 1e6).toFixed(1)} MB, ${Math.round(bytes / lines)} bytes a line (${shapes.length} shapes from cli/examples/sample.jsonl)`);
  }
  const report = (log) => [BIN, 'report', '--json', '--openrouter-prompt-tokens', 'text', log];

  // Speed: interleaved rounds on the 200,000-line log; medians of each, and the median of the ratios of each round.
  const small = logs[SIZES[0]];
  const times = { report: [], readline: [], split: [], reader: [] };
  const ratios = { readline: [], split: [], reader: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const split = run([join(dir, 'floor-split.mjs'), small]).ms;
    const reported = run(report(small));
    const readline = run([join(dir, 'floor-readline.mjs'), small]).ms;
    const reader = run([join(dir, 'floor-reader.mjs'), small, library]).ms;
    Object.entries({ split, readline, reader }).forEach(([name, ms]) => {
      times[name].push(ms);
      ratios[name].push(reported.ms / ms);
    });
    times.report.push(reported.ms);
    console.log(
      `round ${round + 1}: report ${reported.ms.toFixed(0)} ms (exit ${reported.status}); floor ${readline.toFixed(0)} ms (readline), ${split.toFixed(0)} ms (the report's splitter); with the reader ${reader.toFixed(0)} ms`,
    );
  }
  const lines = SIZES[0];
  const row = (name, ms) => console.log(`  ${name.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  ${rate(lines, ms).padStart(17)}`);
  console.log(`\nSpeed on ${lines.toLocaleString('en-US')} lines, medians of ${ROUNDS} rounds (each a fresh Node process, start-up included):`);
  row('report (image-usage report --json)', median(times.report));
  row('floor: readline and JSON.parse', median(times.readline));
  row("floor: the report's own splitter and JSON.parse", median(times.split));
  row("floor, and the library's safeParseImageResponse", median(times.reader));
  const verdict = (ratio) => `${ratio.toFixed(2)} (target <= 1.5: ${ratio <= 1.5 ? 'met' : 'MISSED'})`;
  console.log(`  report / floor (readline):          ${verdict(median(ratios.readline))}`);
  console.log(`  report / floor (the same splitter): ${verdict(median(ratios.split))}`);
  console.log(`  report / floor with the reader:     ${median(ratios.reader).toFixed(2)} (the command's own share)`);
  console.log('  (ratios: the median over the rounds of the ratio within a round)');

  // Memory: the report's peak resident memory on each log, in interleaved runs (V8 sizes its heap
  // by the allocation rate it sees, so one run's peak moves by some 10 MB from the next's); medians.
  const runs = SIZES.map(() => []);
  for (let round = 0; round < Math.min(ROUNDS, 3); round++) SIZES.forEach((size, index) => runs[index].push(run(report(logs[size])).mb));
  const peaks = runs.map(median);
  console.log(`\nPeak resident memory of the report (median of ${runs[0].length} runs each):`);
  SIZES.forEach((size, index) =>
    console.log(`  ${size.toLocaleString('en-US').padStart(9)} lines: ${peaks[index].toFixed(1)} MB (runs: ${runs[index].map((mb) => mb.toFixed(1)).join(', ')})`),
  );
  const growth = peaks[1] - peaks[0];
  console.log(`  ${SIZES[1].toLocaleString('en-US')} - ${SIZES[0].toLocaleString('en-US')}: ${growth.toFixed(1)} MB (target <= 30 MB: ${growth <= 30 ? 'met' : 'MISSED'})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
