// Packaging: what `npm publish` and `deno publish` would ship, checked on the
// packed tarball (test/packed/setup.ts packs it) and on jsr.json.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, RUNTIME_ENV, TARBALL_DIR } from './paths.ts';

const run = promisify(execFile);
const packageJson = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
const jsrJson = JSON.parse(readFileSync(`${ROOT}jsr.json`, 'utf8'));
const packed: { filename: string; files: { path: string }[] } = JSON.parse(readFileSync(`${TARBALL_DIR}pack.json`, 'utf8'));
const tarball = `${TARBALL_DIR}${packed.filename}`;
const files = packed.files.map((file) => file.path).sort();

describe('the npm tarball', () => {
  test('ships dist, the JSON Schemas, the docs, README, LICENSE and package.json, and nothing else', () => {
    expect(files).toEqual(
      expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/index.cjs', 'dist/index.d.cts', 'docs/guarantees.md']),
    );
    expect(
      files.filter(
        (file) =>
          !file.startsWith('dist/') &&
          !file.startsWith('json-schema/') &&
          !/^docs\/[\w-]+\.md$/.test(file) &&
          !['LICENSE', 'README.md', 'package.json'].includes(file),
      ),
    ).toEqual([]);
  });

  test('ships no tests, benchmarks, examples or sources', () => {
    const unwanted = files.filter((file) => /\.test(-d)?\.|(^|\/)(test|tests|bench|benchmarks?|examples?|src)\/|\.tsx?$/.test(file.replace(/\.d\.c?ts$/, '.d')));
    expect(unwanted).toEqual([]);
  });

  test('holds every file that package.json points at', () => {
    const targets = JSON.stringify([packageJson.exports, packageJson.main, packageJson.module, packageJson.types]).match(/\.\/(dist|json-schema)\/[^"]+/g)!;
    expect(targets.length).toBeGreaterThanOrEqual(4);
    for (const target of targets) expect(files).toContain(target.slice(2));
  });

  test('are the types wrong? (attw --pack): no problems under node10, node16 (CJS and ESM) and bundler', async () => {
    const { stdout } = await run(`${ROOT}node_modules/.bin/attw`, [tarball, '--format', 'json'], { cwd: ROOT }).catch((error) => error);
    const { analysis, problems } = JSON.parse(stdout);
    expect(problems).toEqual({});
    expect(analysis.problems).toEqual([]);
    const resolutions = analysis.entrypoints['.'].resolutions;
    const resolved = Object.fromEntries(
      Object.entries(resolutions as Record<string, { resolution?: { fileName: string }; implementationResolution?: { fileName: string } }>).map(([kind, value]) => [kind, [value.resolution?.fileName, value.implementationResolution?.fileName]]),
    );
    expect(resolved).toEqual({
      node10: ['/node_modules/image-usage/dist/index.d.cts', '/node_modules/image-usage/dist/index.cjs'],
      'node16-cjs': ['/node_modules/image-usage/dist/index.d.cts', '/node_modules/image-usage/dist/index.cjs'],
      'node16-esm': ['/node_modules/image-usage/dist/index.d.ts', '/node_modules/image-usage/dist/index.js'],
      bundler: ['/node_modules/image-usage/dist/index.d.ts', '/node_modules/image-usage/dist/index.js'],
    });
  });

  test('publint --strict: no errors, warnings or suggestions', async () => {
    const { messages, pkg } = await publint({ pack: { tarball: readFileSync(tarball).buffer as ArrayBuffer }, strict: true, level: 'suggestion' });
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([]);
  });
});

/** Searches a user might try; each word must be in what the registry searches. */
const SEARCHES = ['gpt-image usage', 'image tokens', 'token usage validation', 'valibot usage'];

/** The words of a text as a registry's search sees them, lowercase, hyphenated ones whole and in parts. */
function wordsOf(text: string): Set<string> {
  const words = text.toLowerCase().split(/[^a-z0-9-]+/).filter((word) => word !== '');
  return new Set([...words, ...words.flatMap((word) => word.split('-'))]);
}

describe('search', () => {
  test.each(SEARCHES)('npm: every word of "%s" is in the description or the keywords', (search) => {
    const words = wordsOf(`${packageJson.description} ${packageJson.keywords.join(' ')}`);
    expect(search.split(' ').filter((word) => !words.has(word))).toEqual([]);
  });

  // JSR has no keywords, and takes a package's description from its settings on jsr.io, not from
  // jsr.json (it ignores the field, and `deno publish` accepts it): jsr.json holds the text to set there.
  test.each(SEARCHES)('JSR: every word of "%s" is in the description', (search) => {
    const words = wordsOf(jsrJson.description);
    expect(search.split(' ').filter((word) => !words.has(word))).toEqual([]);
  });

  test("jsr.json's description is package.json's, within JSR's 250 characters", () => {
    expect(jsrJson.description).toBe(packageJson.description);
    expect(jsrJson.description.length).toBeLessThanOrEqual(250);
  });
});

describe('JSR', () => {
  test('jsr.json and package.json agree on version, license and entry point', () => {
    expect(jsrJson.version).toBe(packageJson.version);
    expect(jsrJson.license).toBe(packageJson.license);
    expect(jsrJson.exports).toBe('./src/index.ts');
    // the same valibot range for both registries' users
    expect(jsrJson.imports.valibot).toBe(`npm:valibot@${packageJson.peerDependencies.valibot}`);
  });

  test('deno publish --dry-run passes without --allow-slow-types and publishes the source without tests', async () => {
    const { stdout, stderr } = await run(BIN.deno, ['publish', '--dry-run', '--allow-dirty', '--config', 'jsr.json'], {
      cwd: ROOT,
      env: RUNTIME_ENV,
    });
    const output = stdout + stderr;
    expect(output).toContain('Dry run complete');
    expect(output).toContain('Checking for slow types');
    expect(output).not.toMatch(/^(warning|error)/im);
    const root = pathToFileURL(ROOT).href;
    const published = output
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.startsWith(root))
      .map((line) => line.slice(root.length).replace(/ \(.*\)$/, ''));
    expect(published).toContain('src/index.ts');
    expect(published).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'jsr.json', 'docs/guarantees.md']));
    expect(published.filter((file) => /\.test(-d)?\.ts$|^(test|bench|examples|dist)\//.test(file!))).toEqual([]);
  });
});
