import { describe, expect, test } from 'vitest';
import { read, response } from '../../test/responses/read.ts';
import { openRouterResponseSchema } from './openRouterResponseSchema.ts';

const text = openRouterResponseSchema({ openRouterPromptTokens: 'text' });
const image = { type: 'image_url', image_url: { url: 'data:image/png;base64,<cut>' }, index: 0 };
const usage = { prompt_tokens: 10, completion_tokens: 1300, total_tokens: 1310, completion_tokens_details: { image_tokens: 1290, reasoning_tokens: 0 }, cost: 0.0387243 };
const body = {
  id: 'gen-1',
  model: 'google/gemini-2.5-flash-image',
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Here is your image!', images: [image] } }],
  usage,
};
const read10 = {
  totalTokens: 1310,
  inputTokens: 10,
  outputTokens: 1300,
  inputTokensDetails: { textTokens: 10, imageTokens: 0 },
  outputTokensDetails: { textTokens: 10, imageTokens: 1290 },
};

describe('openRouterResponseSchema', () => {
  test('completion = image_tokens + the rest (text, reasoning included); the model, the images, the cost', () => {
    expect(read(text, body)).toStrictEqual(response({ shape: 'openrouter', model: 'google/gemini-2.5-flash-image', usage: read10, images: 1, reportedCost: 0.0387243 }));
  });

  test('prompt tokens that are not zero need openRouterPromptTokens, and the issue names it', () => {
    expect(read(openRouterResponseSchema(), body)).toStrictEqual([
      "usage.prompt_tokens: expected 0, or openRouterPromptTokens: 'text' or 'image' (OpenRouter does not split prompt tokens), received 10",
    ]);
    expect(read(openRouterResponseSchema({ openRouterPromptTokens: 'image' }), body)).toMatchObject({ usage: { inputTokensDetails: { textTokens: 0, imageTokens: 10 } } });
    const zero = { ...body, usage: { ...usage, prompt_tokens: 0, total_tokens: 1300 } };
    expect(read(openRouterResponseSchema(), zero)).toMatchObject({ usage: { inputTokens: 0, inputTokensDetails: { textTokens: 0, imageTokens: 0 } } });
  });

  test('without image_tokens the completion is not split; more image tokens than the completion is an issue', () => {
    for (const details of [undefined, null, {}, { reasoning_tokens: 10 }, { image_tokens: null }]) {
      const got = read(text, { ...body, usage: { ...usage, completion_tokens_details: details } });
      expect(got).toMatchObject({ usage: { outputTokens: 1300 } });
      expect(got).not.toHaveProperty('usage.outputTokensDetails');
    }
    expect(read(text, { ...body, usage: { ...usage, completion_tokens_details: { image_tokens: 1301 } } })).toStrictEqual([
      'usage.completion_tokens_details.image_tokens: expected <= completion_tokens = 1300 (image tokens are part of the completion), received 1301',
    ]);
  });

  test('cached tokens; audio and cache-write tokens are an issue, not a guess', () => {
    const cached = { ...usage, prompt_tokens_details: { cached_tokens: 4, audio_tokens: 0, cache_write_tokens: 0 } };
    expect(read(text, { ...body, usage: cached })).toMatchObject({ usage: { ...read10, cachedTokens: 4 } });
    expect(read(text, { ...body, usage: { ...usage, prompt_tokens_details: { audio_tokens: 3 } } })).toStrictEqual([
      'usage.prompt_tokens_details.audio_tokens: expected no audio_tokens (an ImageUsage has no place for them), received 3',
    ]);
    expect(read(text, { ...body, usage: { ...usage, prompt_tokens_details: { cache_write_tokens: 5 }, completion_tokens_details: { audio_tokens: 'x' } } })).toStrictEqual([
      'usage.prompt_tokens_details.cache_write_tokens: expected no cache_write_tokens (an ImageUsage has no place for them), received 5',
      'usage.completion_tokens_details.audio_tokens: expected number, received "x"',
    ]);
  });

  test('a missing total, prompt or completion is derived from the other two, and listed', () => {
    for (const key of ['total_tokens', 'prompt_tokens', 'completion_tokens'] as const) {
      const { [key]: _, ...partial } = usage;
      expect(read(text, { ...body, usage: partial })).toStrictEqual(
        response({ shape: 'openrouter', model: 'google/gemini-2.5-flash-image', usage: read10, images: 1, reportedCost: 0.0387243, derived: [`usage.${key}`] }),
      );
    }
    const { total_tokens: _, prompt_tokens: __, ...two } = usage;
    expect(read(text, { ...body, usage: two })).toStrictEqual([
      'usage.total_tokens: expected number, received undefined',
      'usage.prompt_tokens: expected number, received undefined',
    ]);
  });

  test('strict: safe integers, the total and the cached tokens checked', () => {
    const strict = openRouterResponseSchema({ openRouterPromptTokens: 'text', strict: true });
    expect(read(strict, body)).toMatchObject({ usage: read10 });
    expect(read(strict, { ...body, usage: { ...usage, total_tokens: 1311, prompt_tokens_details: { cached_tokens: 11 } } })).toStrictEqual([
      'usage.total_tokens: expected prompt_tokens + completion_tokens = 1310, received 1311',
      'usage.prompt_tokens_details.cached_tokens: expected <= prompt_tokens = 10 (cached tokens are part of the prompt), received 11',
    ]);
    expect(read(strict, { ...body, usage: { ...usage, prompt_tokens: 10.5 } })).toStrictEqual(['usage.prompt_tokens: expected a safe integer, received 10.5']);
    expect(read(text, { ...body, usage: { ...usage, total_tokens: 1311 } })).toMatchObject({ usage: { totalTokens: 1311 } });
  });

  test('the cost: absent or null is none, anything but a finite number >= 0 an issue', () => {
    const { cost: _, ...free } = usage;
    expect(read(text, { ...body, usage: free })).toMatchObject({ reportedCost: undefined });
    expect(read(text, { ...body, usage: { ...usage, cost: null } })).toMatchObject({ reportedCost: undefined });
    expect(read(text, { ...body, usage: { ...usage, cost: 0 } })).toMatchObject({ reportedCost: 0 });
    expect(read(text, { ...body, usage: { ...usage, cost: '0.04' } })).toStrictEqual(['usage.cost: expected number, received "0.04"']);
    expect(read(text, { ...body, usage: { ...usage, cost: -1 } })).toStrictEqual(['usage.cost: expected >=0, received -1']);
  });

  test("a usage that mixes chat-style keys with OpenAI's is an issue: one set of figures would be lost", () => {
    const mixed = { data: [{ url: 'https://…' }], usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 16280, output_tokens: 16280 } };
    expect(read(text, mixed)).toStrictEqual([
      "usage: expected chat-style usage keys (prompt_tokens, ...) or OpenAI's (input_tokens, ...), not both, received prompt_tokens and output_tokens",
    ]);
  });

  test('images: of each message and each chunk’s delta, of data (/api/v1/images), one for a completed image event', () => {
    const choices = [{ message: { images: [image, image] } }, { delta: { images: [image] } }, { message: { content: 'no image' } }];
    expect(read(text, { ...body, choices })).toMatchObject({ images: 3 });
    expect(read(text, { created: 1748372400, data: [{ b64_json: '<cut>' }], usage: { prompt_tokens: 0, completion_tokens: 4175, total_tokens: 4175, cost: 0.04 } })).toStrictEqual(
      response({ shape: 'openrouter', usage: { totalTokens: 4175, inputTokens: 0, outputTokens: 4175, inputTokensDetails: { textTokens: 0, imageTokens: 0 } }, images: 1, reportedCost: 0.04 }),
    );
    const event = { type: 'image_generation.completed', b64_json: '<cut>', created: 1748372400, usage: { prompt_tokens: 16, completion_tokens: 272, total_tokens: 288, cost: 0.011 } };
    expect(read(text, event)).toMatchObject({ images: 1, reportedCost: 0.011 });
    expect(read(text, { ...event, partial_image_index: 0 })).toMatchObject({ images: 0 });
    expect(read(text, { ...body, choices: [{ message: { images: 'x' } }] })).toStrictEqual(['choices.0.message.images: expected Array, received "x"']);
  });

  test('a chunk without usage reports none; a body of another shape is an issue', () => {
    expect(read(text, { id: 'gen-1', choices: [{ delta: { content: 'Here' } }] })).toStrictEqual(response({ shape: 'openrouter' }));
    expect(read(text, { usageMetadata: {} })).toStrictEqual(['(root): expected an OpenRouter response (choices, usage, data or b64_json), received Object without any']);
  });
});
