import { _addDecimals, type _Decimal, _formatDecimal, _parseDecimal } from '../_internal/_decimal.ts';
import { _describeValue } from '../_internal/_describeValue.ts';

/**
 * Adds costs written as decimals (`exactCost`'s strings) exactly, so that a
 * bill over many usages, prices and models is the exact sum of its lines:
 * no `0.1 + 0.2`. Take `Number(total)` or round it only when printing.
 *
 * @param costs The costs, as decimal strings (`'0.004625'`, `'-1.5'`, `'12'`).
 *
 * @returns Their exact sum, as a decimal string; `'0'` for none.
 *
 * @throws {TypeError} When a cost is not a decimal string, naming its index
 * (a `number` has been rounded already, so it is refused rather than added),
 * or when `costs` is itself a string.
 *
 * @example
 * ```ts
 * import { addCosts } from 'image-usage';
 *
 * addCosts(['0.1', '0.2']); // '0.3'
 * addCosts(lines.map((line) => exactCost(line.usage, pricesOf(line.model))));
 * ```
 */
export function addCosts(costs: Iterable<string>): string {
  // A string is an iterable of strings too, of its characters: add them up and a bill of '12' is 3.
  if (typeof costs === 'string') {
    throw new TypeError(`addCosts: costs: expected an iterable of decimal strings, received the string ${_describeValue(costs)}: pass [cost]`);
  }
  return _formatDecimal(_addDecimals(read(costs)));
}

/** The costs as decimals, one at a time (a stream of costs is never held whole). */
function* read(costs: Iterable<string>): Generator<_Decimal> {
  let index = 0;
  for (const cost of costs) {
    const decimal = typeof cost === 'string' ? _parseDecimal(cost) : undefined;
    if (decimal === undefined) {
      const hint = typeof cost === 'number' ? ' (a number is rounded already: add the strings of exactCost)' : '';
      throw new TypeError(`addCosts: cost ${index}: expected a decimal string such as "0.004625", received ${_describeValue(cost)}${hint}`);
    }
    yield decimal;
    index++;
  }
}
