import * as v from 'valibot';
import { planIssues, reportIssues } from './reportIssues.ts';

/**
 * Gives a valibot schema (a pipe that starts with an object schema) a fast
 * path for valid input: `read` checks and copies the input by hand. Invalid
 * input gets valibot's issues from `reportIssues`, which runs valibot's full
 * checks only on the fields that fail; when the shape is fine (a strict
 * schema's sums do not add up), the full schema runs. The result is still the
 * same valibot schema (entries, pipe, `~standard`), so it composes in
 * `v.pipe`, `v.safeParse` and every Standard Schema consumer.
 *
 * @param schema The full schema.
 * @param read The fast path: the output for valid input, `undefined` otherwise.
 * @param isLeaf Whether a value passes the schema's count schema.
 *
 * @returns The schema with the fast path.
 *
 * @internal
 */
// @__NO_SIDE_EFFECTS__
export function withFastPath<TSchema extends v.GenericSchema & { readonly pipe: readonly unknown[] }>(
  schema: TSchema,
  read: (input: unknown) => v.InferOutput<TSchema> | undefined,
  isLeaf: (value: unknown) => boolean,
): TSchema {
  const plan = planIssues(schema.pipe[0] as v.ObjectSchema<v.ObjectEntries, undefined>);
  const fast = {
    ...schema,
    '~run'(dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) {
      const output = read(dataset.value);
      if (output !== undefined) return { typed: true, value: output };
      const issues: v.BaseIssue<unknown>[] = [];
      reportIssues(plan, dataset.value, isLeaf, config, issues);
      return issues.length > 0 ? { typed: false, value: dataset.value, issues } : schema['~run'](dataset, config);
    },
  } as TSchema;
  const standard: v.StandardProps<unknown, unknown> = {
    version: 1,
    vendor: 'valibot',
    validate: (value) => fast['~run']({ value }, v.getGlobalConfig()) as ReturnType<typeof standard.validate>,
  };
  (fast as { '~standard': typeof standard })['~standard'] = standard;
  return fast;
}
