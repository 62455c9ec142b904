import type * as v from 'valibot';
import { expectTypeOf, test } from 'vitest';
import type { ImageUsage } from '../types/index.ts';
import type { ImageResponse, ImageResponseSchemaType, ImageResponseShape, ParseImageResponseOptions } from './ImageResponse.ts';
import type { geminiResponseSchema } from './geminiResponseSchema.ts';
import type { imageResponseSchema } from './imageResponseSchema.ts';
import type { openAIImageEventSchema } from './openAIImageEventSchema.ts';
import type { openAIImagesResponseSchema } from './openAIImagesResponseSchema.ts';
import type { openAIResponsesSchema } from './openAIResponsesSchema.ts';
import type { openRouterResponseSchema } from './openRouterResponseSchema.ts';
import type { parseImageResponse } from './parseImageResponse.ts';
import type { safeParseImageResponse } from './safeParseImageResponse.ts';

// The API agreed with the log command (issue 19), as it was written down:
// these types are what it codes against.

test('ImageResponseShape is the six shapes', () => {
  expectTypeOf<ImageResponseShape>().toEqualTypeOf<'openai-images' | 'openai-image-event' | 'openai-responses' | 'gemini' | 'openrouter' | 'usage'>();
});

test('ImageResponse: shape, model, usage, images, reportedCost (and derived, optional)', () => {
  expectTypeOf<ImageResponse>().toEqualTypeOf<{
    readonly shape: ImageResponseShape;
    readonly model: string | undefined;
    readonly usage: ImageUsage | undefined;
    readonly images: number;
    readonly reportedCost: number | undefined;
    readonly derived?: readonly string[];
  }>();
});

test('ParseImageResponseOptions: model, openRouterPromptTokens, strict, each optional and undefined allowed', () => {
  expectTypeOf<ParseImageResponseOptions>().toEqualTypeOf<{
    readonly model?: string | undefined;
    readonly openRouterPromptTokens?: 'text' | 'image' | undefined;
    readonly strict?: boolean | undefined;
  }>();
});

test('safeParseImageResponse and parseImageResponse', () => {
  expectTypeOf<typeof safeParseImageResponse>().toEqualTypeOf<
    (
      input: unknown,
      options?: ParseImageResponseOptions,
    ) =>
      | { readonly success: true; readonly output: ImageResponse }
      | { readonly success: false; readonly issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]] }
  >();
  expectTypeOf<typeof parseImageResponse>().toEqualTypeOf<(input: unknown, options?: ParseImageResponseOptions) => ImageResponse>();
});

test('every response schema takes the options and is a valibot schema (and a Standard Schema) of ImageResponse', () => {
  for (const make of [] as Array<
    | typeof imageResponseSchema
    | typeof openAIImagesResponseSchema
    | typeof openAIImageEventSchema
    | typeof openAIResponsesSchema
    | typeof geminiResponseSchema
    | typeof openRouterResponseSchema
  >) {
    expectTypeOf(make).toEqualTypeOf<(options?: ParseImageResponseOptions) => ImageResponseSchemaType>();
  }
  expectTypeOf<v.InferOutput<ImageResponseSchemaType>>().toEqualTypeOf<ImageResponse>();
  expectTypeOf<v.InferInput<ImageResponseSchemaType>>().toEqualTypeOf<unknown>();
  expectTypeOf<ImageResponseSchemaType>().toExtend<v.GenericSchema<unknown, ImageResponse>>();
  type Standard = NonNullable<ImageResponseSchemaType['~standard']['types']>;
  expectTypeOf<Standard['output']>().toEqualTypeOf<ImageResponse>();
});
