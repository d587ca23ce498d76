// Not a route: type-checked by `next build` to prove the JSX types of the raw tags (`@chronos/react`
// declares them for React 19's JSX namespace).
import type {} from '@chronos/react';

export function RawTag() {
  return <chronos-choropleth metric="unemployment" api-key="pk_example" showTable classes={5} />;
}
