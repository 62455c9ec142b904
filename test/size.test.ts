import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';

// What a user ships for one import: the built ESM package (dist/, as npm
// serves it) bundled by esbuild for an edge runtime, minified, gzipped at
// level 9. `npm test` builds dist/ first.
//
// `target` is what the issue "Validation at the hand-written limit" asks for
// (none for the imports it does not name); `budget` is what this test enforces. Where they differ, the package does not
// meet the target yet (see the README's Performance section): the budget holds
// the line at the size measured when it was set, so that it cannot grow unseen.
const imports = [
  { name: 'isImageUsage', target: 300, budget: 270 },
  { name: 'ratio', target: undefined, budget: 400 },
  { name: 'toWire', target: undefined, budget: 820 },
  { name: 'checkImageUsage', target: 500, budget: 1220 },
  { name: 'sumImageUsage', target: 600, budget: 1175 },
  { name: 'ImageUsageSchema', target: undefined, budget: 2350 },
  { name: 'parseImageUsage', target: 2500, budget: 4300 },
  { name: '*', target: 3000, budget: 5950 },
] as const satisfies readonly { name: string; target: number | undefined; budget: number }[];

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/** The gzipped size of a minified edge bundle of one import from `from` (dist/ by default). */
async function bundledSize(
  name: string,
  { from = dist, external = [] }: { from?: string; external?: string[] } = {},
): Promise<{ minified: number; gzipped: number }> {
  const contents =
    name === '*'
      ? `import * as all from ${JSON.stringify(from)}; globalThis.used = all;`
      : `import { ${name} } from ${JSON.stringify(from)}; globalThis.used = ${name};`;
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['workerd', 'worker', 'edge-light', 'import'],
    external,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

describe('bundle size per import (esbuild, minified, gzip -9)', () => {
  test('dist/ is built', () => {
    expect(existsSync(dist)).toBe(true);
  });

  const rows: string[] = [];
  const measured = new Map<string, number>();
  test.each(imports)('$name', async ({ name, target, budget }) => {
    const { minified, gzipped } = await bundledSize(name);
    measured.set(name, gzipped);
    rows.push(
      `${name.padEnd(18)} ${String(minified).padStart(6)} B min ${String(gzipped).padStart(6)} B gz${
        target === undefined ? '' : `   target ${target} B${gzipped > target ? '  (over target)' : ''}`
      }`,
    );
    expect(gzipped).toBeLessThanOrEqual(budget);
    if (rows.length === imports.length) console.log(`\n${rows.join('\n')}`);
  });

  test("the README's size table gives the sizes measured here, within 1%", async () => {
    // Measured here again when this test runs on its own (vitest -t).
    for (const { name } of imports) if (!measured.has(name)) measured.set(name, (await bundledSize(name)).gzipped);
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('| import | gzipped | target |'));
    const documented = new Map(
      [...table.split('\n\n')[0]!.matchAll(/^\| (?:`(\w+)`|(everything)) \| ([\d,]+) B \|/gm)].map((row) => [
        row[1] ?? '*',
        Number(row[3]!.replaceAll(',', '')),
      ]),
    );
    expect(documented.size).toBe(imports.length);
    // Builds differ by a few bytes (the order in which esbuild lays out shared
    // chunks varies), so the README may be off by 1% of a figure.
    for (const [name, gzipped] of measured) {
      expect(Math.abs(documented.get(name)! - gzipped), name).toBeLessThanOrEqual(Math.ceil(gzipped / 100));
    }
  });

  test("the README's reasons for the missed targets give the sizes measured here, within 1%", async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const said = (pattern: RegExp): number => Number(readme.replace(/\s+/g, ' ').match(pattern)![1]!.replaceAll(',', ''));
    // The checked reader that checkImageUsage and sumImageUsage share, bundled on its own.
    const reader = (await bundledSize('readCounts', { from: fileURLToPath(new URL('../src/internal/readCounts.ts', import.meta.url)) })).gzipped;
    expect(Math.abs(said(/checked reader alone is ([\d,]+) B gzipped/) - reader)).toBeLessThanOrEqual(Math.ceil(reader / 100));
    expect(reader).toBeGreaterThan(600); // more than either helper's target by itself
    // parseImageUsage with valibot left out of the bundle.
    const parse = (await bundledSize('parseImageUsage', { external: ['valibot'] })).gzipped;
    expect(Math.abs(said(/bundled without valibot it is still ([\d,]+) B gzipped/) - parse)).toBeLessThanOrEqual(Math.ceil(parse / 100));
    expect(parse).toBeGreaterThan(2500); // more than its target without valibot
  });

  test('a helper does not carry the schemas or valibot', async () => {
    for (const name of ['isImageUsage', 'checkImageUsage', 'sumImageUsage', 'toWire', 'ratio']) {
      const result = await build({
        stdin: { contents: `export { ${name} } from ${JSON.stringify(dist)};`, resolveDir: process.cwd(), loader: 'js' },
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        mainFields: ['module', 'main'],
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const [output] = Object.values(result.metafile.outputs);
      const shipped = Object.entries(output!.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0);
      expect(
        shipped.map(([input]) => input).filter((input) => input.includes('node_modules/valibot')),
        name,
      ).toStrictEqual([]);
    }
  });
});
