// `node --import ./tests/support/registerTs.js file.ts` runs a TypeScript file with the hooks in tsHooks.js.
import { register } from 'node:module';

register('./tsHooks.js', import.meta.url);
