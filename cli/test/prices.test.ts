// The price cache against genai-prices itself: for every model of the catalog
// whose price changes with time (from a start date, or within hours of the
// day), the prices the command finds at a time are those of calcPrice at that
// time, through the cache of one lookup per price period. (The one test here
// that imports the command's source rather than running it: it takes the
// whole catalog, a million lookups, which no log of a test holds.)
import { calcPrice, findProvider } from '@pydantic/genai-prices';
import { imagePricesFromGenaiPrices } from 'image-usage';
import { describe, expect, test } from 'vitest';
import { PriceBook } from '../src/prices.ts';

// OpenRouter's own entries are left out: the command looks `google/…` up at Google first (docs/report.md).
const PROVIDERS = ['openai', 'google', 'anthropic', 'deepseek', 'mistral', 'x-ai', 'groq'];

/** Every catalog model with dated prices, as `provider/model` (looked up at that provider, as the command does). */
const dated = PROVIDERS.flatMap((providerId) =>
  (findProvider({ providerId })?.models ?? []).filter((model) => Array.isArray(model.prices)).map((model) => ({ providerId, id: model.id })),
);

/** calcPrice's prices at a time, or what is wrong with them. */
function reference(providerId: string, id: string, ms: number): unknown {
  const result = calcPrice({}, id, { providerId, timestamp: new Date(ms) });
  if (result === null) return 'none';
  try {
    return imagePricesFromGenaiPrices(result.model_price);
  } catch {
    return 'unusable';
  }
}

describe('the prices at a time', () => {
  test('the catalog has models whose prices change by date and by hour', () => {
    expect(dated.length).toBeGreaterThanOrEqual(5);
    expect(dated.map(({ id }) => id)).toEqual(expect.arrayContaining(['o3', 'deepseek-v4-flash']));
  });

  test("are calcPrice's at that time, for every dated model, at times from 2024 to 2028 and at every hour", () => {
    const book = new PriceBook(new Map());
    const from = Date.parse('2024-01-01T00:00:00Z');
    const to = Date.parse('2028-01-01T00:00:00Z');
    let checked = 0;
    for (const { providerId, id } of dated) {
      const model = `${providerId}/${id}`;
      // Every 7 hours and 13 minutes or so: every hour and minute of the day comes round, and every date.
      for (let ms = from; ms < to; ms += 26_003_000) {
        const found = book.lookup(model, ms);
        const expected = reference(providerId, id, ms);
        const got = 'reason' in found ? (found.reason.includes('does not fit') ? 'unusable' : 'none') : found.prices;
        if (JSON.stringify(got) !== JSON.stringify(expected)) expect([model, new Date(ms).toISOString(), got]).toEqual([model, new Date(ms).toISOString(), expected]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20_000);
  });
});
