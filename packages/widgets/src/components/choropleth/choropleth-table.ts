// The data table of <chronos-choropleth>: one row per region, always in the accessibility tree (visually
// hidden until shown), sortable by name or value, and while shown its region buttons outline (focus,
// pointer) and select (click) regions from the keyboard. The footer's toggle shows and hides it; Escape
// inside it closes it and gives the focus back to the toggle.
import type { Messages } from '@chronos/core';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type { RegionEventDetail } from '../../events/region-detail.ts';

export interface TableSort {
  by: 'name' | 'value';
  direction: 'ascending' | 'descending';
}

interface TableView {
  /** Every known region, as the element describes it to events. */
  rows: RegionEventDetail[];
  /** Caption: the metric's title and the period shown. */
  caption: string;
  locale: string;
  sort: TableSort;
  open: boolean;
  interactive: boolean;
  selected: string | undefined;
  onSort(by: TableSort['by']): void;
  /** A row got (code) or lost (null) the pointer or the keyboard focus. */
  onRowHover(code: string | null): void;
  onSelect(code: string): void;
  onKeydown(event: KeyboardEvent): void;
  messages: Messages;
  /** A region's class ("3 of 5"; '' without a value). */
  classOf(code: string): string;
  /** A status value in words. */
  status(status: RegionEventDetail['status']): string;
}

/** The next sort after a click on a column header: that column, flipping direction on a second click. */
function nextSort(current: TableSort, by: TableSort['by']): TableSort {
  return {
    by,
    direction: by === current.by && current.direction === 'ascending' ? 'descending' : 'ascending',
  };
}

function sortRows(rows: RegionEventDetail[], { by, direction }: TableSort, locale: string): RegionEventDetail[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: RegionEventDetail, b: RegionEventDetail) => a.name.localeCompare(b.name, locale);
  return [...rows].sort((a, b) => {
    if (by === 'name') return sign * byName(a, b);
    // Regions without a value come last either way.
    if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0);
    return sign * (a.value - b.value) || byName(a, b);
  });
}

function renderTable(view: TableView): TemplateResult {
  const { by, direction } = view.sort;
  const rows = sortRows(view.rows, view.sort, view.locale);
  const open = view.open;
  // Buttons only while the table is shown: a hidden table must not take keyboard focus.
  const selectable = open && view.interactive;
  const header = (column: TableSort['by'], label: string) => {
    const sorted = by === column ? direction : 'none';
    return html`<th scope="col" aria-sort=${sorted}>
      ${
        open
          ? html`<button type="button" class="sort" data-sort=${column} @click=${() => view.onSort(column)}>
              ${label}<span class="sort-mark" aria-hidden="true"
                >${sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}</span
              >
            </button>`
          : label
      }
    </th>`;
  };
  return html`<div
    id="table"
    part=${open ? 'table-panel' : nothing}
    class=${open ? 'table-panel' : 'visually-hidden'}
    @keydown=${view.onKeydown}
  >
    <table part="table">
      <caption>
        ${view.caption}
      </caption>
      <thead>
        <tr>
          ${header('name', view.messages.table.region)} ${header('value', view.messages.table.value)}
          <th scope="col">${view.messages.table.class}</th>
          <th scope="col">${view.messages.table.status}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr
            data-region=${row.code}
            aria-current=${view.selected === row.code ? 'true' : nothing}
            @pointerenter=${selectable ? () => view.onRowHover(row.code) : nothing}
            @pointerleave=${selectable ? () => view.onRowHover(null) : nothing}
          >
            <th scope="row">${
              selectable
                ? html`<button
                    type="button"
                    class="region"
                    @click=${() => view.onSelect(row.code)}
                    @focus=${() => view.onRowHover(row.code)}
                    @blur=${() => view.onRowHover(null)}
                  >${row.name}</button>`
                : row.name
            }</th>
            <td>${row.formattedValue}</td>
            <td>${view.classOf(row.code)}</td>
            <td>${view.status(row.status)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

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

  render(messages: Messages): TemplateResult {
    return renderTable({
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
        this.#sort = nextSort(this.#sort, by);
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
