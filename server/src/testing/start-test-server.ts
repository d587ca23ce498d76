// The name SHARED_CONTRACTS.md gives the test-server helper; the implementation is test-server.ts.
export { startTestServer, type TestServer, type TestServerOptions } from './test-server.ts';
