// Runs the smoke test in Vercel's edge runtime (@edge-runtime/vm): bundled as
// a script with esbuild from the packed package, evaluated in an EdgeVM,
// which leaves the result on `globalThis.smokeResult`.
import * as api from 'image-usage';
import { smoke } from './smoke.mjs';

globalThis.smokeResult = smoke(api).then((passed) => JSON.stringify({ runtime: EdgeRuntime, exports: Object.keys(api).sort(), passed }));
