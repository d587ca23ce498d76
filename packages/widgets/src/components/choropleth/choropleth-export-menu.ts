// The download menu's template of <chronos-choropleth> (with `download`): its button and the PNG and CSV
// buttons it opens; Escape or the focus leaving it closes it. The state and the downloads are the element's
// ChoroplethExport (choropleth-export.ts); this travels with the colouring chunk (choropleth-paint.ts), as
// the menu shows only with values.
import type { Messages } from '@chronos/core';
import { html, type TemplateResult } from 'lit';
import { type Ref, ref } from 'lit/directives/ref.js';

export interface DownloadMenuView {
  messages: Messages['export'];
  /** The metric's title (the menu's accessible name). */
  title: string;
  open: boolean;
  button: Ref<HTMLButtonElement>;
  toggle(): void;
  /** Closes the menu; with `focusButton`, the focus goes back to its button. */
  close(focusButton: boolean): void;
  save(kind: 'png' | 'csv'): void;
}

export function renderDownloadMenu(view: DownloadMenuView): TemplateResult {
  const { messages, open } = view;
  return html`<div
    part="download"
    class="download"
    @keydown=${(event: KeyboardEvent) => {
      if (event.key === 'Escape' && open) {
        event.stopPropagation();
        view.close(true);
      }
    }}
    @focusout=${(event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (open && !(next && (event.currentTarget as HTMLElement).contains(next))) view.close(false);
    }}
  >
    <button
      part="download-button"
      class="download-button"
      type="button"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="download-menu"
      ${ref(view.button)}
      @click=${() => view.toggle()}
    >
      ${messages.download}
    </button>
    <div
      id="download-menu"
      part="download-menu"
      class="download-menu"
      role="group"
      aria-label=${messages.menuLabel(view.title)}
      ?hidden=${!open}
    >
      <button part="download-png" type="button" @click=${() => view.save('png')}>${messages.png}</button>
      <button part="download-csv" type="button" @click=${() => view.save('csv')}>${messages.csv}</button>
    </div>
  </div>`;
}
