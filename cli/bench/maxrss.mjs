// Preloaded (`node --import`) by report.js into each measured process: prints
// the process's peak resident memory (KB) to standard error as it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `maxrss ${process.resourceUsage().maxRSS}\n`));
