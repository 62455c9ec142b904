import * as v from 'valibot';

/**
 * Gives a valibot schema a fast path for valid input: `read` checks and copies
 * the input by hand, and only when it answers `undefined` does the full
 * schema run, to report issues with paths and messages. The result is still
 * the same valibot schema (entries, pipe, `~standard`), so it composes in
 * `v.pipe`, `v.safeParse` and every Standard Schema consumer.
 *
 * @param schema The full schema.
 * @param read The fast path: the output for valid input, `undefined` otherwise.
 *
 * @returns The schema with the fast path.
 *
 * @internal
 */
// @__NO_SIDE_EFFECTS__
export function withFastPath<TSchema extends v.GenericSchema>(
  schema: TSchema,
  read: (input: unknown) => v.InferOutput<TSchema> | undefined,
): TSchema {
  const fast = {
    ...schema,
    '~run'(dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) {
      const output = read(dataset.value);
      if (output === undefined) return schema['~run'](dataset, config);
      return { typed: true, value: output };
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
