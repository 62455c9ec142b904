import { defineConfig } from 'tsup';

// One file for the bin, for plain Node 20; its dependencies (image-usage,
// @pydantic/genai-prices) stay imports, installed beside it.
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  silent: true,
});
