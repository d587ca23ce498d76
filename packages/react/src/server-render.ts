// Server rendering of a wrapped element. @lit/react sets element properties in the browser only (after
// hydration), so its server HTML is a bare tag; the element then upgrades as soon as the widgets module
// runs — before React hydrates — and would start loading with its defaults (the page's origin as API,
// the default metric). On the server this renders every primitive property as the attribute Lit reads
// it from instead, so the element upgrades with the right settings; in the browser the @lit/react
// component takes over (its tag matches, and it suppresses the attribute hydration warning).
import { defaultConverter, type ReactiveElement } from 'lit';
import * as React from 'react';

/** The props as HTML attributes: element properties by their attribute names, the rest as React props. */
export function serverProps(
  elementClass: typeof ReactiveElement,
  props: Record<string, unknown>,
  eventProps: Set<string>,
): Record<string, unknown> {
  const properties = elementClass.elementProperties;
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props)) {
    if (eventProps.has(name) || typeof value === 'function') continue;
    const options = properties.get(name);
    if (!options) {
      result[name] = value;
      continue;
    }
    if (options.attribute === false || value === undefined || value === null || typeof value === 'object') continue;
    const attribute = typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();
    const converter =
      typeof options.converter === 'object' && options.converter.toAttribute ? options.converter : defaultConverter;
    const text = converter.toAttribute?.(value, options.type);
    if (text !== undefined && text !== null) result[attribute] = String(text);
  }
  return result;
}

/**
 * `component` in the browser; on the server, the bare tag with attributes from `serverProps` (same
 * props type, same ref type).
 */
export function withServerAttributes<C extends React.ForwardRefExoticComponent<never>>(
  component: C,
  tagName: string,
  elementClass: typeof ReactiveElement,
  events: Record<string, string>,
): C {
  const eventProps = new Set(Object.keys(events));
  const wrapped = React.forwardRef<HTMLElement, Record<string, unknown>>((props, ref) =>
    typeof window === 'undefined'
      ? React.createElement(tagName, serverProps(elementClass, props, eventProps))
      : React.createElement(component as unknown as React.ComponentType<Record<string, unknown>>, { ...props, ref }),
  );
  wrapped.displayName = (component as { displayName?: string }).displayName;
  return wrapped as unknown as C;
}
