// When a line ran, and the day it falls on in the report's time zone.

/** Seconds from here on are read as milliseconds (year 5138 in seconds). */
const MILLISECONDS_FROM = 1e11;

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A field of a line that cannot be read (a time, a record's model): the line is broken. */
export class LineError extends Error {
  override name = 'LineError';
}

/** A JSON value described in a message, cut when long. */
export function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) return typeof value;
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'Array' : 'Object';
  return text.length > 60 ? `${text.slice(0, 50)}… (${text.length} characters)` : text;
}

/**
 * A time as milliseconds since 1970: an ISO 8601 date or date-time (UTC when
 * it names no offset), or a number of seconds since 1970 (of milliseconds, from
 * 1e11 on, when `milliseconds` allows it: a log's own timestamps may be
 * `Date.now()`; a response's `created` is always seconds).
 *
 * @throws {LineError} When the value is neither, naming the field.
 */
export function readTime(value: unknown, field: string, milliseconds: boolean): number {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return milliseconds && Math.abs(value) >= MILLISECONDS_FROM ? value : value * 1000;
  }
  if (typeof value === 'string') {
    const fast = utcTime(value);
    if (fast !== undefined) return fast;
    const match = ISO.exec(value);
    if (match !== null) {
      const [, date, time, zone] = match;
      const ms = Date.parse(time === undefined ? `${date!}T00:00:00Z` : `${date!}T${time}${zone ?? 'Z'}`);
      if (!Number.isNaN(ms)) return ms;
    }
  }
  throw new LineError(`${field}: expected an ISO 8601 date (2025-10-15T09:52:06Z) or seconds since 1970, received ${describe(value)}`);
}

/** The digit at `index` of `text`, or a number past any range check (a non-digit). */
function digit(text: string, index: number): number {
  const value = text.charCodeAt(index) - 48;
  return value >= 0 && value <= 9 ? value : 1e9;
}

/** The days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The common case without a regular expression or Date.parse, which cost as
 * much as the rest of a line: `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS.sssZ`.
 *
 * @returns The time, or `undefined` for any other text (read the slow way).
 */
function utcTime(text: string): number | undefined {
  const { length } = text;
  if ((length !== 20 && length !== 24) || text.charCodeAt(length - 1) !== 90 /* Z */) return undefined;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || (length === 24 && text[19] !== '.')) return undefined;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  const hours = digit(text, 11) * 10 + digit(text, 12);
  const minutes = digit(text, 14) * 10 + digit(text, 15);
  const seconds = digit(text, 17) * 10 + digit(text, 18);
  const ms = length === 24 ? digit(text, 20) * 100 + digit(text, 21) * 10 + digit(text, 22) : 0;
  if (year < 100 || year > 9999 || month < 1 || month > 12 || day < 1 || hours > 23 || minutes > 59 || seconds > 59 || ms > 999) return undefined;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return undefined;
  return daysFromCivil(year, month, day) * 86_400_000 + hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + ms;
}

/** The day keys (`YYYY-MM-DD`) of times in one time zone, the last one remembered (logs run in order). */
export class Days {
  readonly #format: Intl.DateTimeFormat | undefined;
  #bucket = Number.NaN;
  #key = '';

  /** @param timeZone An IANA time zone, or `undefined` for UTC. */
  constructor(timeZone: string | undefined) {
    this.#format =
      timeZone === undefined ? undefined : new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  /** The day of a time, `YYYY-MM-DD`. */
  of(ms: number): string {
    // UTC days are whole multiples of 86,400,000 ms; a zone's are known for a minute at a time
    // (every zone's offset is whole minutes).
    const bucket = this.#format === undefined ? Math.floor(ms / 86_400_000) : Math.floor(ms / 60_000);
    if (bucket !== this.#bucket) {
      this.#bucket = bucket;
      this.#key = this.#format === undefined ? new Date(bucket * 86_400_000).toISOString().slice(0, 10) : zoned(this.#format, ms);
    }
    return this.#key;
  }
}

/** A day in a time zone. */
function zoned(format: Intl.DateTimeFormat, ms: number): string {
  const parts: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(ms)) parts[type] = value;
  return `${parts.year!.padStart(4, '0')}-${parts.month!}-${parts.day!}`;
}

/**
 * A `--since` or `--until` day, `YYYY-MM-DD` or `YYYYMMDD`, as `YYYY-MM-DD`.
 *
 * @returns The day, or `undefined` when it is not one.
 */
export function readDay(text: string): string | undefined {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const day = `${match[1]!}-${match[2]!}-${match[3]!}`;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(day) ? day : undefined;
}

/**
 * Whether a time zone is one Intl knows.
 */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
