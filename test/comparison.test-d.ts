import type { ImagesResponse } from 'openai/resources/images';
import type * as v from 'valibot';
import { expectTypeOf, test } from 'vitest';
import type { WireImageUsage, WireImageUsageSchema } from '../src/index.ts';

test("the OpenAI SDK's ImagesResponse.Usage is the wire form, output_tokens_details optional but never null", () => {
  expectTypeOf<ImagesResponse.Usage>().toExtend<WireImageUsage>();
  expectTypeOf<ImagesResponse.Usage>().toExtend<v.InferInput<typeof WireImageUsageSchema>>();
  expectTypeOf<ImagesResponse.Usage['output_tokens_details']>().toEqualTypeOf<
    ImagesResponse.Usage.OutputTokensDetails | undefined
  >();
  expectTypeOf<ImagesResponse.Usage.OutputTokensDetails>().toEqualTypeOf<{ image_tokens: number; text_tokens: number }>();
  expectTypeOf<ImagesResponse.Usage['total_tokens']>().toEqualTypeOf<number>();
  // image-usage's wire form also allows null there, as some producers send it
  expectTypeOf<null>().toExtend<WireImageUsage['output_tokens_details']>();
  expectTypeOf<null>().not.toExtend<ImagesResponse.Usage['output_tokens_details']>();
});
