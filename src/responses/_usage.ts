import type * as v from 'valibot';
import { _countPaths, type _Keys, _RULES, _WIRE } from '../_shape.ts';
import { StrictWireImageUsageSchema } from '../schemas/StrictWireImageUsageSchema.ts';
import { WireImageUsageSchema } from '../schemas/WireImageUsageSchema.ts';
import type { ImageUsage } from '../types/index.ts';
import { _addIssuesAt, _deriveMissing, _dotPath, _field, _isObject, _object, type _Path, type _Reading } from './_reading.ts';

// A usage object inside a whole response, in the wire or the SDK form, read
// under the rules for partial usage (docs/responses.md): its known fields are
// copied (each read once), an optional details object that holds neither of
// its counts is absent, and a count missing from a sum whose other two counts
// are there is derived; then the usage schema of the form checks the copy and
// makes the output, so that its issues and rules are the package's own.

/** A copy of a usage object's known fields, and the details objects it made. */
interface Copy {
  readonly fields: Record<string, unknown>;
  readonly made: Set<object>;
}

/** Sets a field of a copy when the value is there. */
function put(object: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) object[key] = value;
}

/** Copies the fields of one form: its counts, and its details objects as plain copies (anything else as it is). */
function copyForm(usage: object, keys: _Keys, { fields, made }: Copy): void {
  const [cached, cachedDetails, ...cachedSplit] = keys.cached;
  for (const key of [...keys.counts, cached]) put(fields, key, _field(usage, key));
  for (const [key, split] of [
    [keys.details[0], keys.split],
    [keys.details[1], keys.split],
    [cachedDetails, cachedSplit],
  ] as const) {
    const value = _field(usage, key);
    if (!_isObject(value)) {
      put(fields, key, value);
      continue;
    }
    const details: Record<string, unknown> = {};
    for (const name of split) put(details, name, _field(value, name));
    made.add(details);
    fields[key] = details;
  }
}

/** Leaves out the optional details objects (the output's, the cache's) that hold neither of their counts. */
function dropEmpty(keys: _Keys, { fields, made }: Copy): void {
  for (const [key, split] of [
    [keys.details[1], keys.split],
    [keys.cached[1], keys.cached.slice(2)],
  ] as const) {
    const details = fields[key];
    if (made.has(details as object) && split.every((name) => (details as Record<string, unknown>)[name] === undefined)) Reflect.deleteProperty(fields, key);
  }
}

/**
 * Derives each count missing from a sum rule (`_RULES`: total = input +
 * output, each side = text + image, cached = cached text + cached image)
 * whose other two counts are there, when those are safe integers and the
 * result is one `>= 0`, until none is left to derive; records the path of
 * each.
 */
function derive(keys: _Keys, { fields, made }: Copy, reading: _Reading, path: _Path): void {
  const places = _countPaths(keys).map((dotted) => dotted.split('.'));
  /** The object that holds a count: the copy, or a details object it made. */
  const holder = (slot: number): Record<string, unknown> | undefined => {
    const place = places[slot]!;
    const object = place.length === 1 ? fields : fields[place[0]!];
    return place.length === 1 || made.has(object as object) ? (object as Record<string, unknown>) : undefined;
  };
  const countAt = (slot: number): unknown => holder(slot)?.[places[slot]!.at(-1)!];
  for (let derived = true; derived; ) {
    derived = false;
    for (const { reported, parts, atMost } of _RULES) {
      if (atMost) continue;
      const slots = [reported, ...parts];
      const found = _deriveMissing(slots.map(countAt));
      if (found === undefined) continue;
      const [index, value] = found;
      const slot = slots[index]!;
      const object = holder(slot);
      if (object === undefined) continue;
      object[places[slot]!.at(-1)!] = value;
      reading.derived.push([_dotPath(path), places[slot]!.join('.')].filter(Boolean).join('.'));
      derived = true;
    }
  }
}

/**
 * Reads a usage object inside a response under the rules for partial usage,
 * then checks it with a usage schema.
 *
 * @param reading The read.
 * @param path The path to the usage object.
 * @param value The usage object: absent or `null` is none.
 * @param forms The forms whose keys it may hold.
 * @param schema The usage schema to check the copy with.
 *
 * @returns The usage, or `undefined` when there is none or it has issues (added to the read).
 */
export function _readUsage(
  reading: _Reading,
  path: _Path,
  value: unknown,
  forms: readonly _Keys[],
  schema: v.GenericSchema<unknown, ImageUsage>,
): ImageUsage | undefined {
  const usage = _object(reading, path, value);
  if (usage === undefined) return undefined;
  const copy: Copy = { fields: {}, made: new Set() };
  for (const keys of forms) copyForm(usage, keys, copy);
  for (const keys of forms) {
    dropEmpty(keys, copy);
    derive(keys, copy, reading, path);
  }
  const { value: output, issues } = schema['~run']({ value: copy.fields }, reading.config);
  if (issues) {
    _addIssuesAt(reading, path, issues);
    return undefined;
  }
  return output;
}

/**
 * Reads a usage object in OpenAI's wire form inside a response (the Images
 * API's `usage`, the Responses API's `tool_usage.image_gen`), under the rules
 * of the read.
 *
 * @param reading The read.
 * @param path The path to the usage object.
 * @param value The usage object: absent or `null` is none.
 *
 * @returns The usage, or `undefined`.
 */
export function _readWireUsage(reading: _Reading, path: _Path, value: unknown): ImageUsage | undefined {
  return _readUsage(reading, path, value, [_WIRE], reading.strict ? StrictWireImageUsageSchema : WireImageUsageSchema);
}
