import * as v from 'valibot';
import type { ImageResponse } from '../../src/index.ts';

// What the tests of whole responses compare: a read's output, or its issues
// as `ImageUsageError` lists them (`path: message`).

/** The output of a schema's run, or its issues as `path: message` lines. */
export function read(schema: v.GenericSchema<unknown, ImageResponse>, input: unknown): ImageResponse | string[] {
  const result = v.safeParse(schema, input);
  return result.success ? result.output : result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
}

/** What a read came to, as the tests of generated responses compare it: the output, or the issues as `path: message`. */
export function outcomeOf(
  result: { readonly success: true; readonly output: ImageResponse } | { readonly success: false; readonly issues: readonly v.BaseIssue<unknown>[] },
): { readonly output: ImageResponse } | { readonly messages: readonly string[] } {
  return result.success ? { output: result.output } : { messages: result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`) };
}

/** The same usage in the SDK form as a wire-form object gives: what a reader of the body should output for it. */
export const WIRE = {
  total_tokens: 4768,
  input_tokens: 169,
  output_tokens: 4599,
  input_tokens_details: { text_tokens: 169, image_tokens: 0 },
  output_tokens_details: { text_tokens: 439, image_tokens: 4160 },
} as const;

/** {@link WIRE} in the SDK form. */
export const SDK = {
  totalTokens: 4768,
  inputTokens: 169,
  outputTokens: 4599,
  inputTokensDetails: { textTokens: 169, imageTokens: 0 },
  outputTokensDetails: { textTokens: 439, imageTokens: 4160 },
} as const;

/** What a reader outputs, with the fields a test does not give left as a response with nothing. */
export function response(fields: Partial<ImageResponse> & Pick<ImageResponse, 'shape'>): ImageResponse {
  return { model: undefined, usage: undefined, images: 0, reportedCost: undefined, ...fields };
}
