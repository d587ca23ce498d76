// Base class of every Chronos element: a registration that never throws when a second copy of the
// library (npm + CDN on one page, or two CDN versions) defines the same tag, the library version, and
// the host styles every element shares.
import { css, LitElement, type CSSResultGroup } from 'lit';

/** The version of @chronos/widgets, replaced at build time; `dev` when running from source. */
export const VERSION: string = typeof __CHRONOS_VERSION__ === 'string' ? __CHRONOS_VERSION__ : 'dev';

declare const __CHRONOS_VERSION__: string | undefined;

/** Styles every element starts from: box model, the hidden attribute and the visually-hidden helper. */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

export class ChronosElement extends LitElement {
  static readonly version: string = VERSION;
  static override styles: CSSResultGroup = baseStyles;

  /**
   * Registers the element under `tagName` unless that name is taken. A second registration of the same
   * class is silent; another class under the same name is reported once on the console, never thrown,
   * so a page that loads the library twice keeps working with whichever copy came first.
   */
  static define(tagName: string, registry: CustomElementRegistry = customElements): void {
    const existing = registry.get(tagName);
    if (existing === undefined) {
      // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass calling define()
      registry.define(tagName, this);
      return;
    }
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass calling define()
    if (existing !== this) {
      const theirs = (existing as unknown as { version?: string }).version ?? 'unknown';
      console.warn(
        `<${tagName}> is already defined (Chronos ${theirs}); this copy (Chronos ${VERSION}) was not registered.`,
      );
    }
  }
}
