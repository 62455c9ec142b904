// The TypeScript blocks of the README and of docs/: each is a whole program,
// and every `expression; // → value` line in it is an assertion that the
// expression equals the value. An arrow line whose expression is missing
// (`// → value` on a line of its own) asserts on the line above. A block whose
// first line names a module setting (`// tsconfig.json: "module": "node16"`)
// is compiled with that setting against the packed package and run with Node
// (test/packed/docs.test.ts); test/readme.test.ts runs the others against src/.
import { readdirSync, readFileSync } from 'node:fs';

export interface Snippet {
  /** The document and the block's place in it, as a file name: `docs-json-schema-md-1`. */
  readonly name: string;
  readonly code: string;
  /** How many `// →` assertions it holds. */
  readonly arrows: number;
  /** The `module` setting its first line names, if it names one. */
  readonly module: string | undefined;
}

const ROOT = new URL('../', import.meta.url);

/** The README and every file of docs/. */
export const DOCUMENTS: readonly string[] = ['README.md', ...readdirSync(new URL('docs/', ROOT)).map((file) => `docs/${file}`)];

/** Every TypeScript block of the README and the docs, in order. */
export const SNIPPETS: readonly Snippet[] = DOCUMENTS.flatMap((document) =>
  [...readFileSync(new URL(document, ROOT), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match, index) => ({
    name: `${document.replace(/[/.]/g, '-')}-${index + 1}`,
    code: match[1]!,
    arrows: (match[1]!.match(/\/\/ → /g) ?? []).length,
    module: /^\/\/ tsconfig\.json: "module": "(\w+)"\n/.exec(match[1]!)?.[1],
  })),
);

/** Turns each `// →` line into a call of `__expect`, which the test that runs the program defines. */
export function withAssertions(code: string): string {
  const out: string[] = [];
  for (const line of code.split('\n')) {
    const arrow = /^(\s*)(.*?);?\s*\/\/ → (.+)$/.exec(line);
    const alone = /^(\s*)\/\/ → (.+)$/.exec(line);
    if (alone) {
      const expression = out.pop()!.trim().replace(/;$/, '');
      out.push(`${alone[1]!}__expect(${expression}, ${alone[2]!});`);
    } else if (arrow?.[2]) {
      out.push(`${arrow[1]!}__expect(${arrow[2]}, ${arrow[3]!});`);
    } else {
      out.push(line);
    }
  }
  return `declare function __expect(actual: unknown, expected: unknown): void;\n${out.join('\n')}\nexport {};\n`;
}
