/**
 * The id a request body names for a relationship, as Payload will store it: a whole number, a
 * string of digits, or `{ id }` of either; undefined for anything else. Access predicates decide
 * on this id, so it must be the one Payload stores: `Number("0x2")` is 2 while Payload reads the
 * same string as 0, and a check on event 2 would then let a write into event 0 through.
 */
export function relationId(value: unknown): number | undefined {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
  if (typeof id === 'number') return Number.isInteger(id) ? id : undefined
  return typeof id === 'string' && /^\d{1,10}$/.test(id) ? Number(id) : undefined
}
