// Each request's logger (`request.log`), made lazily. Fastify gives every request a pino child bound to
// its request id; making one serializes the bindings, about 1.5 µs — a few percent of a cached API hit
// (bench:api). This logger creates that child only when something is logged at an enabled level, so
// requests that log nothing (every one at LOG_LEVEL=warn unless it fails) never pay for it, and lines
// that are logged look exactly as before (same child, same bindings).
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';

type Bindings = Parameters<FastifyBaseLogger['child']>[0];
type ChildLoggerOptions = NonNullable<Parameters<FastifyBaseLogger['child']>[1]>;
/** pino's logger, as Fastify's types leave out isLevelEnabled. */
type PinoLogger = FastifyBaseLogger & { isLevelEnabled(level: string): boolean };

class RequestLogger {
  readonly #parent: PinoLogger;
  readonly #bindings: Bindings;
  readonly #options: ChildLoggerOptions;
  #child: PinoLogger | undefined;

  constructor(parent: PinoLogger, bindings: Bindings, options: ChildLoggerOptions) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
  }

  #made(): PinoLogger {
    this.#child ??= this.#parent.child(this.#bindings, this.#options) as PinoLogger;
    return this.#child;
  }

  #log(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', args: unknown[]): void {
    if (this.#parent.isLevelEnabled(level)) (this.#made()[level] as (...a: unknown[]) => void)(...args);
  }

  get level(): string {
    return this.#parent.level;
  }

  set level(level: string) {
    this.#made().level = level;
  }

  isLevelEnabled(level: string): boolean {
    return (this.#child ?? this.#parent).isLevelEnabled(level);
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#made().child(bindings, options);
  }

  fatal(...args: unknown[]): void {
    this.#log('fatal', args);
  }

  error(...args: unknown[]): void {
    this.#log('error', args);
  }

  warn(...args: unknown[]): void {
    this.#log('warn', args);
  }

  info(...args: unknown[]): void {
    this.#log('info', args);
  }

  debug(...args: unknown[]): void {
    this.#log('debug', args);
  }

  trace(...args: unknown[]): void {
    this.#log('trace', args);
  }

  silent(): void {}
}

/** Fastify's `childLoggerFactory`: lazy for pino loggers, unless the route sets its own level (then the
 * child is made at once, as it changes what is enabled). */
export const lazyRequestLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = (
  logger,
  bindings,
  options,
) =>
  options.level === undefined && typeof (logger as Partial<PinoLogger>).isLevelEnabled === 'function'
    ? (new RequestLogger(logger as PinoLogger, bindings, options) as unknown as FastifyBaseLogger)
    : logger.child(bindings, options);
