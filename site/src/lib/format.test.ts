import { describe, expect, it } from 'vitest'

import {
  eventTiming,
  formatDuration,
  formatInZone,
  formatPrice,
  formatShort,
  formatTime,
  priceAsDecimal,
  zoneLabel,
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
      'Mon 30 Nov, 18:30 Pacific Standard Time',
    )
    expect(formatShort('2026-12-01T20:00:00Z', 'Australia/Sydney')).toBe(
      'Wed 2 Dec, 07:00 Australian Eastern Daylight Time',
    )
    expect(formatInZone('2026-12-01T02:30:00Z', 'America/Los_Angeles')).toBe(
      'Monday, 30 November 2026 at 18:30 GMT-8 (Pacific Standard Time)',
    )
  })
})

describe('times on cards and receipts', () => {
  it('names the zone by name, never by a bare offset', () => {
    const winter = new Date('2026-12-05T17:00:00Z')
    expect(zoneLabel(winter, 'Europe/Berlin')).toBe('CET')
    expect(zoneLabel(winter, 'Europe/London')).toBe('GMT')
    expect(zoneLabel(winter, 'UTC')).toBe('UTC')
    expect(zoneLabel(winter, 'America/New_York')).toBe('Eastern Standard Time')
    expect(zoneLabel(winter, 'Asia/Kolkata')).toBe('India Standard Time')
    expect(zoneLabel(new Date('2026-07-05T17:00:00Z'), 'America/New_York')).toBe(
      'Eastern Daylight Time',
    )
  })

  it('writes one instant for the event’s zone and for a visitor’s', () => {
    const iso = '2026-12-05T17:00:00Z'
    expect(formatTime('short', iso, 'Europe/Berlin')).toBe('Sat 5 Dec, 18:00 CET')
    expect(formatTime('short', iso, 'America/New_York')).toBe(
      'Sat 5 Dec, 12:00 Eastern Standard Time',
    )
    expect(formatTime('long', iso, 'Asia/Tokyo')).toBe(
      'Sunday 6 December at 02:00 Japan Standard Time (Asia/Tokyo)',
    )
  })

  it('writes receipt dates as people do, on the day it was in that zone', () => {
    expect(formatTime('date', '2026-12-02T23:30:00Z', 'Europe/Berlin')).toBe('3 December 2026')
    expect(formatTime('date', '2026-12-02T23:30:00Z', 'America/New_York')).toBe('2 December 2026')
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
