import { extractUsage, findProvider } from '@pydantic/genai-prices';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  GeminiUsageMetadataSchema,
  type ImageResponse,
  type ImageResponseShape,
  type ImageUsage,
  parseImageUsage,
  safeParseImageResponse,
  toWire,
} from '../src/index.ts';
import responses from './fixtures/responses.json' with { type: 'json' };

// Every whole response of test/fixtures/responses.json (a copy of the shared
// fixtures: real bodies with their sources) read by safeParseImageResponse:
// the shape, the model, the usage, the images and the reported cost each
// case must give, written out here; where genai-prices' extractUsage reads
// the body (OpenAI's Images API, flavor `images`; Gemini, flavor `default`),
// the same counts as it.

/** What a case must give: a response, or the issues (`path: message`). */
interface Expected {
  readonly shape: ImageResponseShape;
  /** The model: the body's, or the request's (`REQUEST`, passed as the option) when the body names none. */
  readonly model: string | undefined;
  /** `'the body's'`: what the package's own reader of the usage object gives for the body's usage; or none. */
  readonly usage: "the body's" | undefined | ImageUsage;
  readonly images: number;
  readonly reportedCost?: number;
}

/** The model passed as the request's. */
const REQUEST = 'the request model';

const images = (count: number, model: string | undefined = REQUEST): Expected => ({ shape: 'openai-images', model, usage: "the body's", images: count });
const openRouterIssue = (received: number) => [
  `usage.prompt_tokens: expected 0, or openRouterPromptTokens: 'text' or 'image' (OpenRouter does not split prompt tokens), received ${received}`,
];

