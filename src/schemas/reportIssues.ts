import * as v from 'valibot';

/** An object schema whose entries are counts, details objects and optional wrappers of them. */
type UsageObjectSchema = v.ObjectSchema<v.ObjectEntries, undefined>;

/** A valibot issue. */
type Issue = v.BaseIssue<unknown>;

/** One entry of an object schema, read once so that reporting need not look again. */
interface PlannedEntry {
  readonly key: string;
  /** The entry's schema, unwrapped from `optional`/`nullish`. */
  readonly schema: v.GenericSchema;
  /** Whether the key may be absent or `undefined`. */
  readonly optional: boolean;
  /** Whether the value may also be `null`. */
  readonly nullish: boolean;
  /** The plan of a nested object schema. */
  readonly nested: Plan | undefined;
}

/**
 * How to report the issues of one object schema.
 *
 * @internal
 */
export interface Plan {
  readonly schema: UsageObjectSchema;
  readonly entries: readonly PlannedEntry[];
}

/**
 * Reads an object schema's entries into a {@link Plan}, once, when the schema is made.
 *
 * @internal
 */
// @__NO_SIDE_EFFECTS__
export function planIssues(schema: UsageObjectSchema): Plan {
  return {
    schema,
    entries: Object.entries(schema.entries).map(([key, entry]) => {
      const optional = entry.type === 'optional' || entry.type === 'nullish';
      const unwrapped = optional ? (entry as unknown as { wrapped: v.GenericSchema }).wrapped : entry;
      const nested = unwrapped.type === 'object' ? planIssues(unwrapped as unknown as UsageObjectSchema) : undefined;
      return { key, schema: unwrapped, optional, nullish: entry.type === 'nullish', nested };
    }),
  };
}

/**
 * Reports the issues of an object schema for invalid input, as valibot's own
 * object schema does (the same issues, paths and messages, in the same
 * order), but faster: values that `isLeaf` accepts are skipped, and valibot's
 * full checks run only on the fields that fail, so that reporting costs about
 * what the broken fields cost. test/properties.test.ts checks that the issues
 * are valibot's own.
 *
 * @param plan The plan of the object schema, whose leaves `isLeaf` stands for.
 * @param input The invalid input.
 * @param isLeaf Whether a value passes a leaf (count) schema.
 * @param config The valibot configuration.
 * @param issues Where the issues go.
 * @param path The path to `input` from the root.
 *
 * @returns Whether to stop (`abortEarly` and an issue was found).
 *
 * @internal
 */
export function reportIssues(
  plan: Plan,
  input: unknown,
  isLeaf: (value: unknown) => boolean,
  config: v.Config<Issue>,
  issues: Issue[],
  path: readonly v.IssuePathItem[] = [],
): boolean {
  if (typeof input !== 'object' || input === null) {
    issues.push(...plan.schema['~run']({ value: input }, config).issues!);
    return config.abortEarly === true;
  }
  const object = input as Record<string, unknown>;
  for (const { key, schema, optional, nullish, nested } of plan.entries) {
    const before = issues.length;
    // The value first, and `in` only when it is undefined, to tell a missing
    // key from an undefined value: what valibot decides for any object whose
    // has and get agree, for about half the cost (only a proxy whose has and
    // get traps disagree would be reported otherwise).
    const value = object[key];
    if (value === undefined && !(key in object)) {
      if (optional) continue;
      const dataset = { typed: true, value: input } as v.OutputDataset<unknown, Issue>;
      const keyPath: v.IssuePathItem[] = [...path, { type: 'object', origin: 'key', input: object, key, value }];
      // The path is never empty (it ends with the key), as valibot's type wants.
      v._addIssue(plan.schema, 'key', dataset, config, { input: undefined, expected: `"${key}"`, path: keyPath as [v.IssuePathItem] });
      issues.push(...dataset.issues!);
    } else {
      if (optional && (value === undefined || (nullish && value === null))) continue;
      if (nested !== undefined || !isLeaf(value)) {
        // The path to the value, built down from the root (not prepended on the way up: unshift is slow).
        const valuePath: v.IssuePathItem[] = [...path, { type: 'object', origin: 'value', input: object, key, value }];
        if (nested !== undefined && typeof value === 'object' && value !== null) {
          reportIssues(nested, value, isLeaf, config, issues, valuePath);
        } else {
          // A count that fails, or a details value that is not an object: the schema's own issues.
          for (const issue of schema['~run']({ value }, config).issues ?? []) {
            const issuePath = (issue as { path?: v.IssuePathItem[] }).path;
            (issue as { path?: v.IssuePathItem[] }).path = issuePath ? [...valuePath, ...issuePath] : [...valuePath];
            issues.push(issue);
          }
        }
      }
    }
    if (config.abortEarly && issues.length > before) return true;
  }
  return false;
}
