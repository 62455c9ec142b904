// POST /usage with Deno.serve, on 127.0.0.1. Run: `deno run --allow-net --allow-env=PORT main.ts`
// (PORT picks the port, 0 for any free one).
import { handleUsage } from '../edge/handleUsage.ts';

Deno.serve(
  {
    hostname: '127.0.0.1',
    port: Number(Deno.env.get('PORT') ?? 8000),
    onListen: ({ hostname, port }) => console.log(`Listening on http://${hostname}:${port}/`),
  },
  handleUsage,
);
