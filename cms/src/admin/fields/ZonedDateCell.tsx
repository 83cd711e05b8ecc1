'use client'

import type { DefaultCellComponentProps } from 'payload'

import { isTimeZone } from '../../fields/timezone'
import { formatInZone } from '../../fields/zonedTime'

/** A list column showing the time in the row's own zone, named ("14 Mar 2031, 18:30 CET"). */
export function ZonedDateCell({ cellData, rowData }: DefaultCellComponentProps) {
  if (typeof cellData !== 'string') return null
  const zone = isTimeZone(rowData?.timezone) ? rowData.timezone : 'UTC'
  return <span>{formatInZone(cellData, zone)}</span>
}
