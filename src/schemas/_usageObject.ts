import * as v from 'valibot';
import { _FORMS, type _Form } from '../_shape.ts';
import { _message } from '../_internal/_message.ts';
import { _usageMessage } from '../_internal/_usageMessage.ts';
import type { CountSchemaType, StrictCountSchemaType } from './CountSchema.ts';
import type { DetailsSchemaType, UsageSchemaEntries } from './UsageSchemaEntries.ts';

/**
 * The schema of a details object: each key a count.
 *
 * @param keys Its two keys.
 * @param count The schema of a count.
 *
 * @returns The schema.
 */
// @__NO_SIDE_EFFECTS__
export function _detailsObject<TKeys extends readonly string[], TCount extends CountSchemaType | StrictCountSchemaType>(
  keys: TKeys,
  count: TCount,
): DetailsSchemaType<TKeys, TCount> {
  return v.object(Object.fromEntries(keys.map((key) => [key, count])) as never, _message);
}

/**
 * The object schema of the usage object in one form, built from the
 * description (`_shape.ts`): the entries of {@link UsageSchemaEntries}, in
 * the order of `_usageKeys`.
 *
 * @param form The form.
 * @param count The schema of a count.
 *
 * @returns The schema.
 */
// @__NO_SIDE_EFFECTS__
export function _usageObject<TForm extends _Form, TCount extends CountSchemaType | StrictCountSchemaType>(
  form: TForm,
  count: TCount,
): v.ObjectSchema<UsageSchemaEntries<TForm, TCount>, v.ErrorMessage<v.ObjectIssue>> {
  const { counts, details, split, cached, absent } = _FORMS[form];
  // An optional details object: `v.nullish` where the form says `null` is absent too.
  const optional = (schema: v.GenericSchema): v.GenericSchema => (absent.includes(null) ? v.nullish(schema) : v.optional(schema));
  const [cachedCount, cachedDetails, ...cachedSplit] = cached;
  return v.object(
    {
      ...Object.fromEntries(counts.map((key) => [key, count])),
      [details[0]]: _detailsObject(split, count),
      [details[1]]: optional(_detailsObject(split, count)),
      [cachedCount]: v.optional(count),
      [cachedDetails]: optional(_detailsObject(cachedSplit, count)),
    } as never,
    _usageMessage,
  );
}
