import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // `npm test` measures how much of src/ the tests run, and fails below 95%.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // cli/ is the command's package: its tests run it (one imports its price cache), and count nothing here.
      exclude: ['src/**/*.test.ts', 'src/**/*.test-d.ts', 'cli/**'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 95, branches: 95, functions: 95, statements: 95 },
    },
    projects: [
      {
        // `image-usage` is the source here, as the README's and the docs' code blocks import it.
        resolve: { alias: { 'image-usage': fileURLToPath(new URL('src/index.ts', import.meta.url)) } },
        test: {
          name: 'unit',
          // A few tests run tsc, deno or a child Node; a busy machine takes longer than vitest's 5 s.
          testTimeout: 30_000,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/packed/**'],
          typecheck: {
            enabled: true,
            include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'],
            tsconfig: './tsconfig.test.json',
          },
        },
      },
      {
        // The built package, packed and installed like a user's (see test/packed/setup.ts):
        // packaging checks, the runtime matrix and the example edge functions.
        test: {
          name: 'packed',
          include: ['test/packed/**/*.test.ts'],
          globalSetup: ['test/packed/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The command (cli/), packed with the library and installed like a user's
        // (see cli/test/setup.ts), and run as a user runs it.
        test: {
          name: 'cli',
          include: ['cli/test/**/*.test.ts'],
          globalSetup: ['cli/test/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
