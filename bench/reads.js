// How often one call of safeParseImageUsage touches its input, traced with a
// logging proxy over every object of it: property reads, `in` checks, and the
// reads of `total_tokens` alone. Run with `npm run bench` (first), or
// `node bench/reads.js` after `npm run build`.
import { safeParseImageUsage } from '../dist/index.js';

/** A proxy over `value` and every object under it that counts reads and `in` checks into `log`. */
function traced(value, log) {
  if (typeof value !== 'object' || value === null) return value;
  return new Proxy(value, {
    get(target, key, receiver) {
      log.gets += 1;
      if (key === 'total_tokens') log.totalTokens += 1;
      return traced(Reflect.get(target, key, receiver), log);
    },
    has(target, key) {
      log.has += 1;
      return Reflect.has(target, key);
    },
  });
}

const wire = {
  total_tokens: 4768,
  input_tokens: 169,
  output_tokens: 4599,
  input_tokens_details: { text_tokens: 169, image_tokens: 0 },
  output_tokens_details: { text_tokens: 439, image_tokens: 4160 },
};
const cases = [
  ['valid', wire, false],
  ['valid, cached fields', { ...wire, cached_tokens: 100, cached_tokens_details: { cached_text_tokens: 100, cached_image_tokens: 0 } }, false],
  ['one bad field', { ...wire, total_tokens: '4768' }, false],
  ['three bad fields', { ...wire, total_tokens: '4768', input_tokens: -1, output_tokens_details: { text_tokens: 439, image_tokens: null } }, false],
  ['strict, shape fine, sums off', { ...wire, total_tokens: 4769 }, true],
  ['no usage keys', { id: 'img_1' }, false],
  ['mixed keys', { ...wire, totalTokens: 4768 }, false],
];

console.log('safeParseImageUsage, one call        property reads  `in` checks  reads of total_tokens');
for (const [name, input, strict] of cases) {
  const log = { gets: 0, has: 0, totalTokens: 0 };
  safeParseImageUsage(traced(input, log), { strict });
  console.log(`${name.padEnd(36)} ${String(log.gets).padStart(14)} ${String(log.has).padStart(12)} ${String(log.totalTokens).padStart(22)}`);
}
