/** Descriptions longer than this are cut. */
const LONGEST = 80;

/** How much of a cut description is kept. */
const KEPT = 50;

/** Text that needs no escape: printable ASCII but for `"` and `\\`. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * What JSON.stringify leaves as it is but a message must not show as it is:
 * line breaks (U+0085, U+2028, U+2029), the other C1 controls, and the
 * invisible and direction marks that can make a log line read otherwise.
 */
const LINE_BREAKS = /[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Describes a value for a message, on one line and in at most about 80
 * characters: strings and symbol descriptions quoted and escaped (line breaks,
 * lone surrogates), bigints with `n`, `-0` kept, arrays as `Array`, functions
 * as `Function`, other objects by their class name as valibot names them
 * (`Number`, `Date`; `Object` for a plain or null-prototype object, or a name
 * that is not one). Describing an object reads its prototype's `constructor`:
 * call it only while the input may still be read (inside the reading `try`).
 *
 * @param value The value to describe.
 *
 * @returns A short description.
 */
export function _describeValue(value: unknown): string {
  if (typeof value === 'string') return _quote(value);
  if (typeof value === 'symbol') return `Symbol(${_quote(value.description ?? '')})`;
  if (typeof value === 'function') return 'Function';
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'Array' : className(value);
  // A number, a bigint (the only one that can be long), a boolean, null or undefined.
  const text = Object.is(value, -0) ? '-0' : `${value as bigint}${typeof value === 'bigint' ? 'n' : ''}`;
  return text.length > LONGEST ? `${text.slice(0, KEPT)}… (${text.length} characters)` : text;
}

/** The class name of an object, as valibot's `received` gives it, when it reads as a name. */
function className(value: object): string {
  const name: unknown = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === 'string' && /^[A-Za-z_$][\w$]{0,49}$/.test(name) ? name : 'Object';
}

/**
 * Quotes a string as JSON does, escaping the line breaks JSON leaves in too,
 * and cuts it when long, never inside an escape or a surrogate pair.
 *
 * @param text The string.
 *
 * @returns The quoted string.
 */
export function _quote(text: string): string {
  // Printable ASCII without quotes or backslashes, short: nothing to escape or cut
  // (describing "823" this way is about 40 times faster than char by char).
  if (text.length <= LONGEST - 2 && PLAIN.test(text)) return `"${text}"`;
  let quoted = '"';
  let end = 1;
  // Code point by code point, so that a pair is never split; at most LONGEST
  // of them are looked at, however long the string.
  for (const char of text) {
    if (quoted.length <= KEPT) end = quoted.length;
    quoted += JSON.stringify(char).slice(1, -1).replace(LINE_BREAKS, (mark) => `\\u${mark.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (quoted.length >= LONGEST) return `${quoted.slice(0, end)}…" (${text.length} characters)`;
  }
  return `${quoted}"`;
}
