import { describe, expect, test } from 'vitest';
import { response, SDK, WIRE } from '../../test/responses/read.ts';
import { ImageUsageError } from '../parse/ImageUsageError.ts';
import { parseImageResponse } from './parseImageResponse.ts';
import { safeParseImageResponse } from './safeParseImageResponse.ts';

const body = { created: 1, data: [{ b64_json: '<cut>' }], usage: WIRE };

describe('safeParseImageResponse and parseImageResponse', () => {
  test('read any shape, with the model of the request where the body names none', () => {
    const output = response({ shape: 'openai-images', model: 'gpt-image-1.5', usage: SDK, images: 1 });
    expect(safeParseImageResponse(body, { model: 'gpt-image-1.5' })).toStrictEqual({ success: true, output });
    expect(parseImageResponse(body, { model: 'gpt-image-1.5' })).toStrictEqual(output);
  });

  test('the issues, with their paths from the response; parseImageResponse throws them as an ImageUsageError', () => {
    const broken = { ...body, usage: { ...WIRE, output_tokens: -1 } };
    const result = safeParseImageResponse(broken);
    expect(result.success).toBe(false);
    const error = (() => {
      try {
        parseImageResponse(broken);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ImageUsageError);
    expect((error as Error).message).toBe('Invalid image usage (1 issue):\n  usage.output_tokens: expected >=0, received -1');
    expect(!result.success && result.issues).toStrictEqual((error as ImageUsageError).issues);
  });

  test('strict and openRouterPromptTokens reach the readers', () => {
    expect(safeParseImageResponse({ ...body, usage: { ...WIRE, total_tokens: 1 } }, { strict: true }).success).toBe(false);
    const openRouter = { choices: [], usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 } };
    expect(safeParseImageResponse(openRouter).success).toBe(false);
    expect(safeParseImageResponse(openRouter, { openRouterPromptTokens: 'image' })).toMatchObject({ success: true, output: { usage: { inputTokensDetails: { imageTokens: 5 } } } });
  });

  test('options of the wrong type, or whose getters throw, count as not given; it still never throws', () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    for (const options of [throwing, { model: 15, openRouterPromptTokens: 'Text', strict: 'yes' }, { model: '' }, null, 'strict']) {
      expect(safeParseImageResponse({ ...body, usage: { ...WIRE, total_tokens: 1 } }, options as never)).toMatchObject({ success: true, output: { model: undefined } });
    }
  });

  test('a value that could not be read is one issue saying so', () => {
    const hostile = new Proxy(body, {
      has() {
        throw new Error('boom');
      },
    });
    expect(safeParseImageResponse(hostile)).toMatchObject({
      success: false,
      issues: [{ message: 'expected a readable value, received one that could not be read (a getter or proxy trap threw)' }],
    });
    expect(() => parseImageResponse(hostile)).toThrow(ImageUsageError);
  });
});
