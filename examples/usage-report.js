// Reads real payloads and shows what image-usage makes of each. First the
// usage objects of test/fixtures, which come without a model: whether each is
// valid and what the consistency check finds. Then whole responses, each
// priced at its own model from @pydantic/genai-prices' catalog, and the sum
// of each model's responses and its cost: what a meter bills, model by model
// (a sum of several models' usages has no price). Last, Gemini's
// usageMetadata on its own, each priced at its model. Run it with
// `npm run example`.
import { readFileSync } from 'node:fs';
import { calcPrice } from '@pydantic/genai-prices';
import {
  checkImageUsage,
  estimateCost,
  imagePricesFromGenaiPrices,
  safeParseImageUsage,
  StrictGeminiUsageMetadataSchema,
  sumImageUsage,
  toWire,
} from 'image-usage';
import * as v from 'valibot';

const read = (file) => JSON.parse(readFileSync(new URL(`../test/fixtures/${file}`, import.meta.url), 'utf8')).cases;
const issuesOf = (issues) => issues.map((issue) => `    ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`).join('\n');

console.log('Usage objects, without a model: valid or not, consistent or not');
for (const { name, value } of [...read('usage-payloads.json'), ...read('own-payloads.json')]) {
  console.log(`\n${name}`);
  const result = safeParseImageUsage(value);
  if (!result.success) {
    console.log(`  invalid:\n${issuesOf(result.issues)}`);
    continue;
  }
  const inconsistencies = checkImageUsage(result.output);
  console.log(`  valid: ${result.output.totalTokens} tokens (${result.output.inputTokens} in, ${result.output.outputTokens} out)`);
  if (inconsistencies.length === 0) console.log('  consistent');
  for (const found of inconsistencies) console.log(`  inconsistent (${found.rule}): ${found.message}`);
}

/** Each response's model, its provider, and its usage object in its own form. */
const responses = [];
for (const { name, kind, model, body } of read('responses.json')) {
  if (kind === 'openai-images' || kind === 'openai-image-event') {
    if (body.usage !== undefined) responses.push({ name, model, provider: 'openai', usage: body.usage });
  } else if (kind === 'openai-responses' && body.tool_usage !== undefined) {
    // The image tool's usage; its model is the tool's, when the request named one (not the language model's).
    const tool = body.tools?.find(({ type }) => type === 'image_generation');
    responses.push({ name, model: tool?.model ?? null, provider: 'openai', usage: body.tool_usage.image_gen });
  } else if (kind === 'gemini') {
    // A stream's usageMetadata is cumulative: the last chunk's is the response's.
    const usageMetadata = Array.isArray(body) ? body.at(-1).usageMetadata : body.usageMetadata;
    responses.push({ name, model, provider: 'google', usageMetadata });
  }
}
/** The prices of a model in the catalog, or why there are none. */
function pricesOf(provider, model) {
  if (model === null) return 'the model is not stated: not priced';
  const found = calcPrice({}, model, { providerId: provider });
  if (found === null) return `${model} is not in the genai-prices catalog: pass ImagePrices of your own to estimateCost`;
  try {
    return imagePricesFromGenaiPrices(found.model_price);
  } catch (error) {
    return error.message;
  }
}

/** Parses a usage under the strict rules (a cost needs sums that hold) and prices it at its model; the priced usage, or nothing. */
function report({ name, model, provider, usage, usageMetadata }) {
  console.log(`\n${name}`);
  const result =
    usageMetadata === undefined ? safeParseImageUsage(usage, { strict: true }) : v.safeParse(StrictGeminiUsageMetadataSchema, usageMetadata);
  if (!result.success) {
    console.log(`  refused:\n${issuesOf(result.issues)}`);
    return undefined;
  }
  const { inputTokens, outputTokens, outputTokensDetails } = result.output;
  const image = outputTokensDetails === undefined ? '' : ` (${outputTokensDetails.imageTokens} image)`;
  const prices = pricesOf(provider, model);
  if (typeof prices === 'string') {
    console.log(`  ${inputTokens} in, ${outputTokens} out${image}; ${prices}`);
    return undefined;
  }
  console.log(`  ${inputTokens} in, ${outputTokens} out${image}; costs $${estimateCost(result.output, prices)} at ${model}`);
  return { model, prices, usage: result.output };
}

console.log('\nWhole responses, each priced at its own model (genai-prices catalog)');
/** The priced usages of each model, to add up model by model. */
const byModel = new Map();
for (const response of responses) {
  const priced = report(response);
  if (priced === undefined) continue;
  const { model, prices, usage } = priced;
  byModel.set(model, { prices, usages: [...(byModel.get(model)?.usages ?? []), usage] });
}

console.log('\nEach model: the sum of its priced responses, in the wire form, and what it costs');
for (const [model, { prices, usages }] of byModel) {
  const total = sumImageUsage(usages);
  console.log(`\n${model}: ${usages.length} response${usages.length === 1 ? '' : 's'}, $${estimateCost(total, prices)}`);
  console.log(`  ${JSON.stringify(toWire(total))}`);
}

// Gemini's usageMetadata on its own, each priced at its model: not added up, as some are chunks of
// one stream (each chunk's usage is the stream's so far) and some are the responses above again.
// The shared cases are named after their model; the others say it.
console.log("\nGemini's usageMetadata on its own, each priced at its own model (not added up: some are chunks of one stream)");
for (const { name, usageMetadata } of read('gemini-usage-metadata.json')) {
  report({ name, model: name.slice(0, name.indexOf(':')), provider: 'google', usageMetadata });
}
for (const { name, model, usageMetadata } of read('gemini-payloads.json')) report({ name, model, provider: 'google', usageMetadata });
