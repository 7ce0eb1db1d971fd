import type { ReactNode } from "react";

type Row = { key: string; cells: ReactNode[] };

/** A scrollable, keyboard-reachable table with a label; the first column can head its rows. */
export function DataTable({
  label,
  headers,
  rows,
  rowHeaders = false,
}: {
  label: string;
  headers: string[];
  rows: Row[];
  rowHeaders?: boolean;
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className="grid-table w-full border-collapse text-sm">
        <thead>
          <tr className="bg-sunken text-left">
            {headers.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="align-top">
              {row.cells.map((cell, i) =>
                i === 0 && rowHeaders ? (
                  <th key={i} scope="row" className="text-left font-medium">
                    {cell}
                  </th>
                ) : (
                  <td key={i}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
