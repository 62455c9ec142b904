import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { read, response, SDK, WIRE } from '../../test/responses/read.ts';
import { imageResponseSchema } from './imageResponseSchema.ts';

const schema = imageResponseSchema({ openRouterPromptTokens: 'text' });
const chatUsage = { prompt_tokens: 16, completion_tokens: 272, total_tokens: 288, cost: 0.011 };

describe('imageResponseSchema: the shape by the keys', () => {
  test.each([
    ['an Images API body', { created: 1, data: [{}], usage: WIRE }, 'openai-images'],
    ['an image event', { type: 'image_generation.completed', b64_json: '<cut>', usage: WIRE }, 'openai-image-event'],
    ['a partial image event of the Responses API', { type: 'response.image_generation_call.partial_image', partial_image_index: 0, partial_image_b64: '<cut>' }, 'openai-image-event'],
    ['a Responses API body', { model: 'gpt-5', output: [], usage: { input_tokens: 1 } }, 'openai-responses'],
    ['a response.completed event', { type: 'response.completed', response: { output: [] } }, 'openai-responses'],
    ['a Gemini body', { candidates: [], usageMetadata: { promptTokenCount: 1, totalTokenCount: 1 } }, 'gemini'],
    ['a Gemini chunk without usage', { modelVersion: 'gemini-2.5-flash-image', candidates: [] }, 'gemini'],
    ['an OpenRouter chat completion', { choices: [], usage: chatUsage }, 'openrouter'],
    // OpenAI, OpenRouter and others all name this event image_generation.completed: the keys tell.
    ['an OpenRouter image event', { type: 'image_generation.completed', b64_json: '<cut>', usage: chatUsage }, 'openrouter'],
    ['an OpenRouter /api/v1/images body', { created: 1, data: [{}], usage: chatUsage }, 'openrouter'],
    ['a bare usage, wire form', WIRE, 'usage'],
    ['a bare usage, SDK form', SDK, 'usage'],
  ] as const)('%s', (_, body, shape) => {
    expect(read(schema, body)).toMatchObject({ shape });
  });

  test('a bare usage reads under the same rules for partial usage, with its model when it names one', () => {
    const { total_tokens: _, ...partial } = WIRE;
    const { outputTokensDetails: __, ...usage } = SDK;
    expect(read(schema, { ...partial, model: 'gpt-image-1.5', output_tokens_details: {} })).toStrictEqual(
      response({ shape: 'usage', model: 'gpt-image-1.5', usage, derived: ['total_tokens'] }),
    );
    expect(read(schema, { ...WIRE, totalTokens: 1 })).toStrictEqual([
      '(root): expected snake_case (wire) or camelCase (SDK) usage keys, not both, received total_tokens and totalTokens',
    ]);
  });

  test('what is no response: one issue that says what was looked for', () => {
    const looked = 'an image API response (usage, data, b64_json, output, tool_usage, usageMetadata, candidates or choices) or a usage object';
    expect(read(schema, {})).toStrictEqual([`(root): expected ${looked}, received Object without any`]);
    expect(read(schema, new Map())).toStrictEqual([`(root): expected ${looked}, received Map without any`]);
    expect(read(schema, [{ candidates: [] }])).toStrictEqual(["(root): expected one response (an object; a stream's chunks one at a time), received Array"]);
    expect(read(schema, 'usage')).toStrictEqual(['(root): expected Object, received "usage"']);
    expect(read(schema, new (class Response {})())).toStrictEqual([`(root): expected ${looked}, received Response: read its body first (await response.json())`]);
  });

  test("an error body reports no usage and no image: Gemini's (it has a status), else as the Images API's", () => {
    const model = imageResponseSchema({ model: 'gpt-image-1' });
    expect(read(model, { error: { message: 'Your request was rejected by the safety system.', type: 'image_generation_user_error', code: 'moderation_blocked' } })).toStrictEqual(
      response({ shape: 'openai-images', model: 'gpt-image-1' }),
    );
    expect(read(model, { error: { code: 400, message: 'API key not valid.', status: 'INVALID_ARGUMENT' } })).toStrictEqual(response({ shape: 'gemini', model: 'gpt-image-1' }));
    expect(read(model, { error: 'Unauthorized' })).toMatchObject({ usage: undefined });
    expect(read(model, { error: null })).toHaveLength(1);
  });

  test('lists its shapes, in the order they are looked for', () => {
    expect(schema.shapes).toStrictEqual(['openai-responses', 'gemini', 'openrouter', 'openai-image-event', 'openai-images', 'usage']);
  });

  test('abortEarly: the first issue only', () => {
    const body = { created: 1, data: [null], usage: { ...WIRE, total_tokens: 'x' } };
    expect(v.safeParse(schema, body).issues).toHaveLength(2);
    expect(v.safeParse(schema, body, { abortEarly: true }).issues).toHaveLength(1);
  });
});
