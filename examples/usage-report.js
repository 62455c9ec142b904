// Reads real usage payloads and shows what image-usage makes of each: whether
// it is valid, what the consistency check finds, what it costs at the prices
// of @pydantic/genai-prices' catalog, and at the end the sum of the valid,
// consistent ones (what a meter would bill). Run it with `npm run example`.
import { readFileSync } from 'node:fs';
import { calcPrice } from '@pydantic/genai-prices';
import {
  checkImageUsage,
  estimateCost,
  GeminiUsageMetadataSchema,
  imagePricesFromGenaiPrices,
  safeParseImageUsage,
  sumImageUsage,
  toWire,
} from 'image-usage';
import * as v from 'valibot';

const read = (file) => JSON.parse(readFileSync(new URL(`../test/fixtures/${file}`, import.meta.url), 'utf8')).cases;
const pricesOf = (providerId, model) => imagePricesFromGenaiPrices(calcPrice({}, model, { providerId }).model_price);
const issuesOf = (issues) => issues.map((issue) => `    ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`).join('\n');

console.log('OpenAI and orq.ai payloads (priced as gpt-image-1, from the genai-prices catalog):');
const gptImage1 = pricesOf('openai', 'gpt-image-1');
const valid = [];
for (const { name, value } of [...read('usage-payloads.json'), ...read('own-payloads.json')]) {
  console.log(`\n${name}`);
  const result = safeParseImageUsage(value);
  if (!result.success) {
    console.log(`  invalid:\n${issuesOf(result.issues)}`);
    continue;
  }
  const inconsistencies = checkImageUsage(result.output);
  console.log(`  valid: ${result.output.totalTokens} tokens (${result.output.inputTokens} in, ${result.output.outputTokens} out)`);
  if (inconsistencies.length === 0) {
    valid.push(result.output);
    console.log(`  consistent; costs $${estimateCost(result.output, gptImage1)}`);
  }
  for (const found of inconsistencies) console.log(`  inconsistent (${found.rule}): ${found.message}`);
}
console.log(`\nSum of the ${valid.length} valid, consistent payloads, in the wire form:`);
console.log(JSON.stringify(toWire(sumImageUsage(valid)), null, 2));

console.log('\nGemini usageMetadata payloads (priced as gemini-2.5-flash-image):');
const flashImage = pricesOf('google', 'gemini-2.5-flash-image');
for (const { name, usageMetadata } of [...read('gemini-usage-metadata.json'), ...read('gemini-payloads.json')]) {
  const result = v.safeParse(GeminiUsageMetadataSchema, usageMetadata);
  if (!result.success) {
    console.log(`\n${name}\n  refused:\n${issuesOf(result.issues)}`);
    continue;
  }
  const { inputTokens, outputTokens, outputTokensDetails } = result.output;
  console.log(`\n${name}\n  ${inputTokens} in, ${outputTokens} out (${outputTokensDetails.imageTokens} image); costs $${estimateCost(result.output, flashImage)}`);
}
