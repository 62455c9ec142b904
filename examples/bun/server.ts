// POST /usage with Bun.serve, on 127.0.0.1. Run: `bun server.ts`
// (PORT picks the port, 0 for any free one). Type-check: `tsc -p tsconfig.json` (with @types/bun).
import { handleUsage } from '../edge/handleUsage.ts';

const server = Bun.serve({
  hostname: '127.0.0.1',
  port: Number(process.env.PORT ?? 3000),
  fetch: handleUsage,
});
console.log(`Listening on http://${server.hostname}:${server.port}/`);
