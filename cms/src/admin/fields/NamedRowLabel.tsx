'use client'

import { useRowLabel } from '@payloadcms/ui'

/** A list row titled by what it names (a ticket type's name, a code, a question) instead of "Row 01". */
export function NamedRowLabel() {
  const { data, rowNumber } = useRowLabel<{ name?: string; code?: string; label?: string }>()
  const title = data?.name || data?.code || data?.label
  return <span>{title || `Row ${String((rowNumber ?? 0) + 1).padStart(2, '0')}`}</span>
}
