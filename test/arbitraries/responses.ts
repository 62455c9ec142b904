import fc from 'fast-check';
import { type ImageResponse, type ImageUsage, type ParseImageResponseOptions, toWire } from '../../src/index.ts';
import { consistentIntegerUsage } from './index.ts';

// Whole responses of each shape, generated with what a reader must make of
// them: the body, the options it is read with, and the response expected,
// worked out here from the generated figures (not by the package). Every body
// is fresh: a test may change it.

/** A generated whole response and what reading it must give. */
export interface GeneratedResponse {
  readonly body: Record<string, unknown>;
  readonly options: ParseImageResponseOptions;
  readonly expected: ImageResponse;
}

/** The model of the request, passed as the option. */
export const REQUEST = 'the-request-model';

const modelName = fc.constantFrom('gpt-image-1.5', 'gpt-image-2', 'gemini-2.5-flash-image', 'google/gemini-3-pro-image-preview', 'm');

/** A response with nothing but the shape, then the fields given. */
function expect(shape: ImageResponse['shape'], fields: Partial<ImageResponse>): ImageResponse {
  return { shape, model: REQUEST, usage: undefined, images: 0, reportedCost: undefined, ...fields };
}

/** OpenAI's Images API: n images, a wire usage or none (absent or null), a model or none. */
export const openAIImagesResponse: fc.Arbitrary<GeneratedResponse> = fc
  .record({ images: fc.nat(4), usage: fc.option(consistentIntegerUsage), nullUsage: fc.boolean(), model: fc.option(modelName, { nil: undefined }) })
  .map(({ images, usage, nullUsage, model }) => {
    const body: Record<string, unknown> = { created: 1781048029, data: Array.from({ length: images }, () => ({ b64_json: '<cut>' })), quality: 'high' };
    if (usage !== null) body['usage'] = toWire(usage);
    else if (nullUsage) body['usage'] = null;
    if (model !== undefined) body['model'] = model;
    return { body, options: { model: REQUEST }, expected: expect('openai-images', { model: model ?? REQUEST, usage: usage ?? undefined, images }) };
  });

/** An image event: completed (its image maybe cut by a log) with its usage, or partial without. */
export const openAIImageEvent: fc.Arbitrary<GeneratedResponse> = fc
  .record({ partial: fc.boolean(), cut: fc.boolean(), usage: consistentIntegerUsage, responsesApi: fc.boolean() })
  .map(({ partial, cut, usage, responsesApi }) => {
    if (partial) {
      const body = responsesApi
        ? { type: 'response.image_generation_call.partial_image', item_id: 'ig_1', output_index: 1, partial_image_index: 0, partial_image_b64: '<cut>' }
        : { type: 'image_generation.partial_image', b64_json: '<cut>', created_at: 1, partial_image_index: 1 };
      return { body, options: { model: REQUEST }, expected: expect('openai-image-event', {}) };
    }
    const body: Record<string, unknown> = { type: 'image_generation.completed', created_at: 1620000000, usage: toWire(usage) };
    if (!cut) body['b64_json'] = '<cut>';
    return { body, options: { model: REQUEST }, expected: expect('openai-image-event', { usage, images: 1 }) };
  });

/** An item of a Responses API body's output: an image call with a result (an image), without one, or something else. */
const outputItem = fc.constantFrom(
  { type: 'image_generation_call', id: 'ig_1', status: 'completed', result: '<cut>' },
  { type: 'image_generation_call', id: 'ig_2', status: 'failed', result: null },
  { type: 'image_generation_call', id: 'ig_3', status: 'generating', result: '' },
  { type: 'reasoning', id: 'rs_1', summary: [] },
  { type: 'message', id: 'msg_1', content: [{ type: 'output_text', text: '' }] },
).map((item) => structuredClone(item));

