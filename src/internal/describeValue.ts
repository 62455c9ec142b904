/**
 * Describes a received value for an error message in at most 80 characters:
 * strings quoted (escaped, on one line) and cut, bigints with `n`, `-0` kept,
 * objects and functions by their kind (never by calling into them), everything
 * else as `String` writes it, cut too (a symbol's description can be long).
 *
 * @param value The value to describe.
 *
 * @returns A short description.
 *
 * @internal
 */
export function describeValue(value: unknown): string {
  const type = typeof value;
  return truncate(
    type === 'string'
      ? JSON.stringify(value)
      : type === 'bigint'
        ? `${value as bigint}n`
        : type === 'object'
          ? value === null
            ? 'null'
            : Array.isArray(value)
              ? 'Array'
              : 'Object'
          : type === 'function'
            ? 'Function'
            : Object.is(value, -0)
              ? '-0'
              : String(value),
  );
}

/**
 * Cuts a description to 80 characters, saying how long it was.
 *
 * @param text The description.
 *
 * @returns The description, cut when too long.
 *
 * @internal
 */
export function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 50)}… (${text.length} characters)` : text;
}
