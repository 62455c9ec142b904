import * as v from 'valibot';
import {
  imageResponseSchema,
  ImageUsageError,
  parseImageResponse,
  type ParseImageResponseOptions,
  type SafeParseImageResponseResult,
  safeParseImageResponse,
} from '../../src/index.ts';
import { check, checkFreshUsage, isShortLine, key } from '../invariants.ts';

// The guarantees of docs/guarantees.md for the readers of whole responses,
// as plain checks for the property tests: nothing thrown by
// safeParseImageResponse (parseImageResponse throws only ImageUsageError, and
// the same issues), fresh plain outputs, short one-line messages with paths.

/** `expected what, received what`, on one line. */
const ISSUE_MESSAGE = /^expected [^\n\r\u0085\u2028\u2029]+, received [^\n\r\u0085\u2028\u2029]*$/;

/** A dot path as `v.getDotPath` writes it: keys and indexes. */
const PATH = /^[A-Za-z_$][\w$]*(\.(\d+|[A-Za-z_$][\w$]*))*$/;

/** The keys of an output, in order. */
const KEYS = ['shape', 'model', 'usage', 'images', 'reportedCost'];

/** What a read came to, comparable across inputs: the output, or the messages and their paths. */
export function responseOutcome(result: SafeParseImageResponseResult): string {
  if (result.success) return key({ output: result.output });
  return key({ messages: result.issues.map((issue) => issue.message), paths: result.issues.map((issue) => v.getDotPath(issue)) });
}

/**
 * Reads an input with every entry point for whole responses, under these
 * options and their strict twin, and checks the guarantees.
 *
 * @param input Anything.
 * @param options The options.
 *
 * @returns The results under the default and the strict rules.
 */
export function checkResponseGuarantees(input: unknown, options: ParseImageResponseOptions = {}): { loose: SafeParseImageResponseResult; strict: SafeParseImageResponseResult } {
  const loose = safeParseImageResponse(input, options);
  const strict = safeParseImageResponse(input, { ...options, strict: true });
  for (const [result, isStrict] of [
    [loose, false],
    [strict, true],
  ] as const) {
    if (result.success) {
      const { output } = result;
      const keys = [...KEYS, ...('derived' in output ? ['derived'] : [])];
      check(Object.getPrototypeOf(output) === Object.prototype && key(Reflect.ownKeys(output)) === key(keys), 'the output is a plain object with its keys');
      check(output.model === undefined || (typeof output.model === 'string' && output.model !== ''), 'the model is a name or none');
      check(Number.isSafeInteger(output.images) && output.images >= 0, 'images is a count');
      check(output.reportedCost === undefined || (Number.isFinite(output.reportedCost) && output.reportedCost >= 0), 'the cost is a finite number >= 0 or none');
      if (output.usage !== undefined) checkFreshUsage(output.usage, isStrict);
      if (output.derived !== undefined) check(Array.isArray(output.derived) && output.derived.length > 0, 'derived lists at least one path');
      check(output !== input && output.usage !== input, 'the output is not the input');
    } else {
      check(result.issues.length > 0, 'a failure has at least one issue');
      for (const issue of result.issues) {
        check(isShortLine(issue.message), `one short line: ${issue.message.slice(0, 400)}`);
        check(ISSUE_MESSAGE.test(issue.message), `expected ..., received ...: ${issue.message}`);
        check(typeof issue.received === 'string' && (issue.expected === null || typeof issue.expected === 'string'), 'expected and received are text');
        const path = v.getDotPath(issue);
        check(path === null ? issue.path === undefined : PATH.test(path), `a path of keys: ${String(path)}`);
      }
    }
    let thrown: unknown;
    let parsed: unknown;
    try {
      parsed = parseImageResponse(input, { ...options, strict: isStrict });
    } catch (error) {
      thrown = error;
    }
    if (result.success) check(thrown === undefined && key(parsed) === key(result.output), 'parseImageResponse returns what safeParseImageResponse does');
    else check(thrown instanceof ImageUsageError && key((thrown as ImageUsageError).issues.map((issue) => issue.message)) === key(result.issues.map((issue) => issue.message)), 'parseImageResponse throws the issues as an ImageUsageError');
    // The schema is the same run.
    const schema = v.safeParse(imageResponseSchema({ ...options, strict: isStrict }), input);
    check(responseOutcome(schema.success ? { success: true, output: schema.output } : { success: false, issues: schema.issues }) === responseOutcome(result), 'the schema reads what safeParseImageResponse does');
  }
  // The strict rules accept less, never more, and give the same.
  if (strict.success) check(responseOutcome(loose) === responseOutcome(strict), 'strict success implies the same default success');
  return { loose, strict };
}
