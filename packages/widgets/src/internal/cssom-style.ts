// Inline styles set through the CSSOM (`element.style.setProperty`) on every render, the first included.
// Lit's styleMap writes a `style` attribute on its first render, which a Content-Security-Policy without
// style-src 'unsafe-inline' refuses (style-src-attr); changes made through the CSSOM are not subject to it.
import { noChange } from 'lit';
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';

/** Property (kebab-case, e.g. `background-color`) → value; undefined removes it. */
export type StyleProperties = Record<string, string | undefined>;

class CssomStyle extends Directive {
  #previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT)
      throw new Error('cssomStyle() binds to an element, not to an attribute or a child.');
  }

  render(_properties: StyleProperties): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [StyleProperties]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) {
      if (value === undefined) style.removeProperty(name);
      else style.setProperty(name, value);
    }
    this.#previous = new Set(Object.keys(properties));
    return noChange;
  }
}

export const cssomStyle = directive(CssomStyle);
