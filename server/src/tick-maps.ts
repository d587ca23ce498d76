// Keeps Node's process.nextTick fast for the life of the server process: imported first by cli.ts,
// before the app's modules load. Each nextTick builds a tick object from a literal whose symbol-keyed
// properties are defined through inline caches (lib/internal/process/task_queues.js). V8 holds the
// maps those caches saw weakly: a full garbage collection while no tick object is alive frees them,
// the next tick builds new ones, and after a few such collections the caches are megamorphic for good,
// making every tick (Node's http and stream code makes ~7 per request) go through V8's runtime. Start-up
// of the app (hundreds of modules, several full collections) did that in most server processes, and
// the bare Fastify route of bench:api (a few modules) in none: 300k ticks took 130–520 ms in the app's
// processes against 67–152 ms in the bare route's (bench/README.md). One tick object kept alive keeps
// its map and the chain of maps before it, so the caches stay monomorphic: with 8 forced full
// collections between batches of ticks, megamorphic without it, monomorphic with it.
import { createHook } from 'node:async_hooks';

let kept: object | undefined;
// The tick object is only handed out to async hooks' init: one is enabled for a single nextTick.
const hook = createHook({
  init(_asyncId, type, _triggerAsyncId, resource) {
    if (type === 'TickObject') kept ??= resource;
  },
}).enable();
process.nextTick(() => {});
hook.disable();

/** The tick object held for the life of the process (exported so that it is plainly reachable). */
export const keptTickObject: object | undefined = kept;
