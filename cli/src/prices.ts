// The price of each line: `--prices` first, else the genai-prices catalog at
// the line's time. calcPrice runs once per model and price period, never per
// line: a model's catalog entry is a flat price, or a list of prices each
// under a constraint (from a start date, or within hours of the day), and
// which one applies depends only on which constraints hold at the time, so
// those truths are the key of the period.
import { calcPrice, type ModelInfo, type PriceCalculation } from '@pydantic/genai-prices';
import { exactCost, type ImagePrices, type ImageUsage, imagePricesFromGenaiPrices } from 'image-usage';
import { type Decimal, parseDecimal } from './decimal.ts';

/** Prices found for a model (in one period), with the costs of the usages met so far. */
export interface Priced {
  readonly prices: ImagePrices;
  /** Where they come from: `--prices`, or the catalog's provider and model (`genai-prices openai/gpt-image-1`). */
  readonly source: string;
  /** exactCost by usage, memoised: the same counts at the same prices cost the same (see costOf). */
  readonly costs: Map<number, Memo[]>;
  /** How many usages `costs` holds. */
  memos: number;
}

/** A usage's counts (-1 for a count it does not have) and its exact cost. */
interface Memo {
  readonly counts: readonly number[];
  readonly cost: Decimal;
}

/** Why a model has no price. */
export interface NoPrice {
  readonly reason: string;
}

type Constraint = NonNullable<Extract<ModelInfo['prices'], unknown[]>[number]['constraint']>;

type Entry =
  | { readonly kind: 'fixed'; readonly found: Priced | NoPrice }
  | {
      readonly kind: 'dated';
      readonly lookup: (timestamp: Date) => PriceCalculation | null;
      readonly source: string;
      readonly constraints: readonly Constraint[];
      readonly periods: Map<string, Priced | NoPrice>;
    };

/** Most distinct usages remembered per price; past it the memo starts again (memory stays flat). */
const MEMO = 20_000;

/**
 * The seconds into the UTC day of a catalog time of day (`HH:MM:SS[.fff]` and
 * `Z` or an offset), as genai-prices reads it; `NaN` when it is not one.
 */
