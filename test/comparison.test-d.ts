import type * as OpenAI6 from 'openai/resources/images';
import type * as OpenAI7 from 'openai-7/resources/images';
import type * as v from 'valibot';
import { expectTypeOf, test } from 'vitest';
import type { toWire, WireImageUsage, WireImageUsageSchema } from '../src/index.ts';

// What docs/comparison.md says of the OpenAI SDK's types, for openai 6 (what
// `npm install openai` gives on Node 20) and openai 7 (which wants Node 22).

test("openai 6: ImagesResponse.Usage is the wire form, output_tokens_details optional but never null", () => {
  expectTypeOf<OpenAI6.ImagesResponse.Usage>().toExtend<WireImageUsage>();
  expectTypeOf<OpenAI6.ImagesResponse.Usage>().toExtend<v.InferInput<typeof WireImageUsageSchema>>();
  expectTypeOf<NonNullable<OpenAI6.ImagesResponse['usage']>>().toExtend<WireImageUsage>();
  expectTypeOf<OpenAI6.ImagesResponse.Usage['output_tokens_details']>().toEqualTypeOf<
    OpenAI6.ImagesResponse.Usage.OutputTokensDetails | undefined
  >();
  expectTypeOf<OpenAI6.ImagesResponse.Usage.OutputTokensDetails>().toEqualTypeOf<{ image_tokens: number; text_tokens: number }>();
  expectTypeOf<OpenAI6.ImagesResponse.Usage['total_tokens']>().toEqualTypeOf<number>();
  expectTypeOf<null>().not.toExtend<OpenAI6.ImagesResponse.Usage['output_tokens_details']>();
});

test("openai 7: the same", () => {
  expectTypeOf<OpenAI7.ImagesResponse.Usage>().toExtend<WireImageUsage>();
  expectTypeOf<OpenAI7.ImagesResponse.Usage>().toExtend<v.InferInput<typeof WireImageUsageSchema>>();
  expectTypeOf<NonNullable<OpenAI7.ImagesResponse['usage']>>().toExtend<WireImageUsage>();
  expectTypeOf<OpenAI7.ImagesResponse.Usage['output_tokens_details']>().toEqualTypeOf<
    OpenAI7.ImagesResponse.Usage.OutputTokensDetails | undefined
  >();
  expectTypeOf<OpenAI7.ImagesResponse.Usage.OutputTokensDetails>().toEqualTypeOf<{ image_tokens: number; text_tokens: number }>();
  expectTypeOf<OpenAI7.ImagesResponse.Usage['total_tokens']>().toEqualTypeOf<number>();
  expectTypeOf<null>().not.toExtend<OpenAI7.ImagesResponse.Usage['output_tokens_details']>();
});

test('openai 6 and 7: the streamed image_generation.completed event has no output_tokens_details', () => {
  expectTypeOf<OpenAI6.ImageGenCompletedEvent['type']>().toEqualTypeOf<'image_generation.completed'>();
  expectTypeOf<OpenAI6.ImageGenCompletedEvent.Usage>().toExtend<WireImageUsage>();
  expectTypeOf<'output_tokens_details'>().not.toExtend<keyof OpenAI6.ImageGenCompletedEvent.Usage>();
  expectTypeOf<OpenAI7.ImageGenCompletedEvent['type']>().toEqualTypeOf<'image_generation.completed'>();
  expectTypeOf<OpenAI7.ImageGenCompletedEvent.Usage>().toExtend<WireImageUsage>();
  expectTypeOf<'output_tokens_details'>().not.toExtend<keyof OpenAI7.ImageGenCompletedEvent.Usage>();
});

test("image-usage's wire form also allows null there, as some producers send it", () => {
  expectTypeOf<null>().toExtend<WireImageUsage['output_tokens_details']>();
});

test("openai 7.60: the Responses API's tool_usage.image_gen is the wire form with its cached fields", () => {
  type ImageGen = import('openai-7/resources/responses/responses').Response.ToolUsage.ImageGen;
  expectTypeOf<ImageGen>().toExtend<WireImageUsage>();
  expectTypeOf<ImageGen>().toExtend<v.InferInput<typeof WireImageUsageSchema>>();
  expectTypeOf<ImageGen['cached_tokens']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<NonNullable<ImageGen['cached_tokens_details']>>().toEqualTypeOf<{ cached_image_tokens: number; cached_text_tokens: number }>();
  expectTypeOf<Required<WireImageUsage>['cached_tokens_details']>().toEqualTypeOf<
    { cached_text_tokens: number; cached_image_tokens: number } | null
  >();
});

test("toWire's result goes where openai 6 and 7 want the usage (ImagesResponse.Usage, and openai 7's tool_usage.image_gen)", () => {
  type Written = ReturnType<typeof toWire>;
  expectTypeOf<Written>().toExtend<OpenAI6.ImagesResponse.Usage>();
  expectTypeOf<Written>().toExtend<OpenAI7.ImagesResponse.Usage>();
  expectTypeOf<Written>().toExtend<import('openai-7/resources/responses/responses').Response.ToolUsage.ImageGen>();
  // What the usage schemas accept stays wider: null details, as some producers send them.
  expectTypeOf<WireImageUsage>().not.toExtend<OpenAI7.ImagesResponse.Usage>();
});
