/**
 * Describes a received value for an error message in at most 80 characters:
 * strings quoted and cut, bigints with `n`, objects and functions by their
 * kind (never by calling into them), everything else as `String` writes it.
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
        : value && (type === 'object' || type === 'function')
          ? type
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
