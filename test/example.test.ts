import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// `npm run example` runs examples/usage-report.js on the built package (npm test builds dist/ first).
test('npm run example reports each payload and the sum of the valid, consistent ones', () => {
  const script = fileURLToPath(new URL('../examples/usage-report.js', import.meta.url));
  const output = execFileSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });
  expect(output).toContain('seed CreateImageVariationUsage example (random doc values)\n  valid: 5343.23 tokens');
  expect(output).toContain(
    '  inconsistent (total): totalTokens: expected inputTokens + outputTokens = 5301.59, received 5343.23',
  );
  expect(output).toContain('wire, a count sent as a string\n  invalid:\n    total_tokens: expected number, received "4212"');
  expect(output).toContain('Sum of the 6 valid, consistent payloads, in the wire form:');
  expect(output).toContain('"total_tokens": 23079');
  expect(output).toContain('gpt-image-1 high 1024x1024 response (third-party docs)\n  valid: 4212 tokens (52 in, 4160 out)\n  consistent; costs $0.16666');
  expect(output).toContain('gemini-3-pro-image-preview: image output with thoughts\n  33 in, 2309 out (1120 image); costs $0.0365824');
  expect(output).toContain('  refused:\n    promptTokensDetails.1.modality: expected no AUDIO or VIDEO tokens (an ImageUsage has no place for them), received "AUDIO" with 150 tokens');
});
