import { describe, expect, it } from 'vitest'

import {
  eventTiming,
  formatDuration,
  formatInZone,
  formatPrice,
  formatShort,
  priceAsDecimal,
} from './format'

describe('formatPrice', () => {
  it('formats integer minor units in the event currency', () => {
    expect(formatPrice(2500, 'USD')).toBe('US$25.00')
    expect(formatPrice(1500, 'GBP')).toBe('£15.00')
    expect(formatPrice(0, 'EUR')).toBe('Free')
  })

  it('respects currencies without minor units', () => {
    expect(formatPrice(1500, 'JPY')).toBe('JP¥1,500')
    expect(priceAsDecimal(1500, 'JPY')).toBe('1500')
    expect(priceAsDecimal(2599, 'EUR')).toBe('25.99')
  })
})

describe('times in the event time zone', () => {
  it('shows the local time of the zone with the zone named, across daylight saving time', () => {
    // 18:00 UTC is 19:00 in Berlin in winter (CET) and 20:00 in summer (CEST).
    expect(formatInZone('2026-12-01T18:00:00Z', 'Europe/Berlin')).toBe(
      'Tuesday, 1 December 2026 at 19:00 CET (Central European Standard Time)',
    )
    expect(formatInZone('2026-07-01T18:00:00Z', 'Europe/Berlin')).toBe(
      'Wednesday, 1 July 2026 at 20:00 CEST (Central European Summer Time)',
    )
  })

  it('moves the date when the zone is on the other side of midnight', () => {
    expect(formatShort('2026-12-01T02:30:00Z', 'America/Los_Angeles')).toBe(
      'Mon 30 Nov, 18:30 GMT-8',
    )
    expect(formatShort('2026-12-01T20:00:00Z', 'Australia/Sydney')).toBe('Wed 2 Dec, 07:00 GMT+11')
    expect(formatInZone('2026-12-01T02:30:00Z', 'America/Los_Angeles')).toBe(
      'Monday, 30 November 2026 at 18:30 GMT-8 (Pacific Standard Time)',
    )
  })
})

describe('formatDuration and eventTiming', () => {
  it('reads durations as people say them', () => {
    expect(formatDuration(45)).toBe('45 min')
    expect(formatDuration(60)).toBe('1 hour')
    expect(formatDuration(150)).toBe('2 hours 30 min')
  })

  it('tells upcoming, live and ended apart', () => {
    const start = '2026-12-01T10:00:00Z'
    expect(eventTiming(start, 60, new Date('2026-12-01T09:59:00Z'))).toBe('upcoming')
    expect(eventTiming(start, 60, new Date('2026-12-01T10:30:00Z'))).toBe('live')
    expect(eventTiming(start, 60, new Date('2026-12-01T11:00:00Z'))).toBe('ended')
  })
})
