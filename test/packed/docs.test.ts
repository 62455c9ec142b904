// The docs' TypeScript blocks that name a module setting on their first line
// (`// tsconfig.json: "module": "node16"`, see test/snippets.ts), and what the
// prose around them says of other settings. Each is compiled as an ES module
// (`.mts`) in the consumer project, against the packed package, ajv and
// @types/node installed there, with TypeScript 5.9 and the setting it names,
// then run with Node; its `// →` lines are assertions (test/packed/expect.mjs).
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { SNIPPETS, type Snippet, withAssertions } from '../snippets.ts';
import { CONSUMER, ROOT } from './paths.ts';

const run = promisify(execFile);
const DIR = `${CONSUMER}docs-snippets/`;
const TSC = `${ROOT}node_modules/typescript/bin/tsc`;
const EXPECT = pathToFileURL(`${ROOT}test/packed/expect.mjs`).href;

const snippets = SNIPPETS.filter((snippet) => snippet.module !== undefined);
const ATTRIBUTE = " with { type: 'json' }";
const withAttribute = snippets.find(({ code }) => code.includes(ATTRIBUTE))!;
const node16 = snippets.find(({ module }) => module === 'node16')!;

/** The compiler options of a module setting; `bundler` is module resolution, with `module: preserve`. */
function options(module: string): string[] {
  const settings = module === 'bundler' ? ['--module', 'preserve', '--moduleResolution', 'bundler'] : ['--module', module];
  return [...settings, '--strict', '--resolveJsonModule', '--types', 'node', '--target', 'es2022', '--skipLibCheck'];
}

/** Compiles files of DIR with the setting, emitting to `out/<module>/`; returns the error codes by file. */
async function compile(module: string, files: string[]): Promise<Record<string, string[]>> {
  const args = [TSC, ...options(module), '--outDir', `out/${module}`, ...files.map((file) => `${file}.mts`)];
  const { stdout, stderr } = await run(process.execPath, args, { cwd: DIR, timeout: 50_000 }).catch(
    (error: { stdout: string; stderr: string }) => error,
  );
  // An error tied to no file (an unknown option, a crash) is the setup's, not a snippet's.
  const unplaced = stdout.split('\n').filter((line) => /error TS\d+/.test(line) && !/^[\w-]+\.mts\(\d+,\d+\): error/.test(line));
  if (unplaced.length > 0 || stderr !== '') throw new Error(`tsc under ${module} failed: ${[...unplaced, stderr].join('\n')}`);
  const errors: Record<string, string[]> = Object.fromEntries(files.map((file) => [file, []]));
  for (const [, file, code] of stdout.matchAll(/^([\w-]+)\.mts\(\d+,\d+\): error (TS\d+)/gm)) errors[file!]!.push(code!);
  return errors;
}

/** Runs a compiled file with Node in the consumer project; returns its assertions' results, or the error. */
async function execute(module: string, file: string): Promise<{ results?: (string | null)[]; error?: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', EXPECT, `out/${module}/${file}.mjs`], { cwd: DIR, timeout: 30_000 });
    return { results: JSON.parse(stdout.trim().split('\n').at(-1)!) };
  } catch (error) {
    return { error: (error as { stderr: string }).stderr };
  }
}

/** Writes a variant of a snippet, with its `// →` lines as assertions, as DIR/<name>.mts. */
function write(name: string, snippet: Snippet, change: (code: string) => string = (code) => code): string {
  const code = change(snippet.code);
  if (code === snippet.code && name !== snippet.name) throw new Error(`the variant ${name} changes nothing`);
  writeFileSync(`${DIR}${name}.mts`, withAssertions(code));
  return name;
}

/** What each module setting compiles: the snippets that name it, and the variants the prose speaks of. */
const PROGRAMS: Record<string, string[]> = {
  nodenext: ['default-import'],
  node16: [withAttribute.name, 'without-attribute', 'default-import-node16'],
  node18: [withAttribute.name],
  node20: [withAttribute.name],
  bundler: [withAttribute.name],
};
for (const { name, module } of snippets) (PROGRAMS[module!] ??= []).unshift(name);

describe('the docs snippets that name a module setting', () => {
  let errors: Record<string, Record<string, string[]>>;
  beforeAll(async () => {
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    for (const snippet of snippets) write(snippet.name, snippet);
    write('without-attribute', withAttribute, (code) => code.replace(ATTRIBUTE, ''));
    write('default-import', withAttribute, (code) => code.replace('import { Ajv2020 }', 'import Ajv2020'));
    write('default-import-node16', node16, (code) => code.replace('import { Ajv2020 }', 'import Ajv2020'));
    const compiled = await Promise.all(Object.entries(PROGRAMS).map(async ([module, files]) => [module, await compile(module, files)] as const));
    errors = Object.fromEntries(compiled);
  }, 120_000);

  test('are there: one with the JSON import attribute, for nodenext, and one for node16', () => {
    expect(snippets.map(({ name, module }) => [name, module])).toEqual(
      expect.arrayContaining([
        ['docs-json-schema-md-1', 'nodenext'],
        ['docs-json-schema-md-2', 'node16'],
      ]),
    );
    expect(withAttribute.module).toBe('nodenext');
  });

  test.each(snippets.map((snippet) => [snippet.name, snippet.module!, snippet] as const))(
    '%s compiles under "module": "%s" and runs, and its → lines hold',
    async (name, module, { arrows }) => {
      expect(errors[module]![name]).toEqual([]);
      const { results, error } = await execute(module, name);
      expect(error).toBeUndefined();
      expect(results).toEqual(Array.from({ length: arrows }, () => null));
      expect(arrows).toBeGreaterThanOrEqual(2);
    },
  );

  test('the JSON import attribute compiles under node18, node20 and bundler resolution too', () => {
    for (const module of ['node18', 'node20', 'bundler']) expect([module, errors[module]]).toEqual([module, { [withAttribute.name]: [] }]);
  });

  test('under node16 the attribute is TS2823, and without it Node refuses the JSON at run time', async () => {
    expect(errors.node16![withAttribute.name]).toEqual(['TS2823']);
    expect(errors.node16!['without-attribute']).toEqual([]);
    const { error } = await execute('node16', 'without-attribute');
    expect(error).toMatch(/ERR_IMPORT_(ASSERTION_TYPE|ATTRIBUTE)_MISSING/);
  });

  test('the default import of Ajv2020 is not constructable (TS2351) under node16 and nodenext', () => {
    expect(errors.nodenext!['default-import']).toContain('TS2351');
    expect(errors.node16!['default-import-node16']).toContain('TS2351');
  });
});
