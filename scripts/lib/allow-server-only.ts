// Scripts run outside React Server Components, where importing "server-only" throws by design (Jest
// maps it to an empty module the same way). Import this first.
import Module from "node:module";

const require = Module.createRequire(__filename);
const resolved = require.resolve("server-only");
require.cache[resolved] = { id: resolved, filename: resolved, loaded: true, exports: {} } as NodeJS.Module;
