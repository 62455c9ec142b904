import * as v from 'valibot';
import { _message } from '../_internal/_message.ts';

/**
 * The type of {@link CountSchema}: a number, finite, `>= 0`, with the
 * package's messages.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import type { CountSchemaType } from 'image-usage';
 *
 * type Count = v.InferOutput<CountSchemaType>; // number
 * ```
 */
export type CountSchemaType = v.SchemaWithPipe<
  readonly [
    v.NumberSchema<v.ErrorMessage<v.NumberIssue>>,
    v.FiniteAction<number, v.ErrorMessage<v.FiniteIssue<number>>>,
    v.MinValueAction<number, 0, v.ErrorMessage<v.MinValueIssue<number, 0>>>,
  ]
>;

/**
 * A token count under the default rules: a finite number `>= 0`. Fractions
 * are allowed, because the SDK types counts as `number`. Its issues read
 * `expected >=0, received -1`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { CountSchema } from 'image-usage';
 *
 * v.is(CountSchema, 52.5); // true
 * v.is(CountSchema, -1); // false
 * ```
 */
export const CountSchema: CountSchemaType = v.pipe(v.number(_message), v.finite(_message), v.minValue(0, _message));

/**
 * The type of {@link StrictCountSchema}: a number, a safe integer, `>= 0`,
 * with the package's messages.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import type { StrictCountSchemaType } from 'image-usage';
 *
 * type Count = v.InferOutput<StrictCountSchemaType>; // number
 * ```
 */
export type StrictCountSchemaType = v.SchemaWithPipe<
  readonly [
    v.NumberSchema<v.ErrorMessage<v.NumberIssue>>,
    v.SafeIntegerAction<number, v.ErrorMessage<v.SafeIntegerIssue<number>>>,
    v.MinValueAction<number, 0, v.ErrorMessage<v.MinValueIssue<number, 0>>>,
  ]
>;

/**
 * A token count under the strict rules: a safe integer `>= 0`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { StrictCountSchema } from 'image-usage';
 *
 * v.is(StrictCountSchema, 52); // true
 * v.is(StrictCountSchema, 52.5); // false
 * ```
 */
export const StrictCountSchema: StrictCountSchemaType = v.pipe(v.number(_message), v.safeInteger(_message), v.minValue(0, _message));
