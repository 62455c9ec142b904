// The two tarballs as npm packed them (cli/test/setup.ts), and the user's
// project they were installed into: the library carries nothing of the
// command, the command is one file that imports its dependencies, and `npx`
// runs it offline under either name.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PACK, ROOT, USER } from './paths.ts';
import { jsonl, run, wire } from './run.ts';

interface Packed {
  readonly filename: string;
  readonly files: { path: string }[];
}

const packed = JSON.parse(readFileSync(`${PACK}packed.json`, 'utf8')) as { library: Packed; command: Packed };
const installed = (name: string): Record<string, unknown> => JSON.parse(readFileSync(`${USER}node_modules/${name}/package.json`, 'utf8')) as Record<string, unknown>;

describe('the library', () => {
  test('ships nothing of the command, and asks for nothing but valibot: its users install and bundle what they did', () => {
    const files = packed.library.files.map(({ path }) => path);
    expect(files.filter((file) => file.startsWith('cli/') || file.includes('bin'))).toEqual([]);
    expect(files).toContain('docs/report.md');
    const library = installed('image-usage');
    expect([library.dependencies, library.peerDependencies, library.optionalDependencies, library.bin]).toEqual([undefined, { valibot: '^1.1.0' }, undefined, undefined]);
  });
});

describe('the command', () => {
  test('ships its bin, README, LICENSE and package.json', () => {
    expect(packed.command.files.map(({ path }) => path).sort()).toEqual(['LICENSE', 'README.md', 'dist/cli.js', 'package.json']);
    const command = installed('image-usage-cli');
    expect(command.bin).toEqual({ 'image-usage': 'dist/cli.js' });
    expect(command.engines).toEqual({ node: '>=20' });
    expect(Object.keys(command.dependencies as object).sort()).toEqual(['@pydantic/genai-prices', 'image-usage', 'valibot']);
    expect((command.dependencies as Record<string, string>)['image-usage']).toBe(`^${(JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version}`);
  });

  test('is one file for plain Node that imports the library and the catalog, and carries neither', () => {
    const bin = readFileSync(`${USER}node_modules/image-usage-cli/dist/cli.js`, 'utf8');
    expect(bin.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(bin).toMatch(/^import \{[^}]*safeParseImageResponse[^}]*\} from "image-usage";$/m);
    expect(bin).toMatch(/^import \{[^}]*calcPrice[^}]*\} from "@pydantic\/genai-prices";$/m);
    expect(bin).not.toContain('cache_image_read_mtok'); // the catalog's data
    expect(bin).not.toContain('_readUsage'); // the library's code
    expect(bin.length).toBeLessThan(60_000);
  });

  test("a user's project holds the two packages and their two dependencies, nothing more", () => {
    expect(readdirSync(`${USER}node_modules`).filter((name) => !name.startsWith('.')).sort()).toEqual(['@pydantic', 'image-usage', 'image-usage-cli', 'valibot']);
    expect(readdirSync(`${USER}node_modules/@pydantic`)).toEqual(['genai-prices']);
  });

  test('npx runs it offline, by the package name and by the bin name', () => {
    const log = jsonl({ model: 'gpt-image-1', response: wire(11, 0, 6240) });
    for (const name of ['image-usage-cli', 'image-usage']) {
      const ran = run(['report', '-'], { input: log, command: ['npx', '--no-install', name] });
      expect([name, ran.status, ran.stderr]).toEqual([name, 0, '']);
      expect(ran.stdout).toMatch(/^gpt-image-1 +1 +0 +11 .* \$0\.2497$/m);
    }
  });
});
