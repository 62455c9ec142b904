import { readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { describe, expect, test } from 'vitest';
import * as imageUsage from '../src/index.ts';

// Every TypeScript block of the README runs here against the source, and every
// `expression; // → value` line in it is an assertion that the expression
// equals the value. A block with an arrow line whose expression is missing
// (`// → value` on a line of its own) asserts on the line above.

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);

/** Turns a README block into the body of an async function taking the package. */
function toTestBody(block: string): string {
  const lines = block.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const arrow = /^(\s*)(.*?);?\s*\/\/ → (.+)$/.exec(line);
    const alone = /^(\s*)\/\/ → (.+)$/.exec(line);
    if (alone) {
      const previous = out.pop()!;
      const expression = previous.trim().replace(/;$/, '');
      out.push(`${alone[1]}__expect(${expression}, ${alone[2]});`);
    } else if (arrow?.[2]) {
      out.push(`${arrow[1]}__expect(${arrow[2]}, ${arrow[3]});`);
    } else {
      out.push(line);
    }
  }
  return out
    .join('\n')
    .replace(/^import \* as v from 'valibot';$/m, 'const v = __valibot;')
    .replace(/^import \{([^}]*)\} from 'image-usage';$/m, 'const {$1} = __package;');
}

describe('README', () => {
  test('has TypeScript examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  test.each(blocks.map((block, index) => [index + 1, block] as const))('example %i runs and its → lines hold', async (_, block) => {
    const { code } = await transform(toTestBody(block), { loader: 'ts' });
    const assertions: Array<[unknown, unknown]> = [];
    const run = new Function('__package', '__valibot', '__expect', `return (async () => {\n${code}\n})();`);
    await run(imageUsage, await import('valibot'), (actual: unknown, expected: unknown) => assertions.push([actual, expected]));
    expect(assertions.length).toBe((block.match(/\/\/ → /g) ?? []).length);
    for (const [actual, expected] of assertions) expect(actual).toStrictEqual(expected);
  });
});
