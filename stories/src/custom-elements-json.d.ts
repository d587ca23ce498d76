// The widgets' custom-elements.json is built (by their `build`), not committed: typed here so the type
// check does not depend on a build having run.
declare module '@chronos/widgets/custom-elements.json' {
  const manifest: object;
  export default manifest;
}
