import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// `deno doc --lint` checks that every export has JSDoc, an explicit type and a
// return type, and that no public type references a type the package does not
// export. Deno runs from node_modules (the `deno` devDependency) and resolves
// valibot from node_modules too: nothing is downloaded.

const root = fileURLToPath(new URL('..', import.meta.url));
const deno = fileURLToPath(new URL('../node_modules/.bin/deno', import.meta.url));

function denoDoc(...args: string[]) {
  const result = spawnSync(deno, ['doc', ...args, 'src/index.ts'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
  });
  expect(result.error).toBeUndefined();
  return result;
}

describe('deno doc --lint src/index.ts', () => {
  test('finds no missing JSDoc, explicit type or return type, and no private type of ours', () => {
    // --no-npm leaves valibot unresolved, so that only this package's own declarations are judged.
    const result = denoDoc('--lint', '--no-npm');
    expect(result.stderr).not.toMatch(/^error/m);
    expect(result.status).toBe(0);
  });

  test('reports nothing but the valibot types the schema types are written in', () => {
    // With valibot resolved, Deno counts valibot's own exported types (v.ObjectSchema, …)
    // as "private" to this package: it exempts types from other packages only when they
    // come from jsr: or https: modules, not from npm. Everything else must be clean.
    const result = denoDoc('--lint');
    const valibot = readFileSync(new URL('../node_modules/valibot/dist/index.d.mts', import.meta.url), 'utf8');
    const exported = new Set(/export \{([^}]*)\};\s*$/.exec(valibot)![1]!.split(',').map((name) => name.trim().replace(/^type /, '')));
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('error'));
    const summary = errors.pop();
    expect(summary).toMatch(/^error: Found \d+ documentation lint errors?\.$/);
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) {
      const match = /^error\[private-type-ref\]: public type '[^']+' references private type '([^']+)'$/.exec(line);
      expect(match, line).not.toBeNull();
      expect(exported.has(match![1]!), line).toBe(true);
    }
  });
});

/** One exported symbol in the output of `deno doc --json`. */
interface DocSymbol {
  readonly name: string;
  readonly declarations: ReadonlyArray<{ readonly jsDoc?: { readonly doc?: string; readonly tags?: ReadonlyArray<{ readonly kind: string }> } }>;
}

describe('the JSDoc of src/index.ts', () => {
  test('every export has a description and an @example', () => {
    const result = denoDoc('--json', '--no-npm');
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout) as { nodes: Record<string, { symbols: DocSymbol[] }> };
    const symbols = Object.values(doc.nodes).flatMap((node) => node.symbols);
    expect(symbols.map((symbol) => symbol.name)).toContain('estimateCost');
    const undocumented = symbols
      .filter((symbol) => !symbol.declarations.some((declaration) => declaration.jsDoc?.doc && declaration.jsDoc.tags?.some((tag) => tag.kind === 'example')))
      .map((symbol) => symbol.name);
    expect(undocumented).toStrictEqual([]);
  });
});
