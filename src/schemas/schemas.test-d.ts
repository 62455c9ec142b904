import * as v from 'valibot';
import { expectTypeOf, test } from 'vitest';
import type { ImageUsage, TokensDetails, WireImageUsage, WireTokensDetails } from '../types/index.ts';
import { CountSchema, StrictCountSchema } from './CountSchema.ts';
import { ImageUsageSchema } from './ImageUsageSchema.ts';
import { StrictImageUsageSchema } from './StrictImageUsageSchema.ts';
import { StrictWireImageUsageSchema } from './StrictWireImageUsageSchema.ts';
import { InputTokensDetailsSchema, OutputTokensDetailsSchema } from './TokensDetailsSchema.ts';
import { WireTokensDetailsSchema } from './WireTokensDetailsSchema.ts';
import { WireImageUsageSchema } from './WireImageUsageSchema.ts';
import { type GeminiModality, type GeminiUsageMetadata, GeminiUsageMetadataSchema, StrictGeminiUsageMetadataSchema } from './GeminiUsageMetadataSchema.ts';

test('every usage schema outputs exactly ImageUsage', () => {
  expectTypeOf<v.InferOutput<typeof ImageUsageSchema>>().toEqualTypeOf<ImageUsage>();
  expectTypeOf<v.InferOutput<typeof WireImageUsageSchema>>().toEqualTypeOf<ImageUsage>();
  expectTypeOf<v.InferOutput<typeof StrictImageUsageSchema>>().toEqualTypeOf<ImageUsage>();
  expectTypeOf<v.InferOutput<typeof StrictWireImageUsageSchema>>().toEqualTypeOf<ImageUsage>();
});

test('the inputs are the two forms', () => {
  expectTypeOf<ImageUsage>().toExtend<v.InferInput<typeof ImageUsageSchema>>();
  expectTypeOf<WireImageUsage>().toExtend<v.InferInput<typeof WireImageUsageSchema>>();
  expectTypeOf<v.InferInput<typeof WireImageUsageSchema>['output_tokens_details']>().toEqualTypeOf<
    WireTokensDetails | null | undefined
  >();
});

test('the parts have the shapes of their types', () => {
  expectTypeOf<v.InferOutput<typeof CountSchema>>().toEqualTypeOf<number>();
  expectTypeOf<v.InferOutput<typeof StrictCountSchema>>().toEqualTypeOf<number>();
  expectTypeOf<v.InferOutput<typeof InputTokensDetailsSchema>>().toEqualTypeOf<TokensDetails>();
  expectTypeOf<v.InferOutput<typeof OutputTokensDetailsSchema>>().toEqualTypeOf<TokensDetails>();
  expectTypeOf<v.InferOutput<typeof WireTokensDetailsSchema>>().toEqualTypeOf<WireTokensDetails>();
});

test('they are Standard Schemas with the same types', () => {
  type StandardTypes<T extends { readonly '~standard': { readonly types?: unknown } }> = NonNullable<T['~standard']['types']>;
  expectTypeOf<StandardTypes<typeof ImageUsageSchema>['output']>().toEqualTypeOf<ImageUsage>();
  expectTypeOf<StandardTypes<typeof WireImageUsageSchema>['output']>().toEqualTypeOf<ImageUsage>();
  expectTypeOf<StandardTypes<typeof StrictImageUsageSchema>['output']>().toEqualTypeOf<ImageUsage>();
});

test('the Gemini schemas take usageMetadata and output exactly ImageUsage', () => {
  expectTypeOf<v.InferOutput<typeof GeminiUsageMetadataSchema>>().toEqualTypeOf<ImageUsage>();
  expectTypeOf<v.InferOutput<typeof StrictGeminiUsageMetadataSchema>>().toEqualTypeOf<ImageUsage>();
  // Absent or null when zero, as proto3 JSON writes them (and the Vercel AI SDK types them).
  expectTypeOf<GeminiUsageMetadata['promptTokenCount']>().toEqualTypeOf<number | null | undefined>();
  expectTypeOf<null>().toExtend<GeminiUsageMetadata['candidatesTokensDetails']>();
  expectTypeOf<NonNullable<GeminiUsageMetadata['candidatesTokensDetails']>[number]>().toEqualTypeOf<{
    modality?: GeminiModality | null | undefined;
    tokenCount?: number | null | undefined;
  }>();
});
