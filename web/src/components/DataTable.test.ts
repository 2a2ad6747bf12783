import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type Column } from './DataTable.tsx';

interface Item {
  id: number;
  name: string;
  note: string;
}

const columns: Column<Item>[] = [
  { key: 'name', header: 'Name', rowHeader: true, cell: (item) => item.name },
  { key: 'note', header: 'Note', className: 'wrap', title: (item) => item.note, cell: (item) => item.note.toUpperCase() },
];

const render = (props: Partial<Parameters<typeof DataTable<Item>>[0]>) =>
  renderToStaticMarkup(createElement(DataTable<Item>, { caption: 'Items', columns, rows: [], rowKey: (item) => item.id, ...props }));

describe('DataTable', () => {
  it('renders a caption, the column headers and a row per item, the row header as a th', () => {
    const html = render({ rows: [{ id: 1, name: 'One', note: 'first' }] });
    expect(html).toBe(
      '<div class="table-wrap" role="region" aria-label="Items" tabindex="0"><table><caption>Items</caption>'
        + '<thead><tr><th scope="col">Name</th><th scope="col">Note</th></tr></thead>'
        + '<tbody><tr><th scope="row">One</th><td class="wrap" title="first">FIRST</td></tr></tbody></table></div>',
    );
  });

  it('hides or leaves out the caption; the box keeps the name', () => {
    expect(render({ captionHidden: true })).toContain('<caption class="visually-hidden">Items</caption>');
    const html = render({ noCaption: true });
    expect(html).not.toContain('<caption');
    expect(html).toContain('aria-label="Items"');
  });

  it('shows the empty text instead of a table without rows, and an empty table without it', () => {
    expect(render({ empty: createElement('p', null, 'None') })).toBe('<p>None</p>');
    expect(render({})).toContain('<tbody></tbody>');
  });
});
