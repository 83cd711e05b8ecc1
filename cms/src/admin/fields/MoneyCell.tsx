'use client'

import type { DefaultCellComponentProps } from 'payload'

import { formatMoney } from '../../fields/moneyFormat'

/** A list column showing minor units as the price people read ("€15.00", "Free"). */
export function MoneyCell({ cellData, rowData }: DefaultCellComponentProps) {
  if (typeof cellData !== 'number') return null
  const currency = typeof rowData?.currency === 'string' ? rowData.currency : 'USD'
  return <span>{cellData === 0 ? 'Free' : formatMoney(cellData, currency)}</span>
}
