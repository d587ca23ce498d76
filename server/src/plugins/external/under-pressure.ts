// Load shedding: when the event loop lags or memory runs out, answer 503 (with Retry-After) instead of
// queueing work the process cannot do.
import underPressure from '@fastify/under-pressure';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';

export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    await fastify.register(underPressure, {
      maxEventLoopDelay: config.MAX_EVENT_LOOP_DELAY_MS,
      maxRssBytes: config.MAX_RSS_MB * 1024 * 1024,
      retryAfter: 10,
      message: 'The server is under too much load; retry shortly.',
    });
  },
  { name: 'under-pressure' },
);
