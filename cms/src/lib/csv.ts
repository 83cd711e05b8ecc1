import { stringify } from 'csv-stringify/sync'

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/

/** Text a person chose (a name, say) shown as text, never run as a formula: prefixed with `'`. */
export const neutraliseFormula = (value: unknown): unknown =>
  typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value

/** CSV lines for the rows, every text cell neutralised; the header and BOM only when asked. */
export function csvLines(rows: unknown[][], { header }: { header?: string[] } = {}): string {
  return stringify(
    rows.map((row) => row.map(neutraliseFormula)),
    header ? { header: true, columns: header, bom: true } : {},
  )
}
