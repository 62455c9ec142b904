// Preloaded (`node --import`) into a docs snippet compiled by docs.test.ts:
// defines the `__expect` its `// →` lines call, and prints, when the program
// ends, one entry per assertion: `null` where the values are deeply equal,
// and what differed where they are not.
import { inspect, isDeepStrictEqual } from 'node:util';

const results = [];
globalThis.__expect = (actual, expected) => {
  results.push(isDeepStrictEqual(actual, expected) ? null : `${inspect(actual)} is not ${inspect(expected)}`);
};
process.on('exit', () => console.log(JSON.stringify(results)));
