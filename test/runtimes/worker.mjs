// Runs the smoke test in workerd (Cloudflare's runtime) through `workerd test`:
// bundled with esbuild from the packed package, as wrangler would.
import * as api from 'image-usage';
import { smoke } from './smoke.mjs';

export default {
  async test() {
    const passed = await smoke(api);
    console.log(JSON.stringify({ exports: Object.keys(api).sort(), passed }));
  },
};
