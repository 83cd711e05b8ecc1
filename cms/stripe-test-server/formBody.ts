/**
 * Parses Stripe's form encoding (`line_items[0][price_data][currency]=eur`)
 * into nested objects and arrays.
 */
export function parseFormBody(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/[[\]]+/).filter(Boolean)
    let node: Record<string, unknown> | unknown[] = root
    path.forEach((part, index) => {
      const isLast = index === path.length - 1
      const slot = node as Record<string, unknown>
      if (isLast) {
        slot[part] = value
        return
      }
      if (slot[part] === undefined) slot[part] = /^\d+$/.test(path[index + 1]!) ? [] : {}
      node = slot[part] as Record<string, unknown>
    })
  }
  return root
}