/** Each case by its name: what it gives without options but the model, and, where it differs, with openRouterPromptTokens: 'text'. */
const EXPECTED: Record<string, { readonly read: Expected | readonly string[]; readonly asText?: Expected | readonly string[] }> = {
  'gpt-image-1 generate, default params -> 1024x1536 high': { read: images(1) },
  'gpt-image-1 generate n=2 1024x1024 medium': { read: images(2) },
  'gpt-image-1 generate n=2 webp transparent -> medium (3168)': { read: images(2) },
  'gpt-image-1 edit with input image (194 image tokens in)': { read: images(1) },
  'gpt-image-1 generate n=2 2025-09: no output_tokens_details': { read: images(2) },
  'OpenAPI ImagesResponse example': { read: images(1) },
  'gpt-image response quoted in openai-dotnet#415 (no output_tokens_details)': { read: images(1) },
  // A partial image of the Responses API: no image yet, no usage (not zero).
  'response.image_generation_call.partial_image event (gpt-5 stream)': { read: { shape: 'openai-image-event', model: REQUEST, usage: undefined, images: 0 } },
  'OpenAPI image_generation.completed example': { read: { shape: 'openai-image-event', model: REQUEST, usage: "the body's", images: 1 } },
  'OpenAPI /images/edits streaming example: image_edit.completed (compact)': { read: { shape: 'openai-image-event', model: REQUEST, usage: "the body's", images: 1 } },
  // Before tool_usage: the image usage is nowhere in the body, and the body's usage is gpt-5's, not the image tool's.
  'responses gpt-5 + image_generation tool (jpeg, 1536x1024 high)': { read: { shape: 'openai-responses', model: REQUEST, usage: undefined, images: 1 } },
  'responses gpt-5 with image tool offered, function_call chosen (0 images)': { read: { shape: 'openai-responses', model: REQUEST, usage: undefined, images: 0 } },
  'responses gpt-5-nano + image_generation (webp low)': { read: { shape: 'openai-responses', model: REQUEST, usage: undefined, images: 1 } },
  'response.completed event, gpt-5 image tool stream (cached_tokens 1920)': { read: { shape: 'openai-responses', model: REQUEST, usage: undefined, images: 1 } },
  'azure responses gpt-4.1-mini + image tool (gpt-image-1 medium)': { read: { shape: 'openai-responses', model: 'gpt-image-1', usage: undefined, images: 1 } },
  'responses gpt-4o-mini + image tool (gpt-image-1 high, transparent)': { read: { shape: 'openai-responses', model: 'gpt-image-1', usage: undefined, images: 1 } },
  // tool_usage present and all zero: a reported zero, no image tool, no image.
  'responses gpt-5.6 text-only with tool_usage.image_gen all zeros': { read: { shape: 'openai-responses', model: REQUEST, usage: "the body's", images: 0 } },
  'gemini-2.5-flash-image text+image, candidates not fully itemised': { read: { shape: 'gemini', model: 'gemini-2.5-flash-image', usage: "the body's", images: 1 } },
  'gemini-3-pro-image-preview text + image with thoughts': { read: { shape: 'gemini', model: 'gemini-3-pro-image-preview', usage: "the body's", images: 1 } },
  'vertex gemini-2.5-flash-image TEXT+IMAGE details, trafficType': { read: { shape: 'gemini', model: 'gemini-2.5-flash-image', usage: "the body's", images: 1 } },
  'OpenRouter chat with message.images, usage.cost + cost_details (gateway test payload)': {
    read: openRouterIssue(10),
    asText: {
      shape: 'openrouter',
      model: 'google/gemini-2.5-flash-image',
      usage: { totalTokens: 1310, inputTokens: 10, outputTokens: 1300, inputTokensDetails: { textTokens: 10, imageTokens: 0 }, outputTokensDetails: { textTokens: 10, imageTokens: 1290 } },
      images: 1,
      reportedCost: 0.0387243,
    },
  },
  'OpenRouter chat with message.images, usage.cost (gateway test payload)': {
    read: openRouterIssue(10),
    asText: {
      shape: 'openrouter',
      model: 'google/gemini-2.5-flash-image',
      usage: { totalTokens: 1310, inputTokens: 10, outputTokens: 1300, inputTokensDetails: { textTokens: 10, imageTokens: 0 }, outputTokensDetails: { textTokens: 10, imageTokens: 1290 } },
      images: 1,
      reportedCost: 0.0387243,
    },
  },
  // No image_tokens: the completion is not split (estimateCost prices it all as image output).
  'OpenRouter /api/v1/images response (png, chat-style usage + cost)': {
    read: {
      shape: 'openrouter',
      model: REQUEST,
      usage: { totalTokens: 4175, inputTokens: 0, outputTokens: 4175, inputTokensDetails: { textTokens: 0, imageTokens: 0 } },
      images: 1,
      reportedCost: 0.04,
    },
  },
  // Named image_generation.completed like OpenAI's event, but chat-style: OpenRouter's.
  'OpenRouter /api/v1/images SSE image_generation.completed': {
    read: openRouterIssue(16),
    asText: {
      shape: 'openrouter',
      model: REQUEST,
      usage: { totalTokens: 288, inputTokens: 16, outputTokens: 272, inputTokensDetails: { textTokens: 16, imageTokens: 0 } },
      images: 1,
      reportedCost: 0.011,
    },
  },
  // A usage alone, chat-style: read as OpenRouter's; text = completion - image (reasoning included).
  'LiteLLM chat usage for gemini-3-pro-image (usage-only quote)': {
    read: openRouterIssue(10),
    asText: {
      shape: 'openrouter',
      model: REQUEST,
      usage: { totalTokens: 1355, inputTokens: 10, outputTokens: 1345, inputTokensDetails: { textTokens: 10, imageTokens: 0 }, outputTokensDetails: { textTokens: 225, imageTokens: 1120 } },
      images: 0,
    },
  },
  // Seedream reports no input: its split would be a guess.
  'Seedream 4.5 text-to-image (BytePlus Ark docs)': { read: ['usage.input_tokens_details: expected Object, received undefined'] },
  'Seedream via router docs: generated_images usage, model differs from request': { read: ['usage.input_tokens_details: expected Object, received undefined'] },
  'Seedream 4.0 via relay: prompt/completion 0, empty details, output_tokens only': {
    read: ["usage: expected chat-style usage keys (prompt_tokens, ...) or OpenAI's (input_tokens, ...), not both, received prompt_tokens and output_tokens"],
  },
};

/** What the package's own reader of a usage object gives for the usage a body holds. */
function usageOfBody(body: Record<string, unknown>): ImageUsage {
  if ('usageMetadata' in body) return v.parse(GeminiUsageMetadataSchema, body['usageMetadata']);
  if ('tool_usage' in body) return parseImageUsage((body['tool_usage'] as { image_gen: unknown }).image_gen);
  return parseImageUsage(body['usage']);
}

/** A read as the table writes it. */
function outcome(body: unknown, options: Parameters<typeof safeParseImageResponse>[1]): ImageResponse | string[] {
  const result = safeParseImageResponse(body, options);
  return result.success ? result.output : result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
}

/** The response a table entry stands for. */
function expectedFor(entry: Expected | readonly string[], body: Record<string, unknown>): ImageResponse | readonly string[] {
  if (Array.isArray(entry)) return entry;
  const { usage, reportedCost, ...rest } = entry as Expected;
  return { ...rest, usage: usage === "the body's" ? usageOfBody(body) : usage, reportedCost };
}

const single = responses.cases.filter(({ body }) => !Array.isArray(body));
const streams = responses.cases.filter(({ body }) => Array.isArray(body));

