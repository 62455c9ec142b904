import * as v from 'valibot';
import type { ImageUsage } from '../types/index.ts';

/** A usage schema: a pipe of an object schema, the copier that makes its output, and any checks of the copy. */
type UsageSchema = v.GenericSchema & { readonly pipe: readonly unknown[] };

/** The rest of valibot's pipe loop on a valid copy: the items after the copier are checks. */
function runChecks(
  checks: readonly v.PipeItem<unknown, unknown, v.BaseIssue<unknown>>[],
  dataset: v.OutputDataset<ImageUsage, v.BaseIssue<unknown>>,
  config: v.Config<v.BaseIssue<unknown>>,
): v.OutputDataset<ImageUsage, v.BaseIssue<unknown>> {
  let result = dataset;
  for (const item of checks) {
    if (item.kind !== 'metadata' && (!result.issues || (!config.abortEarly && !config.abortPipeEarly))) {
      result = (item as v.GenericValidation<ImageUsage>)['~run'](result, config);
    }
  }
  return result;
}

/**
 * Gives a usage schema a fast path. `read` copies the input (each field read
 * once) and checks the copy by hand: for valid input that copy is the output,
 * and the rest of the pipe after the copier (the consistency check of a strict
 * schema) runs on it, as valibot's pipe would run it; anything else runs the
 * whole pipe, so that its issues are valibot's own. The result is still the
 * same valibot schema (entries, pipe, `~standard`), so it composes in
 * `v.pipe`, `v.safeParse` and every Standard Schema consumer; the properties
 * test checks that it accepts, outputs and reports what the pipe does.
 *
 * @param schema The whole pipe.
 * @param read The copy of valid input, or `undefined`.
 *
 * @returns The schema with the fast path.
 */
// @__NO_SIDE_EFFECTS__
export function _withFastPath<TSchema extends UsageSchema>(schema: TSchema, read: (input: unknown) => ImageUsage | undefined): TSchema {
  const checks = schema.pipe.slice(2) as v.PipeItem<unknown, unknown, v.BaseIssue<unknown>>[];
  const fast: TSchema = {
    ...schema,
    '~run'(dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) {
      const output = read(dataset.value);
      if (output === undefined) return schema['~run'](dataset, config);
      const result: v.SuccessDataset<ImageUsage> = { typed: true, value: output };
      return checks.length === 0 ? result : runChecks(checks, result, config);
    },
  };
  (fast as { '~standard': v.StandardProps<unknown, unknown> })['~standard'] = {
    version: 1,
    vendor: 'valibot',
    validate: (value) => fast['~run']({ value }, v.getGlobalConfig()) as ReturnType<v.StandardProps<unknown, unknown>['validate']>,
  };
  return fast;
}
