import { describe, expect, test } from 'vitest';
import { sdkUsageWithCachedTokens, wireUsageWithCachedTokens } from '../../test/fixtures/samples.ts';
import { read, response } from '../../test/responses/read.ts';
import { openAIResponsesSchema } from './openAIResponsesSchema.ts';

const schema = openAIResponsesSchema();
const imageGen = wireUsageWithCachedTokens;
const usage = sdkUsageWithCachedTokens;
const call = { id: 'ig_1', type: 'image_generation_call', status: 'completed', result: '<cut>' };
const body = {
  id: 'resp_1',
  object: 'response',
  model: 'gpt-5-2025-08-07',
  output: [{ id: 'rs_1', type: 'reasoning', summary: [] }, call, { id: 'msg_1', type: 'message', content: [] }],
  tools: [{ type: 'function', name: 'f' }, { type: 'image_generation', model: 'gpt-image-1.5', quality: 'high' }],
  // The language model's usage: never the image usage.
  usage: { input_tokens: 2941, input_tokens_details: { cached_tokens: 1920 }, output_tokens: 1249, output_tokens_details: { reasoning_tokens: 1024 }, total_tokens: 4190 },
  tool_usage: { image_gen: imageGen, web_search: { num_requests: 0 } },
};

describe('openAIResponsesSchema', () => {
  test("the image tool's usage, model and images; never the language model's usage or model", () => {
    expect(read(schema, body)).toStrictEqual(response({ shape: 'openai-responses', model: 'gpt-image-1.5', usage, images: 1 }));
  });

  test('a response.completed event around the body reads the same', () => {
    expect(read(schema, { type: 'response.completed', sequence_number: 15, response: body })).toStrictEqual(read(schema, body));
  });

  test('a body from before tool_usage reports no image usage, not zeros: usage undefined, its images counted', () => {
    const { tool_usage: _, ...before } = body;
    expect(read(schema, before)).toStrictEqual(response({ shape: 'openai-responses', model: 'gpt-image-1.5', images: 1 }));
    expect(read(schema, { ...body, tool_usage: null })).toMatchObject({ usage: undefined });
    expect(read(schema, { ...body, tool_usage: { web_search: { num_requests: 1 } } })).toMatchObject({ usage: undefined });
  });

  test('the image model is the tool’s: when the request left the default, the option, else none', () => {
    const tools = [{ type: 'image_generation', quality: 'high' }];
    expect(read(schema, { ...body, tools })).toMatchObject({ model: undefined });
    expect(read(openAIResponsesSchema({ model: 'gpt-image-2' }), { ...body, tools })).toMatchObject({ model: 'gpt-image-2' });
    expect(read(openAIResponsesSchema({ model: 'gpt-image-2' }), body)).toMatchObject({ model: 'gpt-image-1.5' });
    expect(read(schema, { ...body, tools: undefined })).toMatchObject({ model: undefined });
  });

  test('images are the image_generation_call items with a result', () => {
    const output = [call, { ...call, result: null, status: 'failed' }, { ...call, result: '' }, { ...call, status: 'in_progress' }, { type: 'message' }];
    expect(read(schema, { ...body, output })).toMatchObject({ images: 2 });
    expect(read(schema, { ...body, output: [] })).toMatchObject({ images: 0 });
  });

  test('issues name the path from the body or event', () => {
    const broken = { ...body, tool_usage: { image_gen: { ...imageGen, total_tokens: 'many' } } };
    expect(read(schema, broken)).toStrictEqual(['tool_usage.image_gen.total_tokens: expected number, received "many"']);
    expect(read(schema, { response: broken })).toStrictEqual(['response.tool_usage.image_gen.total_tokens: expected number, received "many"']);
    expect(read(openAIResponsesSchema({ strict: true }), { ...body, tool_usage: { image_gen: { ...imageGen, cached_tokens: 1001 } } })).toStrictEqual([
      'tool_usage.image_gen.cached_tokens: expected cached_tokens_details.cached_text_tokens + cached_tokens_details.cached_image_tokens = 400, received 1001',
      'tool_usage.image_gen.cached_tokens: expected <= input_tokens = 1000, received 1001',
    ]);
    expect(read(schema, { ...body, output: [null] })).toStrictEqual(['output.0: expected Object, received null']);
    expect(read(schema, { ...body, tools: [{ type: 'image_generation', model: 1 }] })).toStrictEqual(['tools.0.model: expected string, received 1']);
  });

  test('an event whose response is not a body is an issue', () => {
    expect(read(schema, { type: 'response.completed', response: null })).toStrictEqual(['response: expected Object, received null']);
    expect(read(schema, { type: 'response.completed', response: { id: 'resp_1' } })).toStrictEqual([
      'response: expected the body of a Responses API response (output or tool_usage), received Object without any',
    ]);
  });
});