/** OpenAI's Responses API: its body or a response.completed event, the image tool's usage or none, its model or the default. */
export const openAIResponsesResponse: fc.Arbitrary<GeneratedResponse> = fc
  .record({
    output: fc.array(outputItem, { maxLength: 5 }),
    toolModel: fc.option(modelName, { nil: undefined }),
    withTool: fc.boolean(),
    toolUsage: fc.option(consistentIntegerUsage),
    nullToolUsage: fc.boolean(),
    wrapped: fc.boolean(),
  })
  .map(({ output, toolModel, withTool, toolUsage, nullToolUsage, wrapped }) => {
    const tools: unknown[] = [{ type: 'function', name: 'final_result' }];
    if (withTool) tools.push(toolModel === undefined ? { type: 'image_generation', quality: 'auto' } : { type: 'image_generation', model: toolModel });
    // The language model's own model and usage, which a reader must never take for the image tool's.
    const body: Record<string, unknown> = {
      id: 'resp_1',
      object: 'response',
      model: 'gpt-5-2025-08-07',
      output,
      tools,
      usage: { input_tokens: 1889, input_tokens_details: { cached_tokens: 0 }, output_tokens: 1434, output_tokens_details: { reasoning_tokens: 1280 }, total_tokens: 3323 },
    };
    if (toolUsage !== null) body['tool_usage'] = { image_gen: toWire(toolUsage), web_search: { num_requests: 0 } };
    else if (nullToolUsage) body['tool_usage'] = null;
    const images = output.filter((item) => item.type === 'image_generation_call' && typeof item.result === 'string' && item.result !== '').length;
    return {
      body: wrapped ? { type: 'response.completed', sequence_number: 15, response: body } : body,
      options: { model: REQUEST },
      expected: expect('openai-responses', { model: (withTool ? toolModel : undefined) ?? REQUEST, usage: toolUsage ?? undefined, images }),
    };
  });

/** A part of a Gemini candidate: an image, a thought image (a draft), text, or inline data of another type. */
const geminiPart = fc.constantFrom(
  { inlineData: { mimeType: 'image/png', data: '<cut>' } },
  { inlineData: { mimeType: 'image/jpeg', data: '<cut>' }, thoughtSignature: '<cut>' },
  { inlineData: { mimeType: 'image/png', data: '<cut>' }, thought: true },
  { text: 'Here it is' },
  { inlineData: { mimeType: 'audio/wav', data: '<cut>' } },
).map((part) => structuredClone(part));

/** Gemini: candidates of parts, a usageMetadata (its counts as proto3 JSON writes them: zeros left out) or none, a modelVersion or none. */
export const geminiResponse: fc.Arbitrary<GeneratedResponse> = fc
  .record({
    candidates: fc.array(fc.array(geminiPart, { maxLength: 4 }), { maxLength: 2 }),
    counts: fc.option(fc.record({ promptText: fc.nat(5000), promptImage: fc.nat(3000), outText: fc.nat(3000), outImage: fc.nat(5000), thoughts: fc.nat(2000) })),
    model: fc.option(modelName, { nil: undefined }),
  })
  .map(({ candidates, counts, model }) => {
    const body: Record<string, unknown> = { candidates: candidates.map((parts, index) => ({ content: { role: 'model', parts }, index })), responseId: 'r' };
    if (model !== undefined) body['modelVersion'] = model;
    let usage: ImageUsage | undefined;
    if (counts !== null) {
      const { promptText, promptImage, outText, outImage, thoughts } = counts;
      const metadata: Record<string, unknown> = {
        promptTokenCount: promptText + promptImage,
        promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptText }, { modality: 'IMAGE', tokenCount: promptImage }],
        candidatesTokenCount: outText + outImage,
        candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: outImage }],
        thoughtsTokenCount: thoughts,
        totalTokenCount: promptText + promptImage + outText + outImage + thoughts,
      };
      for (const key of Object.keys(metadata)) if (metadata[key] === 0) Reflect.deleteProperty(metadata, key);
      // Never without any key (that is an issue): the total is there unless everything is zero.
      if (Object.keys(metadata).length === 0) metadata['promptTokensDetails'] = [];
      body['usageMetadata'] = metadata;
      usage = {
        totalTokens: promptText + promptImage + outText + outImage + thoughts,
        inputTokens: promptText + promptImage,
        outputTokens: outText + outImage + thoughts,
        inputTokensDetails: { textTokens: promptText, imageTokens: promptImage },
        outputTokensDetails: { textTokens: outText + thoughts, imageTokens: outImage },
      };
    }
    const images = candidates.flat().filter((part) => 'inlineData' in part && part.inlineData.mimeType.startsWith('image/') && !('thought' in part)).length;
    return { body, options: { model: REQUEST }, expected: expect('gemini', { model: model ?? REQUEST, usage, images }) };
  });

