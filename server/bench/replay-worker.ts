// The replay server on its own thread for bench:ingest: the upstream's work (building 600-month answers) must
// not be counted as ingestion time, as it would be on the bench's own event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { type ReplayOptions, startReplayServer } from '../src/testing/replay-server.ts';

const replay = await startReplayServer(workerData as ReplayOptions);
parentPort!.postMessage(replay.baseUrls);
