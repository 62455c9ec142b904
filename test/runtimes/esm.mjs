// Runs the smoke test on the package loaded with `import`: Node ESM, Deno
// (npm package and JSR source) and Bun. Prints what it loaded, the names it
// exports and which checks passed.
import * as api from 'image-usage';
import { smoke } from './smoke.mjs';

const passed = await smoke(api);
console.log(JSON.stringify({ entry: import.meta.resolve('image-usage'), exports: Object.keys(api).sort(), passed }));
