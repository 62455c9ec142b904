// Exact decimals for the bill: every cost is `exactCost`'s decimal string,
// read once into digits and a scale (`'0.004625'` is 4625 at scale 6), and
// the sums are BigInt, so that no figure is ever a rounded float until it is
// printed. (The library's `addCosts` adds strings the same way; here a sum is
// kept open while the log streams, a line at a time.)

/** A decimal: `digits / 10 ** scale`, `scale >= 0`. */
export interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

export const ZERO: Decimal = { digits: 0n, scale: 0 };

const POWERS: bigint[] = [1n];

/** 10n ** n, from a table. */
export function pow10(n: number): bigint {
  for (let k = POWERS.length; k <= n; k++) POWERS.push(POWERS[k - 1]! * 10n);
  return POWERS[n]!;
}

/**
 * Reads a decimal string as `exactCost` and `addCosts` write it (`'0.004625'`, `'-3'`, `'12'`).
 *
 * @throws {TypeError} When the text is not such a decimal.
 */
export function parseDecimal(text: string): Decimal {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) throw new TypeError(`expected a decimal string, received ${JSON.stringify(text)}`);
  const [, sign = '', whole = '', fraction = ''] = match;
  const digits = BigInt(whole + fraction);
  return { digits: sign === '-' ? -digits : digits, scale: fraction.length };
}

/**
 * The decimal a finite number prints as, exactly (`0.0387243`, `1e-7`): how a
 * cost a provider reports as a JSON number is read, digit for digit as sent.
 */
export function decimalOfNumber(value: number): Decimal {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) throw new RangeError(`expected a finite number, received ${String(value)}`);
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const scale = fraction.length - Number(exponent);
  let digits = BigInt(whole + fraction);
  if (sign === '-') digits = -digits;
  return scale >= 0 ? { digits, scale } : { digits: digits * pow10(-scale), scale: 0 };
}

/** a + b, exactly. */
export function add(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) return { digits: a.digits + b.digits, scale: a.scale };
  return a.scale > b.scale
    ? { digits: a.digits + b.digits * pow10(a.scale - b.scale), scale: a.scale }
    : { digits: a.digits * pow10(b.scale - a.scale) + b.digits, scale: b.scale };
}

/** An exact running sum, added to in place (a line at a time: no object per addition). */
export class Sum {
  #digits = 0n;
  #scale = 0;

  /** Adds a decimal. */
  add({ digits, scale }: Decimal): void {
    if (scale === this.#scale) this.#digits += digits;
    else if (scale < this.#scale) this.#digits += digits * pow10(this.#scale - scale);
    else {
      this.#digits = this.#digits * pow10(scale - this.#scale) + digits;
      this.#scale = scale;
    }
  }

  /** The sum so far. */
  get value(): Decimal {
    return { digits: this.#digits, scale: this.#scale };
  }
}

/** a - b, exactly. */
export function subtract(a: Decimal, b: Decimal): Decimal {
  return add(a, { digits: -b.digits, scale: b.scale });
}

/** The decimal written in full, without trailing zeros (`'0.004625'`, `'12'`, `'-0.5'`), as exactCost writes it. */
export function formatDecimal({ digits, scale }: Decimal): string {
  while (scale > 0 && digits % 10n === 0n) {
    digits /= 10n;
    scale--;
  }
  const negative = digits < 0n;
  const text = String(negative ? -digits : digits).padStart(scale + 1, '0');
  const body = scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
  return negative ? `-${body}` : body;
}

/** The number nearest the decimal (for JSON, beside the exact string). */
export function toNumber(decimal: Decimal): number {
  return Number(formatDecimal(decimal));
}

/**
 * The decimal rounded to `places` decimal places, half away from zero, written
 * with every place and thousands separators (`'1,234.5000'`), and whether a
 * nonzero value rounded to zero (then printed with its sign: `'-0.0000'`).
 */
export function roundDecimal({ digits, scale }: Decimal, places: number): string {
  let rounded: bigint;
  if (scale > places) {
    const unit = pow10(scale - places);
    const quotient = digits / unit;
    const remainder = digits - quotient * unit;
    const twice = (remainder < 0n ? -remainder : remainder) * 2n;
    rounded = twice >= unit ? quotient + (digits < 0n ? -1n : 1n) : quotient;
  } else {
    rounded = digits * pow10(places - scale);
  }
  const negative = digits < 0n;
  const text = String(rounded < 0n ? -rounded : rounded).padStart(places + 1, '0');
  const whole = text.slice(0, text.length - places).replace(/\B(?=(\d{3})+$)/g, ',');
  const body = places === 0 ? whole : `${whole}.${text.slice(-places)}`;
  return negative ? `-${body}` : body;
}
