// A module fetched on demand, once per page (a lazy chunk of a bundle: the CDN build's colouring, chart and
// keyboard chunks, a message catalogue): `load()` imports it the first time
// and shares that import; `loaded()` is the module once it has arrived, for code that must not wait. A failed
// import (the network) is forgotten, so the next `load()` (a Retry) tries again instead of failing for ever;
// `failed()` says that it failed, for code that must not wait for a retry that may never succeed.
export interface LazyModule<M> {
  loaded(): M | undefined;
  load(): Promise<M>;
  /** Whether the last import that settled failed: true from a failure until an import succeeds. */
  failed(): boolean;
}

/** `importer` is `() => import('./x.ts')`, written at the call site so the bundler sees the chunk. */
export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  let failed = false;
  return {
    loaded: () => module,
    failed: () => failed,
    load() {
      loading ??= importer().then(
        (arrived) => {
          failed = false;
          module = arrived;
          return arrived;
        },
        (error: unknown) => {
          failed = true;
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
}