/** OpenRouter: a chat completion, an /api/v1/images body or event; a chat-style usage whose prompt the option reads; the cost. */
export const openRouterResponse: fc.Arbitrary<GeneratedResponse> = fc
  .record({
    kind: fc.constantFrom('chat', 'images', 'event'),
    perMessage: fc.array(fc.nat(3), { minLength: 1, maxLength: 2 }),
    prompt: fc.oneof(fc.constant(0), fc.nat(5000)),
    as: fc.constantFrom('text', 'image') as fc.Arbitrary<'text' | 'image'>,
    imageOut: fc.nat(5000),
    textOut: fc.nat(500),
    withImageTokens: fc.boolean(),
    cachedShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    cost: fc.option(fc.double({ min: 0, max: 10, noNaN: true })),
    model: fc.option(modelName, { nil: undefined }),
  })
  .map(({ kind, perMessage, prompt, as, imageOut, textOut, withImageTokens, cachedShare, cost, model }) => {
    const completion = imageOut + textOut;
    const chatUsage: Record<string, unknown> = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
    if (withImageTokens) chatUsage['completion_tokens_details'] = { reasoning_tokens: 0, image_tokens: imageOut };
    const cached = cachedShare === null ? undefined : Math.floor(prompt * cachedShare);
    if (cached !== undefined) chatUsage['prompt_tokens_details'] = { cached_tokens: cached };
    if (cost !== null) chatUsage['cost'] = cost;
    const image = { type: 'image_url', image_url: { url: 'data:image/png;base64,<cut>' } };
    const body: Record<string, unknown> =
      kind === 'chat'
        ? { id: 'gen-1', choices: perMessage.map((count) => ({ message: { role: 'assistant', content: '', images: Array.from({ length: count }, () => image) } })), usage: chatUsage }
        : kind === 'images'
          ? { created: 1748372400, data: Array.from({ length: perMessage[0]! }, () => ({ b64_json: '<cut>' })), usage: chatUsage }
          : { type: 'image_generation.completed', b64_json: '<cut>', created: 1748372400, usage: chatUsage };
    if (model !== undefined) body['model'] = model;
    const usage: ImageUsage = {
      totalTokens: prompt + completion,
      inputTokens: prompt,
      outputTokens: completion,
      inputTokensDetails: as === 'text' || prompt === 0 ? { textTokens: prompt, imageTokens: 0 } : { textTokens: 0, imageTokens: prompt },
    };
    if (withImageTokens) usage.outputTokensDetails = { textTokens: textOut, imageTokens: imageOut };
    if (cached !== undefined) usage.cachedTokens = cached;
    const images = kind === 'chat' ? perMessage.reduce((sum, count) => sum + count, 0) : kind === 'images' ? perMessage[0]! : 1;
    return {
      body,
      options: { model: REQUEST, openRouterPromptTokens: as },
      expected: expect('openrouter', { model: model ?? REQUEST, usage, images, reportedCost: cost ?? undefined }),
    };
  });

/** A bare usage object, either form, with a model or none. */
export const bareUsage: fc.Arbitrary<GeneratedResponse> = fc
  .record({ usage: consistentIntegerUsage, wire: fc.boolean(), model: fc.option(modelName, { nil: undefined }) })
  .map(({ usage, wire, model }) => {
    const body: Record<string, unknown> = { ...(wire ? toWire(usage) : structuredClone(usage)) };
    if (model !== undefined) body['model'] = model;
    return { body, options: { model: REQUEST }, expected: expect('usage', { model: model ?? REQUEST, usage }) };
  });

/**
 * What reading a generated response must come to: its response, or, for
 * images with a usage of no output token (not the whole bill), the one issue
 * saying so.
 */
export function expectedOutcome({ expected }: GeneratedResponse): { readonly output: ImageResponse } | { readonly messages: readonly string[] } {
  if (expected.images > 0 && expected.usage !== undefined && expected.usage.outputTokens === 0) {
    const images = expected.images === 1 ? 'image' : `${expected.images} images`;
    return { messages: [`(root): expected output tokens for the ${images} it carries, received a usage with none`] };
  }
  return { output: expected };
}

/** A whole response of any shape. */
export const anyResponse: fc.Arbitrary<GeneratedResponse> = fc.oneof(
  openAIImagesResponse,
  openAIImageEvent,
  openAIResponsesResponse,
  geminiResponse,
  openRouterResponse,
  bareUsage,
);
