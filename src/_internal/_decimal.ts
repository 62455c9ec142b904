// Exact decimals for costs: a count times a price per million tokens, added
// up, is a decimal with a finite number of digits; BigInt keeps every one.

/** A decimal number: `digits / 10 ** scale`, `scale >= 0`. */
export interface _Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

/**
 * The decimal value a finite number `>= 0` prints as, exactly
 * (`String(1.25)` is `'1.25'`, `String(1e-7)` is `'1e-7'`).
 *
 * @param value The number.
 *
 * @returns Its decimal.
 */
export function _toDecimal(value: number): _Decimal {
  const [, whole, fraction = '', exponent = '0'] = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value))!;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole! + fraction);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/**
 * Reads a decimal written as digits with an optional fraction and sign
 * (`'0.004625'`, `'-3'`), exactly.
 *
 * @param text The text.
 *
 * @returns Its decimal, or `undefined` when it is not one.
 */
export function _parseDecimal(text: string): _Decimal | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return undefined;
  const [, sign, whole, fraction = ''] = match;
  const digits = BigInt(whole! + fraction);
  return { digits: sign ? -digits : digits, scale: fraction.length };
}

/**
 * The exact sum of decimals.
 *
 * @param terms The decimals.
 *
 * @returns Their sum.
 */
export function _addDecimals(terms: Iterable<_Decimal>): _Decimal {
  let digits = 0n;
  let scale = 0;
  for (const term of terms) {
    if (term.scale > scale) {
      digits *= 10n ** BigInt(term.scale - scale);
      scale = term.scale;
    }
    digits += term.digits * 10n ** BigInt(scale - term.scale);
  }
  return { digits, scale };
}

/**
 * Writes a decimal in full, without trailing zeros in its fraction
 * (`'0.004625'`, `'12'`, `'0'`).
 *
 * @param decimal The decimal.
 *
 * @returns The text.
 */
export function _formatDecimal(decimal: _Decimal): string {
  const { digits, scale } = decimal;
  const sign = digits < 0n ? '-' : '';
  const text = String(sign ? -digits : digits).padStart(scale + 1, '0');
  const whole = text.slice(0, text.length - scale);
  // The fraction without its trailing zeros, cut once rather than a digit at a time.
  const fraction = text.slice(text.length - scale).replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
