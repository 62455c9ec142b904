import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { read, response, SDK, WIRE } from '../../test/responses/read.ts';
import { openAIImagesResponseSchema } from './openAIImagesResponseSchema.ts';

const schema = openAIImagesResponseSchema();
const body = { created: 1781048029, data: [{ b64_json: '<cut>' }, { url: 'https://…' }], usage: WIRE, size: '1024x1024' };

describe('openAIImagesResponseSchema', () => {
  test('the usage of usage (wire form), one image per item of data, the model of the request', () => {
    expect(read(schema, body)).toStrictEqual(response({ shape: 'openai-images', usage: SDK, images: 2 }));
    expect(read(openAIImagesResponseSchema({ model: 'gpt-image-1.5' }), body)).toStrictEqual(
      response({ shape: 'openai-images', model: 'gpt-image-1.5', usage: SDK, images: 2 }),
    );
  });

  test('the cached fields come through', () => {
    const usage = { ...WIRE, cached_tokens: 100, cached_tokens_details: { cached_text_tokens: 100, cached_image_tokens: 0 } };
    expect(read(schema, { ...body, usage })).toMatchObject({ usage: { ...SDK, cachedTokens: 100, cachedTokensDetails: { cachedTextTokens: 100, cachedImageTokens: 0 } } });
  });

  test('a body without usage (dall-e, or usage: null) reports none, never zeros', () => {
    for (const without of [{ created: 1, data: [{ url: 'https://…' }] }, { ...body, usage: null }]) {
      expect(read(schema, without)).toStrictEqual(response({ shape: 'openai-images', images: without.data.length }));
    }
    expect(read(schema, { created: 1 })).toStrictEqual(response({ shape: 'openai-images' }));
  });

  test('a body that names its model (a proxy adds one) gives it, over the option; an empty one is none', () => {
    const named = openAIImagesResponseSchema({ model: 'gpt-image-1' });
    expect(read(named, { ...body, model: 'gpt-image-1.5' })).toMatchObject({ model: 'gpt-image-1.5' });
    expect(read(named, { ...body, model: '' })).toMatchObject({ model: 'gpt-image-1' });
    expect(read(named, { ...body, model: null })).toMatchObject({ model: 'gpt-image-1' });
    expect(read(named, { ...body, model: 15 })).toStrictEqual(['model: expected string, received 15']);
  });

  test("svg_usage, a language model's tokens for an SVG, is not the image usage and is not read", () => {
    const svgUsage = { input_tokens: 120, model: 'gpt-5', output_tokens: 900, reasoning_tokens: 400, total_tokens: 1020 };
    expect(read(schema, { ...body, output_format: 'svg', svg_usage: svgUsage })).toStrictEqual(read(schema, body));
    expect(read(schema, { ...body, svg_usage: 'garbage' })).toStrictEqual(read(schema, body));
  });

  test('a missing count whose parts are not safe integers is not derived: an issue', () => {
    const { total_tokens: _, ...partial } = WIRE;
    expect(read(schema, { ...body, usage: { ...partial, input_tokens: 169.5, input_tokens_details: { text_tokens: 169.5, image_tokens: 0 } } })).toStrictEqual([
      'usage.total_tokens: expected number, received undefined',
    ]);
    expect(read(schema, { ...body, usage: { ...partial, output_tokens: 2 ** 53 } })).toStrictEqual(['usage.total_tokens: expected number, received undefined']);
  });

  test('issues name the path from the body, in the wire form', () => {
    const broken = { ...body, usage: { ...WIRE, input_tokens_details: { text_tokens: 169, image_tokens: '0' } } };
    expect(read(schema, broken)).toStrictEqual(['usage.input_tokens_details.image_tokens: expected number, received "0"']);
    expect(read(schema, { ...body, data: { 0: {} } })).toStrictEqual(['data: expected Array, received Object']);
    expect(read(schema, { ...body, data: [{}, null] })).toStrictEqual(['data.1: expected Object, received null']);
    expect(read(schema, { ...body, usage: 'usage' })).toStrictEqual(['usage: expected Object, received "usage"']);
  });

  test('strict: safe integers and sums that hold, with the path from the body', () => {
    const strict = openAIImagesResponseSchema({ strict: true });
    expect(read(strict, body)).toMatchObject({ usage: SDK });
    expect(read(strict, { ...body, usage: { ...WIRE, total_tokens: 4769 } })).toStrictEqual([
      'usage.total_tokens: expected input_tokens + output_tokens = 4768, received 4769',
    ]);
    expect(read(schema, { ...body, usage: { ...WIRE, total_tokens: 4769 } })).toMatchObject({ usage: { totalTokens: 4769 } });
  });

  test('a body of another shape is an issue naming the keys looked for; an error body reports nothing', () => {
    expect(read(schema, { usageMetadata: {}, modelVersion: 'gemini-2.5-flash-image' })).toStrictEqual([
      '(root): expected an OpenAI Images API response (data, created or usage), received Object without any',
    ]);
    const error = { error: { message: 'Billing hard limit has been reached', type: 'billing_limit_user_error', param: null, code: 'billing_hard_limit_reached' } };
    expect(read(openAIImagesResponseSchema({ model: 'gpt-image-1' }), error)).toStrictEqual(response({ shape: 'openai-images', model: 'gpt-image-1' }));
  });

  test('is a valibot schema and a Standard Schema, whose options are read once', () => {
    const options: { model?: string } = { model: 'gpt-image-1' };
    const made = openAIImagesResponseSchema(options);
    options.model = 'changed';
    expect(v.parse(made, body).model).toBe('gpt-image-1');
    expect(made['~standard'].validate(body)).toMatchObject({ value: { model: 'gpt-image-1', images: 2 } });
    expect(made.shapes).toStrictEqual(['openai-images']);
    expect(v.parse(v.object({ body: made }), { body }).body.images).toBe(2);
    expect(v.safeParse(made, null).issues?.[0]?.message).toBe('expected Object, received null');
  });
});
