/** The longest description of a received value, in characters. */
const MAX_LENGTH = 80;

/**
 * Describes a received value for an error message in at most about 80
 * characters: strings quoted and cut, numbers as written (`-0` kept), objects
 * by their kind, never by their contents, and never by calling into them.
 *
 * @param value The value to describe.
 *
 * @returns A short description.
 *
 * @internal
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return truncate(JSON.stringify(value));
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return truncate(`${value}n`);
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? 'Array' : 'Object';
    case 'function':
      return 'Function';
    default:
      // Booleans, undefined, and symbols, whose descriptions can be long.
      return truncate(String(value));
  }
}

/**
 * Cuts a description to {@link MAX_LENGTH} characters, saying how long it was.
 *
 * @param text The description.
 *
 * @returns The description, cut when too long.
 *
 * @internal
 */
export function truncate(text: string): string {
  if (text.length <= MAX_LENGTH) return text;
  const suffix = `… (${text.length} characters)`;
  return text.slice(0, MAX_LENGTH - suffix.length) + suffix;
}
