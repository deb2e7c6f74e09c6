/**
 * Stands in for the `yoga-layout` entry inside Ink (scripts/build.mjs): the same Yoga,
 * loaded without `fetch`. Yoga's WebAssembly is inlined as a data: URL, and its Emscripten
 * loader fetches that URL whenever a global fetch exists; on Node the first fetch loads
 * undici, tens of milliseconds of start-up only to decode base64 that the loader decodes
 * itself when there is no fetch. The loader reads `fetch` synchronously when called, so
 * hiding it for that call is enough.
 */
import { loadYoga } from 'yoga-layout/load';

const globals = globalThis as { fetch?: typeof fetch | undefined };
const realFetch = globals.fetch;
let loading: ReturnType<typeof loadYoga>;
globals.fetch = undefined;
try {
  loading = loadYoga();
} finally {
  globals.fetch = realFetch;
}
const Yoga = await loading;

export default Yoga;
export * from 'yoga-layout/load';