describe('the shared whole responses', () => {
  test('each case has its expectation here, and each expectation its case', () => {
    expect(single.map(({ name }) => name).sort()).toStrictEqual(Object.keys(EXPECTED).sort());
    expect(streams).toHaveLength(1);
  });

  test.each(single.map((entry) => [entry.name, entry] as const))('%s', (name, { body }) => {
    const { read, asText = read } = EXPECTED[name]!;
    expect(outcome(body, { model: REQUEST })).toStrictEqual(expectedFor(read, body as Record<string, unknown>));
    expect(outcome(body, { model: REQUEST, openRouterPromptTokens: 'text' })).toStrictEqual(expectedFor(asText, body as Record<string, unknown>));
  });

  test("the Responses API's usage (the language model's) is never taken for the image usage", () => {
    for (const { body } of single) {
      const read = safeParseImageResponse(body);
      if (!read.success || read.output.shape !== 'openai-responses') continue;
      const inner = ('response' in body ? body.response : body) as { usage: { input_tokens: number } };
      expect(read.output.usage?.inputTokens).not.toBe(inner.usage.input_tokens);
    }
  });

  test('a Gemini stream: each chunk is a response of its own; the last holds the usage of the whole, the image is in its own chunk', () => {
    const chunks = streams[0]!.body as unknown[];
    const reads = chunks.map((chunk) => safeParseImageResponse(chunk)).map((result) => (result.success ? result.output : undefined));
    expect(reads.map((read) => read?.usage?.totalTokens)).toStrictEqual([11, 15, 19, 23, 1313, 1313]);
    expect(reads.map((read) => read?.images)).toStrictEqual([0, 0, 0, 0, 1, 0]);
    expect(reads.at(-1)!.usage).toStrictEqual(v.parse(GeminiUsageMetadataSchema, (chunks.at(-1) as { usageMetadata: unknown }).usageMetadata));
  });
});

describe("the same counts as genai-prices' extractUsage, where it reads the body", () => {
  const openai = findProvider({ providerId: 'openai' })!;
  const google = findProvider({ providerId: 'google' })!;

  test.each(single.filter(({ kind, body }) => kind === 'openai-images' && 'usage' in body).map((entry) => [entry.name, entry] as const))(
    'OpenAI Images API (flavor images): %s',
    (_, { body }) => {
      const ours = safeParseImageResponse(body);
      if (!ours.success) throw new Error('expected a read');
      const wire = toWire(ours.output.usage!);
      const theirs = extractUsage(openai, body, 'images');
      expect(theirs.model).toBeNull();
      expect(theirs.usage).toStrictEqual({
        input_tokens: wire.input_tokens,
        input_text_tokens: wire.input_tokens_details.text_tokens,
        input_image_tokens: wire.input_tokens_details.image_tokens,
        output_tokens: wire.output_tokens,
        ...(wire.output_tokens_details && { output_text_tokens: wire.output_tokens_details.text_tokens, output_image_tokens: wire.output_tokens_details.image_tokens }),
      });
    },
  );

  const gemini = [...single.filter(({ kind }) => kind === 'gemini'), ...(streams[0]!.body as unknown[]).map((chunk, index) => ({ name: `stream chunk ${index}`, body: chunk }))];
  test.each(gemini.map((entry) => [entry.name, entry] as const))('Gemini (flavor default): %s', (_, { body }) => {
    const ours = safeParseImageResponse(body);
    if (!ours.success) throw new Error('expected a read');
    const theirs = extractUsage(google, body, 'default');
    expect(theirs.model).toBe(ours.output.model);
    const usage = ours.output.usage!;
    expect({
      input: usage.inputTokens,
      inputImage: usage.inputTokensDetails.imageTokens,
      output: usage.outputTokens,
      outputImage: usage.outputTokensDetails!.imageTokens,
    }).toStrictEqual({
      input: theirs.usage['input_tokens'] ?? 0,
      inputImage: theirs.usage['input_image_tokens'] ?? 0,
      output: theirs.usage['output_tokens'] ?? 0,
      outputImage: theirs.usage['output_image_tokens'] ?? 0,
    });
  });

  test("extractUsage reads the Responses API's usage (the language model's) and not tool_usage: where the image usage is, it has none", () => {
    const body = single.find(({ name }) => name.startsWith('responses gpt-5.6'))!.body as { usage: { input_tokens: number } };
    expect(extractUsage(openai, body, 'responses').usage['input_tokens']).toBe(body.usage.input_tokens);
    expect(safeParseImageResponse(body)).toMatchObject({ success: true, output: { usage: { inputTokens: 0 } } });
  });
});
