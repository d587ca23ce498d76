// The one Chromium every browser suite and bench uses: the machine's own (no test tool downloads a
// browser), with the flags that give headless WebGL2 through SwiftShader on a machine without a GPU.
export const CHROMIUM_ARGS: string[] = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** CHROME_PATH (set by `npm test` after provisioning) or Debian's Chromium. */
export function chromiumPath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}
