// The data table's template and sorting (see choropleth-table.ts for the controller that owns its state).
// Part of the colouring chunk (choropleth-paint.ts): a table lists values, which exist only once coloured.
import type { Messages } from '@chronos/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { RegionEventDetail } from '../../events/region-detail.ts';

export interface TableSort {
  by: 'name' | 'value';
  direction: 'ascending' | 'descending';
}

export interface TableView {
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
export function nextSort(current: TableSort, by: TableSort['by']): TableSort {
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

export function renderTable(view: TableView): TemplateResult {
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