function secondsOf(time: string): number {
  const match = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/.exec(time);
  if (match === null) return Number.NaN;
  const [, hours, minutes, seconds, fraction = '', zone, sign, offsetHours = '00', offsetMinutes = '00'] = match;
  const local = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(`0.${fraction}`);
  const offset = zone === 'Z' ? 0 : (sign === '+' ? 1 : -1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60;
  return (local - offset + 86_400) % 86_400;
}

/** Whether the command reads a constraint as genai-prices does (a start date, or a time of day). */
function readable(constraint: Constraint): boolean {
  return constraint.type === 'start_date'
    ? !Number.isNaN(Date.parse(constraint.start_date))
    : !Number.isNaN(secondsOf(constraint.start_time)) && !Number.isNaN(secondsOf(constraint.end_time));
}

/** Whether a catalog price constraint holds at a time, as genai-prices decides it. */
function holds(constraint: Constraint, ms: number): boolean {
  if (constraint.type === 'start_date') return ms >= Date.parse(constraint.start_date);
  const day = (((ms % 86_400_000) + 86_400_000) % 86_400_000) / 1000; // as genai-prices: seconds into the UTC day
  const start = secondsOf(constraint.start_time);
  const end = secondsOf(constraint.end_time);
  return end < start ? day >= start || day < end : day >= start && day < end;
}

/** The catalog's answer for a model name, as the command looks it up (see docs/report.md). */
function catalogLookup(model: string): ((timestamp: Date) => PriceCalculation | null) | undefined {
  const slash = model.indexOf('/');
  const tries: [string, string | undefined][] =
    slash > 0 ? [[model.slice(slash + 1), model.slice(0, slash)], [model, 'openrouter']] : [[model, undefined]];
  const now = new Date();
  for (const [name, providerId] of tries) {
    const options = providerId === undefined ? {} : { providerId };
    if (calcPrice({}, name, { ...options, timestamp: now }) !== null) return (timestamp) => calcPrice({}, name, { ...options, timestamp });
  }
  return undefined;
}

/** Turns a catalog answer into prices, or says why it cannot. */
function pricedOf(result: PriceCalculation, source: string): Priced | NoPrice {
  try {
    return { prices: imagePricesFromGenaiPrices(result.model_price), source, costs: new Map(), memos: 0 };
  } catch (error) {
    return { reason: `the genai-prices catalog's price of ${source.slice('genai-prices '.length)} does not fit image usage (${(error as Error).message}): give its prices with --prices` };
  }
}

/** The prices of the models of a log. */
export class PriceBook {
  readonly #overrides: ReadonlyMap<string, ImagePrices>;
  readonly #entries = new Map<string, Entry>();

  /** @param overrides `--prices`: prices per million tokens by model name. */
  constructor(overrides: ReadonlyMap<string, ImagePrices>) {
    this.#overrides = overrides;
  }

  /** The prices of `model` at `ms` (milliseconds since 1970), or why there are none. */
  lookup(model: string, ms: number): Priced | NoPrice {
    const entry = this.#entries.get(model) ?? this.#enter(model, ms);
    if (entry.kind === 'fixed') return entry.found;
    let period = '';
    for (const constraint of entry.constraints) period += holds(constraint, ms) ? '1' : '0';
    let found = entry.periods.get(period);
    if (found === undefined) {
      const result = entry.lookup(new Date(ms));
      found = result === null ? { reason: `not in the genai-prices catalog at ${new Date(ms).toISOString()}` } : pricedOf(result, entry.source);
      entry.periods.set(period, found);
    }
    return found;
  }

  /** Looks a model up the first time it is met. */
  #enter(model: string, ms: number): Entry {
    let entry: Entry;
    const override = this.#overrides.get(model) ?? this.#overrides.get(model.slice(model.indexOf('/') + 1));
    if (override !== undefined) {
      entry = { kind: 'fixed', found: { prices: override, source: '--prices', costs: new Map(), memos: 0 } };
    } else {
      try {
        const lookup = catalogLookup(model);
        const result = lookup?.(new Date(ms));
        if (lookup === undefined || result == null) {
          entry = { kind: 'fixed', found: { reason: 'not in the genai-prices catalog: give its prices with --prices' } };
        } else {
          const source = `genai-prices ${result.provider.id}/${result.model.id}`;
          const { prices } = result.model;
          const constraints = Array.isArray(prices) ? prices.flatMap(({ constraint }) => (constraint === undefined ? [] : [constraint])) : [];
          if (!constraints.every(readable)) {
            entry = { kind: 'fixed', found: { reason: `the genai-prices catalog's price constraints of ${source.slice('genai-prices '.length)} cannot be read: give its prices with --prices` } };
          } else {
            entry = Array.isArray(prices) ? { kind: 'dated', lookup, source, constraints, periods: new Map() } : { kind: 'fixed', found: pricedOf(result, source) };
          }
        }
      } catch (error) {
        entry = { kind: 'fixed', found: { reason: `the genai-prices catalog cannot price it: ${(error as Error).message}` } };
      }
    }
    this.#entries.set(model, entry);
    return entry;
  }
}

/** Scratch space for the counts of the usage being priced. */
const COUNTS = new Array<number>(10).fill(0);

/**
 * The exact cost of a usage at some prices: exactCost's decimal, memoised by
 * every count exactCost reads (a log repeats its usages: the same image size
 * and quality give the same output tokens, prompts are of a few hundred
 * lengths), found by the total and compared count by count, so that a line
 * that was met before costs no string and no BigInt multiplication.
 *
 * @throws {RangeError | TypeError} exactCost's own errors (a usage that does not add up, cached tokens that cannot be split).
 */
export function costOf(priced: Priced, usage: ImageUsage): Decimal {
  const input = usage.inputTokensDetails;
  const output = usage.outputTokensDetails;
  const cached = usage.cachedTokensDetails;
  COUNTS[0] = usage.totalTokens;
  COUNTS[1] = usage.inputTokens;
  COUNTS[2] = usage.outputTokens;
  COUNTS[3] = input.textTokens;
  COUNTS[4] = input.imageTokens;
  COUNTS[5] = output === undefined ? -1 : output.textTokens;
  COUNTS[6] = output === undefined ? -1 : output.imageTokens;
  COUNTS[7] = usage.cachedTokens ?? -1;
  COUNTS[8] = cached === undefined ? -1 : cached.cachedTextTokens;
  COUNTS[9] = cached === undefined ? -1 : cached.cachedImageTokens;
  const memos = priced.costs.get(usage.totalTokens);
  if (memos !== undefined) {
    for (const memo of memos) {
      const { counts } = memo;
      let index = 1;
      while (index < 10 && counts[index] === COUNTS[index]) index++;
      if (index === 10) return memo.cost;
    }
  }
  const cost = parseDecimal(exactCost(usage, priced.prices));
  if (priced.memos >= MEMO) {
    priced.costs.clear();
    priced.memos = 0;
  }
  const memo = { counts: [...COUNTS], cost };
  if (memos === undefined || priced.memos === 0) priced.costs.set(usage.totalTokens, [memo]);
  else memos.push(memo);
  priced.memos++;
  return cost;
}
