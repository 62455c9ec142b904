import type * as v from 'valibot';
import { expectTypeOf, test } from 'vitest';
import type { ImageUsage } from '../types/index.ts';
import type { ImageUsageError, ImageUsageIssues } from './ImageUsageError.ts';
import { parseImageUsage } from './parseImageUsage.ts';
import { type ParseImageUsageOptions, safeParseImageUsage } from './safeParseImageUsage.ts';

test('parseImageUsage takes anything and returns an ImageUsage', () => {
  expectTypeOf(parseImageUsage).parameters.toEqualTypeOf<[input: unknown, options?: ParseImageUsageOptions]>();
  expectTypeOf(parseImageUsage).returns.toEqualTypeOf<ImageUsage>();
});

test('safeParseImageUsage narrows on success', () => {
  const result = safeParseImageUsage({});
  if (result.success) expectTypeOf(result.output).toEqualTypeOf<ImageUsage>();
  else expectTypeOf(result.issues).toEqualTypeOf<ImageUsageIssues>();
});

test('ImageUsageError carries at least one valibot issue', () => {
  expectTypeOf<ImageUsageError['issues'][0]>().toEqualTypeOf<v.BaseIssue<unknown>>();
  expectTypeOf<ImageUsageError>().toExtend<Error>();
});
