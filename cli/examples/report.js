// `npm run example`: the bill of cli/examples/sample.jsonl, a log of real
// responses (OpenAI Images and Responses API, image events, Gemini, OpenRouter)
// and a few broken lines, as `npx image-usage report` prints it to a user:
//
//   image-usage report --openrouter-prompt-tokens text cli/examples/sample.jsonl
//
// Arguments after `npm run example --` go to the command (`-- --by day`). The
// sample is broken on purpose: the command's exit status says so (3: broken
// lines, and requests it could not price), and this script, having shown it,
// exits 0.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const sample = fileURLToPath(new URL('sample.jsonl', import.meta.url));
const args = ['report', '--openrouter-prompt-tokens', 'text', ...process.argv.slice(2), sample];
console.log(`$ image-usage ${args.slice(0, -1).join(' ')} cli/examples/sample.jsonl\n`);
const { status, error } = spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit' });
if (error) throw error;
const meaning = { 0: 'every line billed', 1: 'broken lines', 2: 'requests not priced', 3: 'broken lines, and requests not priced' };
console.log(`\n(exit status ${status}: ${meaning[status] ?? 'the command could not run'})`);
process.exitCode = status !== null && status <= 3 ? 0 : 1;
