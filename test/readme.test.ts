import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { calcPrice } from '@pydantic/genai-prices';
import { beforeAll, describe, expect, test } from 'vitest';
import { DOCUMENTS, SNIPPETS, withAssertions } from './snippets.ts';

// Every TypeScript block of the README and of docs/ that names no module
// setting is a whole program (see test/snippets.ts): each is type-checked
// (strict, against src/ as `image-usage`) and run here, and its `// →` lines
// are assertions.

const ROOT = new URL('../', import.meta.url);
const SNIPPETS_DIR = new URL('.tmp/snippets/', ROOT);
const snippets = SNIPPETS.filter((snippet) => snippet.module === undefined);

beforeAll(() => {
  rmSync(SNIPPETS_DIR, { recursive: true, force: true });
  mkdirSync(SNIPPETS_DIR, { recursive: true });
  for (const { name, code } of snippets) writeFileSync(new URL(`${name}.ts`, SNIPPETS_DIR), withAssertions(code));
  writeFileSync(
    new URL('tsconfig.json', SNIPPETS_DIR),
    JSON.stringify({
      extends: '../../tsconfig.json',
      // `types: ['node']` declares the fetch API's Response and the like, which Hono's snippets use.
      compilerOptions: { isolatedDeclarations: false, declaration: false, types: ['node'], paths: { 'image-usage': ['../../src/index.ts'] } },
      include: ['*.ts'],
    }),
  );
});

describe('the code blocks of the README and the docs', () => {
  test('the README stays short enough to read to the end: at most 250 lines', () => {
    expect(readFileSync(new URL('README.md', ROOT), 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(250);
  });

  test('are there, in the README and in docs/', () => {
    expect(snippets.filter(({ name }) => name.startsWith('README')).length).toBeGreaterThanOrEqual(6);
    expect(snippets.filter(({ name }) => name.startsWith('docs')).length).toBeGreaterThanOrEqual(3);
  });

  test('type-check (tsc --strict, against src/)', async () => {
    const tsc = new URL('node_modules/.bin/tsc', ROOT).pathname;
    const result = await promisify(execFile)(tsc, ['-p', new URL('tsconfig.json', SNIPPETS_DIR).pathname]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      ({ code, stdout, stderr }: { code: unknown; stdout: string; stderr: string }) => ({ code, stdout, stderr }),
    );
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  }, 60_000);

  test.each(snippets.map((snippet) => [snippet.name, snippet] as const))('%s runs and its → lines hold', async (_, { name, arrows }) => {
    const assertions: Array<[unknown, unknown]> = [];
    (globalThis as { __expect?: unknown }).__expect = (actual: unknown, expected: unknown) => assertions.push([actual, expected]);
    await import(new URL(`${name}.ts`, SNIPPETS_DIR).href);
    expect(assertions.length).toBe(arrows);
    for (const [actual, expected] of assertions) expect(actual).toStrictEqual(expected);
  });
});

describe('what a new user reads first', () => {
  const readme = readFileSync(new URL('README.md', ROOT), 'utf8');
  const readmeSnippets = SNIPPETS.filter(({ name }) => name.startsWith('README'));

  test("gpt-image-1 is shut down, as the openai 7 types say: the README and the docs name it only as such, and lead with current models", () => {
    const types = readFileSync(new URL('node_modules/openai-7/resources/images.d.ts', ROOT), 'utf8');
    expect(types).toContain('GPT Image 1 was shut down on October 23, 2026');
    for (const document of DOCUMENTS) {
      // Data (a log's lines, a bill: fenced blocks other than programs) may hold past usage of any model.
      const text = readFileSync(new URL(document, ROOT), 'utf8')
        .replace(/```(?!ts\n)\w+\n[\s\S]*?```/g, '')
        .replace(/\s+/g, ' ');
      for (const { index } of text.matchAll(/gpt-image-1(?![.\d-])/g)) {
        expect([document, text.slice(index, index + 40)]).toStrictEqual([document, expect.stringContaining('shut down on 2026-10-23')]);
      }
    }
    // The first model the README names is a current one.
    expect(/gpt-image-[\d.]+(-mini)?/.exec(readme)?.[0]).toBe('gpt-image-2');
  });

  test('the models the openai 7 types list that genai-prices does not price yet are the ones the README says to price yourself, as it shows', () => {
    const types = readFileSync(new URL('node_modules/openai-7/resources/images.d.ts', ROOT), 'utf8');
    const models = [.../export type ImageModel = ([^;]+);/.exec(types)![1]!.matchAll(/'(gpt-image-[^']+)'/g)].map((match) => match[1]!);
    const missing = models.filter((model) => calcPrice({}, model, { providerId: 'openai' }) === null);
    // Dated snapshots aside, each with its undated model.
    expect(missing.filter((model) => !/-\d{4}-\d\d-\d\d$/.test(model))).toStrictEqual(['gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2.6-sunburst', 'gpt-image-2.6-flare']);
    const version = (JSON.parse(readFileSync(new URL('node_modules/@pydantic/genai-prices/package.json', ROOT), 'utf8')) as { version: string }).version;
    expect(readme.replace(/\s+/g, ' ')).toContain(`(\`gpt-image-2.5-…\` and \`gpt-image-2.6-…\` are not in genai-prices ${version})`);
    // A README program asks the catalog for one of them, gets null, and prices with ImagePrices of its own.
    const pricing = readmeSnippets.find(({ code }) => /calcPrice\(\{\}, 'gpt-image-2\.[56][\w-]*', \{ providerId: 'openai' \}\); \/\/ → null/.test(code));
    expect(pricing?.code).toMatch(/: ImagePrices = \{[^}]+\};[^\n]*\n.*estimateCost\(.*\/\/ → [\d.]+/);
  });

  test('the README shows the Hono hook that turns the issues into a small { issues: [{ path, message }] } body, and runs it', () => {
    const hono = readmeSnippets.filter(({ code }) => code.includes("sValidator('json', WireOrSdkImageUsageSchema, (result, c) =>"));
    expect(hono).toHaveLength(1);
    expect(hono[0]!.code).toMatch(/\/\/ → \{ issues: \[\{ path: '[\w.]+', message: '[^']+' \}\] \}/);
  });

  test('the Development section says what it needs and how long it takes on a small machine', () => {
    const development = readme.slice(readme.indexOf('## Development'), readme.indexOf('## License')).replace(/\s+/g, ' ');
    const { engines } = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { engines: { node: string } };
    expect(development).toContain(`Node ${engines.node.replace('>=', '')} or later`);
    // The npm that runs these tests (and reads allowScripts).
    expect(development).toContain(`npm ${execFileSync('npm', ['--version'], { encoding: 'utf8' }).split('.')[0]!} `);
    expect(development).toMatch(/On 2 cores `npm ci` takes about \d+ s .*`npm test` \d+ to \d+ minutes/);
  });
});
