// What the README and docs/report.md say of the command, checked against the
// command: the sample log's bill as `npm run example` prints it, its JSON,
// the example lines of a log, the --prices example, and every option of
// --help documented.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CLI, ENV, ROOT, USER } from './paths.ts';
import { run, runJson } from './run.ts';

const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const guide = readFileSync(`${ROOT}docs/report.md`, 'utf8');

/** The fenced blocks of a document in a language. */
const blocks = (markdown: string, language: string): string[] => [...markdown.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\``, 'gm'))].map((match) => match[1]!);

describe('docs/report.md', () => {
  test("shows the sample log's bill as `npm run example` prints it on a terminal", () => {
    // cli/examples/report.js runs the command of cli/dist (built by the pack of cli/test/setup.ts).
    const example = spawnSync(process.execPath, [`${CLI}examples/report.js`], { cwd: ROOT, env: ENV, encoding: 'utf8' });
    expect(example.status).toBe(0);
    // On a terminal the broken lines come as they are met, before the bill; the rest after it.
    const out = example.stdout.split('\n');
    const [header, table] = [out.slice(0, 2), out.slice(2)];
    const errors = example.stderr.split('\n').filter((line) => line !== '');
    const terminal = [...header, ...errors.filter((line) => line.startsWith('line ')), ...table.slice(0, -3), ...errors.filter((line) => !line.startsWith('line ')), ...table.slice(-3)];
    const shown = blocks(guide, 'text').find((block) => block.startsWith('$ image-usage report'));
    expect(shown).toBe(`${terminal.join('\n')}`);
    // The user's installed command prints the same bill.
    const user = run(['report', '--openrouter-prompt-tokens', 'text', 'sample.jsonl']);
    expect(user.status).toBe(3);
    expect(example.stdout).toContain(user.stdout);
    expect(example.stderr).toBe(user.stderr);
  });

  test("shows the sample log's JSON as it is, each list cut short", () => {
    const shown = JSON.parse(blocks(guide, 'json').find((block) => block.includes('"by": "model"'))!) as Record<string, Record<string, unknown>>;
    const { json } = runJson(['--openrouter-prompt-tokens', 'text', 'sample.jsonl']);
    const actual = json as unknown as Record<string, Record<string, unknown>>;
    for (const key of ['by', 'timeZone', 'since', 'until', 'currency', 'catalog', 'lines']) expect([key, shown[key]]).toEqual([key, actual[key]]);
    expect(shown.rows).toEqual([json.rows.find((row) => row.model === 'gpt-image-1')]);
    expect(json.total).toEqual(expect.objectContaining(shown.total));
    for (const kind of ['broken', 'unbilled', 'unpriced'] as const) expect(shown.problems![kind]).toEqual(json.problems[kind].slice(0, 1));
  });

  test('the --prices example file prices the model the catalog lacks', () => {
    expect(JSON.parse(blocks(guide, 'json').find((block) => block.startsWith('{ "gpt-image-2.5"'))!)).toEqual(JSON.parse(readFileSync(`${USER}prices.json`, 'utf8')));
    const { status, json } = runJson(['--openrouter-prompt-tokens', 'text', '--prices', 'prices.json', 'sample.jsonl']);
    expect(status).toBe(3); // still the broken lines and the responses with no usage
    expect(json.rows.find((row) => row.model === 'gpt-image-2.5')).toEqual(expect.objectContaining({ costExact: '0.00197', prices: ['--prices'] }));
    expect(json.problems.unpriced).toEqual([]);
  });

  test('documents every option of --help', () => {
    const options = [...new Set(run(['--help']).stdout.match(/--[a-z-]+/g))];
    expect(options.length).toBeGreaterThanOrEqual(10);
    expect(options.filter((option) => !guide.includes(option))).toEqual([]);
  });
});

describe('the example lines of a log', () => {
  test.each([
    ['README.md', readme],
    ['docs/report.md', guide],
  ])('in %s are a response, a record and a bare usage object, each read and billed', (_, markdown) => {
    const [lines] = blocks(markdown, 'jsonl');
    expect(lines!.trimEnd().split('\n')).toHaveLength(3);
    const { status, stderr, json } = runJson(['--model', 'gpt-image-1.5'], { input: lines! });
    expect([status, stderr]).toEqual([0, '']);
    expect(json.rows.map((row) => [row.model, row.requests])).toEqual([
      ['gemini-2.5-flash-image', 1],
      ['gpt-image-1', 1],
      ['gpt-image-1.5', 1],
    ]);
  });
});
