import type { ReactNode } from 'react'

export { formatMoney } from '../fields/moneyFormat'

export function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div
      style={{
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
        padding: '0.75rem 1rem',
      }}
    >
      <div style={{ fontSize: '0.8rem', color: 'var(--theme-elevation-600)' }}>{label}</div>
      <div style={{ fontSize: '1.1rem', fontWeight: 600 }}>{value}</div>
    </div>
  )
}

/** The numbers behind a chart, for screen readers and for anyone who wants them exact. */
export function FigureTable({
  caption,
  labelledBy,
  headers,
  rows,
  empty = 'Nothing in this range.',
}: {
  /** The table's name, shown above it; or `labelledBy`, the id of a heading that names it. */
  caption?: string
  labelledBy?: string
  headers: string[]
  rows: ReactNode[][]
  empty?: string
}) {
  return (
    // Focusable, so keyboard users can scroll a table wider than a phone.
    <div style={{ overflowX: 'auto' }} tabIndex={0}>
      <table
        className="table"
        style={{ width: '100%', borderCollapse: 'collapse' }}
        aria-labelledby={labelledBy}
      >
        {caption && (
          <caption style={{ textAlign: 'left', padding: '0.5rem 0', fontWeight: 600 }}>
            {caption}
          </caption>
        )}
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" style={{ textAlign: 'left', padding: '0.35rem 0.5rem' }}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={headers.length} style={{ padding: '0.35rem 0.5rem' }}>
                {empty}
              </td>
            </tr>
          )}
          {rows.map((row, i) => (
            <tr key={i} style={{ borderTop: '1px solid var(--theme-elevation-100)' }}>
              {row.map((cell, j) => (
                <td key={j} style={{ padding: '0.35rem 0.5rem' }}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export type DateRange = { from: string; to: string }

export const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

/** "From" and "To" day pickers for a range of UTC days. */
export function DateRangeFields<Range extends DateRange>({
  range,
  onChange,
}: {
  range: Range
  onChange: (range: Range) => void
}) {
  return (
    <>
      <label>
        From{' '}
        <input
          type="date"
          value={range.from}
          onChange={(change) => onChange({ ...range, from: change.target.value })}
        />
      </label>
      <label>
        To{' '}
        <input
          type="date"
          value={range.to}
          onChange={(change) => onChange({ ...range, to: change.target.value })}
        />
      </label>
    </>
  )
}
