import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { wholeResponses } from './fixtures/index.ts';

// `npm run example` runs examples/usage-report.js on the built package (npm test builds dist/ first).
const script = fileURLToPath(new URL('../examples/usage-report.js', import.meta.url));
const output = execFileSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });
const [usageObjects, responses, models, metadata] = output.split(/\n(?=Whole responses|Each model|Gemini's usageMetadata)/);

test('npm run example reports each usage object: valid or not, consistent or not', () => {
  expect(usageObjects).toContain('seed CreateImageVariationUsage example (random doc values)\n  valid: 5343.23 tokens');
  expect(usageObjects).toContain('  inconsistent (total): totalTokens: expected inputTokens + outputTokens = 5301.59, received 5343.23');
  expect(usageObjects).toContain('wire, a count sent as a string\n  invalid:\n    total_tokens: expected number, received "4212"');
  expect(usageObjects).toContain('gpt-image-1 high 1024x1024 response (third-party docs)\n  valid: 4212 tokens (52 in, 4160 out)\n  consistent');
  // No model comes with them: nothing is priced, nothing added up.
  expect(usageObjects).not.toMatch(/costs|\$/);
});

test('npm run example prices each whole response at its own model', () => {
  expect(responses).toContain('OpenAPI /images/edits streaming example: image_edit.completed (compact)\n  50 in, 50 out; costs $0.00197 at gpt-image-1.5');
  expect(responses).toContain('gemini-3-pro-image-preview text + image with thoughts\n  14 in, 1457 out (1120 image); costs $0.138472 at gemini-3-pro-image-preview');
  expect(responses).toContain('OpenAPI ImagesResponse example\n  50 in, 50 out; the model is not stated: not priced');
  // Every priced response at the model its source states.
  const priced = [...responses!.matchAll(/^(.+)\n {2}.*; costs \$[\d.]+ at (.+)$/gm)];
  expect(priced.length).toBeGreaterThanOrEqual(9);
  for (const [, name, model] of priced) expect([name, model]).toStrictEqual([name, wholeResponses.find((response) => response.name === name)?.model]);
  expect(metadata).toContain('gemini-3-pro-image-preview: image output with thoughts\n  33 in, 2309 out (1120 image); costs $0.148734 at gemini-3-pro-image-preview');
  expect(metadata).toContain(
    '  refused:\n    promptTokensDetails.1.modality: expected no AUDIO or VIDEO tokens (an ImageUsage has no place for them), received "AUDIO" with 150 tokens',
  );
});

test('npm run example adds the responses up model by model, each sum costing what its responses cost', () => {
  const costs = new Map<string, number[]>();
  for (const [, cost, model] of responses!.matchAll(/costs \$([\d.]+) at (.+)$/gm)) costs.set(model!, [...(costs.get(model!) ?? []), Number(cost)]);
  const sums = [...models!.matchAll(/^(\S+): (\d+) responses?, \$([\d.]+)\n {2}(\{.*\})$/gm)];
  expect(sums.map(([, model]) => model)).toStrictEqual([...costs.keys()]);
  for (const [, model, count, cost] of sums) {
    expect(Number(count)).toBe(costs.get(model!)!.length);
    expect(Number(cost)).toBeCloseTo(costs.get(model!)!.reduce((sum, each) => sum + each, 0), 12);
  }
  expect(models).toContain('gpt-image-1: 5 responses, $0.59007');
  expect(models).toContain('gemini-2.5-flash-image: 3 responses, $0.1161909');
});
