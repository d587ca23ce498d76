// V8 flags for a server process. They only work on the command line (`node <flags> src/cli.ts serve`):
// by the time any module runs, the start-up they tune has happened, and v8.setFlagsFromString was
// measured to make no difference. Every launcher passes them: the `chronos-server` bin's shebang, the
// package's start script, `npm start` (scripts/start.ts) and bench:api (to both sides of each comparison).
//
// --max-valid-polymorphic-map-count=16: Node 24's process.nextTick builds each tick object with a literal
// whose symbol-keyed properties are defined through their own inline caches. While a process starts, the
// field representations of those properties change a few times (each change deprecates the map), and in
// about half of processes one of those caches sees more maps than V8's default limit of 4, turns
// megamorphic and stays so: every nextTick (Node's http and stream code makes ~7 per request) then runs
// V8's runtime DefineKeyedOwnPropertyInLiteral, ~6× slower, ~3 µs of a ~40 µs cached API hit, for the
// life of the process. With 16 the cache stays polymorphic through start-up and settles back to
// monomorphic. Measured on `chronos-server serve` (1e6 nextTicks, 3 s after start): 4 of 6 and 5 of 6
// processes slow (550–720 ms against 90–150 ms) without it, 8 of 8 fast with it.
export const SERVER_V8_FLAGS: readonly string[] = ['--max-valid-polymorphic-map-count=16'];
