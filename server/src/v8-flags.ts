// V8 flags for a server process. They only work on the command line (`node <flags> src/cli.ts serve`):
// the start-up they tune has happened by the time any module runs, and v8.setFlagsFromString from a
// module or a `--require` preload was measured to change nothing. Every launcher passes them: the
// `chronos-server` bin's shebang (`env -S`; pnpm's bin shim passes the flags on too, checked), the
// package's start script, `npm start` (scripts/start.ts) and bench:api (both sides of each comparison).
// Where `env` has no -S (older BusyBox), run `node --no-concurrent-recompilation src/cli.ts serve`.
//
// --no-concurrent-recompilation: in a third to a half of processes, Node 24's process.nextTick runs ~6×
// slower for the life of the process. The inline caches that define the tick object's symbol-keyed
// properties (lib/internal/process/task_queues.js) end up megamorphic, so every tick (Node's http and
// stream code makes ~7 per request) goes through V8's runtime DefineKeyedOwnPropertyInLiteral: ~3 µs of
// a ~40 µs cached API hit. Which processes are hit is decided during start-up, by a race with optimizing
// compilation on background threads: with TurboFan compiling on the main thread instead, 20 of 20
// `chronos-server serve` processes were fast (1e6 nextTicks 3 s after start: 113–141 ms), against 23 of
// 43 slow (400–760 ms) without the flag. Other flags tried and rejected: --max-valid-polymorphic-map-count
// (=16: 8 of 42 slow; =64: 7 of 12), --no-maglev (8 of 12), --no-track-field-types (4 of 10),
// --no-lazy-feedback-allocation (6 of 10). The cost: optimizing compiles run on the main thread, which
// only matters while code warms up.
// The cause, found since: V8 holds the maps those caches saw weakly, and full collections during start-up
// freed them (tick-maps.ts, which keeps them alive; with it, 4 of 4 app processes stayed monomorphic where
// 4 of 4 had gone megamorphic with this flag alone). The flag stays until measured without it.
export const SERVER_V8_FLAGS: readonly string[] = ['--no-concurrent-recompilation'];
