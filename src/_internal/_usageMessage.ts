import type * as v from 'valibot';
import { _SDK, _WIRE } from '../_shape.ts';
import { _message } from './_message.ts';

/** The keys whose values are details objects, in either form. */
const DETAILS_KEYS: readonly string[] = [..._SDK.details, _SDK.cached[1], ..._WIRE.details, _WIRE.cached[1]];

/**
 * The message of the usage objects' own issues: {@link _message}, for which a
 * missing details key lacks an `Object` and any other a `number`.
 *
 * @param issue The issue valibot is making.
 *
 * @returns Its message.
 */
export function _usageMessage(issue: v.BaseIssue<unknown>): string {
  return _message(issue, DETAILS_KEYS);
}
