// The data table of <chronos-choropleth>: one row per region, always in the accessibility tree (visually
// hidden until shown), sortable by name or value, and while shown its region buttons outline (focus,
// pointer) and select (click) regions from the keyboard. The footer's toggle shows and hides it; Escape
// inside it closes it and gives the focus back to the toggle.
// The table's template and sorting are choropleth-table-view.ts, which travels with the colouring
// (choropleth-paint.ts): a table has rows only once values are shown, and values are shown once coloured.
import type { Messages } from '@chronos/core';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type { RegionEventDetail } from '../../events/region-detail.ts';
import type { TableSort } from './choropleth-table-view.ts';
import { loadedPaint } from './paint-loader.ts';

/** What the table reads from the element. */
export interface TableHost extends ReactiveControllerHost {
  showTable: boolean;
  interactive: boolean;
  selected?: string | undefined;
}

export interface TableSource {
  /** Every known region (unsorted). */
  rows(): RegionEventDetail[];
  caption(): string;
  locale(): string;
  /** A row was clicked: select its region as a map click would. */
  select(code: string): void;
  /** Outline a region as hovering it would (null clears). */
  outline(code: string | null): void;
  /** A region's class ("3 of 5"; '' without a value). */
  classOf(code: string): string;
  /** A status value in words. */
  status(status: RegionEventDetail['status']): string;
  /** True while the table must be shown whatever `showTable` says (the map cannot be drawn). */
  forceOpen?(): boolean;
}

/** The table's own state (sort, outlined row) and its templates; the element owns `showTable`. */
export class DataTable {
  #host: TableHost;
  #source: TableSource;
  #sort: TableSort = { by: 'name', direction: 'ascending' };
  /** The region whose row has the pointer or the keyboard focus (outlined on the map). */
  #hovered: string | null = null;
  #toggle = createRef<HTMLButtonElement>();

  constructor(host: TableHost, source: TableSource) {
    this.#host = host;
    this.#source = source;
  }

  /** The footer button that shows and hides the table. */
  renderToggle(messages: Messages): TemplateResult {
    const open = this.#host.showTable;
    return html`<button
      part="table-toggle"
      class="table-toggle"
      type="button"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="table"
      ${ref(this.#toggle)}
      @click=${() => this.#setOpen(!open)}
    >
      ${open ? messages.table.hide : messages.table.show}
    </button>`;
  }

  /** The table (nothing before the colouring chunk has arrived: there are no values to list until then). */
  render(messages: Messages): TemplateResult | typeof nothing {
    const view = loadedPaint();
    if (!view) return nothing;
    return view.renderTable({
      messages,
      classOf: (code) => this.#source.classOf(code),
      status: (status) => this.#source.status(status),
      rows: this.#source.rows(),
      caption: this.#source.caption(),
      locale: this.#source.locale(),
      sort: this.#sort,
      open: this.#host.showTable || (this.#source.forceOpen?.() ?? false),
      interactive: this.#host.interactive,
      selected: this.#host.selected,
      onSort: (by) => {
        this.#sort = view.nextSort(this.#sort, by);
        this.#host.requestUpdate();
      },
      onRowHover: (code) => this.#rowHover(code),
      onSelect: (code) => this.#source.select(code),
      onKeydown: (event) => this.#keydown(event),
    });
  }

  #setOpen(open: boolean): void {
    this.#host.showTable = open;
    if (!open) this.#rowHover(null);
  }

  /** A row got or lost the pointer or the keyboard focus: outline its region, as hovering it would. */
  #rowHover(code: string | null): void {
    if (code === this.#hovered) return;
    this.#hovered = code;
    this.#source.outline(code);
  }

  /** Escape inside the open table closes it and returns the focus to its button. */
  #keydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.#host.showTable) return;
    event.stopPropagation();
    this.#setOpen(false);
    this.#toggle.value?.focus();
  }
}
