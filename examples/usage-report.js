// Reads real usage payloads and shows what image-usage makes of each: whether
// it is valid, what the consistency check finds, and at the end the sum of the
// valid, consistent ones (what a meter would bill). Run it with `npm run example`.
import { readFileSync } from 'node:fs';
import { checkImageUsage, safeParseImageUsage, sumImageUsage, toWire } from 'image-usage';
import * as v from 'valibot';

const files = ['../test/fixtures/usage-payloads.json', '../test/fixtures/own-payloads.json'];
const cases = files.flatMap((file) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')).cases);

const valid = [];
for (const { name, value } of cases) {
  console.log(`\n${name}`);
  const result = safeParseImageUsage(value);
  if (!result.success) {
    console.log('  invalid:');
    for (const issue of result.issues) console.log(`    ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
    continue;
  }
  const inconsistencies = checkImageUsage(result.output);
  if (inconsistencies.length === 0) valid.push(result.output);
  console.log(`  valid: ${result.output.totalTokens} tokens (${result.output.inputTokens} in, ${result.output.outputTokens} out)`);
  if (inconsistencies.length === 0) console.log('  consistent');
  for (const found of inconsistencies) console.log(`  inconsistent (${found.rule}): ${found.message}`);
}

console.log(`\nSum of the ${valid.length} valid, consistent payloads, in the wire form:`);
console.log(JSON.stringify(toWire(sumImageUsage(valid)), null, 2));
