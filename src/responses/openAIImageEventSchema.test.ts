import { describe, expect, test } from 'vitest';
import { read, response } from '../../test/responses/read.ts';
import { openAIImageEventSchema } from './openAIImageEventSchema.ts';

const schema = openAIImageEventSchema({ model: 'gpt-image-1.5' });
const usage = { total_tokens: 4212, input_tokens: 52, output_tokens: 4160, input_tokens_details: { text_tokens: 52, image_tokens: 0 } };
const sdk = { totalTokens: 4212, inputTokens: 52, outputTokens: 4160, inputTokensDetails: { textTokens: 52, imageTokens: 0 } };
const completed = { type: 'image_generation.completed', b64_json: '<cut>', created_at: 1620000000, size: '1024x1024', quality: 'high', background: 'opaque', output_format: 'png', usage };

describe('openAIImageEventSchema', () => {
  test('a completed event is one image and its usage, without output details as OpenAI sends it', () => {
    expect(read(schema, completed)).toStrictEqual(response({ shape: 'openai-image-event', model: 'gpt-image-1.5', usage: sdk, images: 1 }));
    expect(read(schema, { type: 'image_edit.completed', b64_json: '<cut>', usage })).toMatchObject({ usage: sdk, images: 1 });
  });

  test('the model a proxy adds to the event, over the option', () => {
    expect(read(schema, { ...completed, model: 'gpt-image-1' })).toMatchObject({ model: 'gpt-image-1' });
  });

  test('a completed event whose image a log left out is still one image', () => {
    const { b64_json: _, ...logged } = completed;
    expect(read(schema, logged)).toMatchObject({ usage: sdk, images: 1 });
  });

  test('output_tokens_details: {} is absent, so its image tokens are kept (maximhq/bifrost#4777)', () => {
    expect(read(schema, { ...completed, usage: { ...usage, output_tokens_details: {} } })).toMatchObject({ usage: sdk });
  });

  test('a partial image event (by its keys, whatever its type says) is no image and no usage', () => {
    const partial = { type: 'image_generation.partial_image', b64_json: '<cut>', created_at: 1620000000, partial_image_index: 0 };
    expect(read(schema, partial)).toStrictEqual(response({ shape: 'openai-image-event', model: 'gpt-image-1.5' }));
    expect(read(schema, { ...partial, type: 'image_generation.completed' })).toMatchObject({ images: 0 });
    // The Responses API's partial image: partial_image_b64.
    const responses = { type: 'response.image_generation_call.partial_image', item_id: 'ig_1', output_index: 1, partial_image_index: 0, partial_image_b64: '<cut>' };
    expect(read(schema, responses)).toMatchObject({ usage: undefined, images: 0 });
    // A completed event's keys under a partial event's type: read as completed.
    expect(read(schema, { ...completed, type: 'image_generation.partial_image' })).toMatchObject({ images: 1, usage: sdk });
  });

  test('issues name the path from the event; a body of another shape is an issue', () => {
    expect(read(schema, { ...completed, usage: { ...usage, output_tokens: -1 } })).toStrictEqual(['usage.output_tokens: expected >=0, received -1']);
    expect(read(schema, { created: 1, data: [] })).toStrictEqual([
      '(root): expected an OpenAI image event (b64_json, partial_image_index or created_at), received Object without any',
    ]);
  });
});
