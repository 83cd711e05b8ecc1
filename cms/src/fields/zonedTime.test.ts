import { describe, expect, it } from 'vitest'

import { fromWallTime, timeZoneNames, toWallTime, zoneAbbreviation } from './zonedTime'

const berlin = 'Europe/Berlin'
const iso = (wall: string, zone = berlin) => fromWallTime(wall, zone)?.toISOString()

describe('wall-clock times in an event’s zone', () => {
  it('reads 18:00 in Berlin as 17:00 UTC in winter and 16:00 UTC in summer', () => {
    expect(iso('2026-12-03T18:00')).toBe('2026-12-03T17:00:00.000Z')
    expect(iso('2026-07-01T18:00')).toBe('2026-07-01T16:00:00.000Z')
    expect(iso('2026-07-01T18:00', 'America/New_York')).toBe('2026-07-01T22:00:00.000Z')
    expect(iso('2026-07-01T18:00', 'Asia/Tokyo')).toBe('2026-07-01T09:00:00.000Z')
    expect(iso('2026-07-01T18:00', 'UTC')).toBe('2026-07-01T18:00:00.000Z')
  })

  it('changes offset on the day Berlin springs forward (2026-03-29)', () => {
    expect(iso('2026-03-29T01:30')).toBe('2026-03-29T00:30:00.000Z') // CET, +01:00
    expect(iso('2026-03-29T18:00')).toBe('2026-03-29T16:00:00.000Z') // CEST, +02:00
    // 02:30 does not exist that night: it moves forward by the hour the clocks skip.
    expect(iso('2026-03-29T02:30')).toBe('2026-03-29T01:30:00.000Z')
    expect(toWallTime('2026-03-29T01:30:00.000Z', berlin)).toBe('2026-03-29T03:30')
  })

  it('changes offset on the day Berlin falls back (2026-10-25)', () => {
    expect(iso('2026-10-24T18:00')).toBe('2026-10-24T16:00:00.000Z') // CEST
    expect(iso('2026-10-25T18:00')).toBe('2026-10-25T17:00:00.000Z') // CET
    // 02:30 happens twice that night: the earlier one (still summer time) is meant.
    expect(iso('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z')
    expect(toWallTime('2026-10-25T01:30:00.000Z', berlin)).toBe('2026-10-25T02:30')
  })

  it('round-trips every hour across both changes', () => {
    for (const day of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25']) {
      for (let hour = 0; hour < 24; hour++) {
        if (day === '2026-03-29' && hour === 2) continue // the skipped hour, checked above
        const wall = `${day}T${String(hour).padStart(2, '0')}:15`
        expect(toWallTime(fromWallTime(wall, berlin)!, berlin)).toBe(wall)
      }
    }
  })

  it('refuses anything that is not a wall-clock time', () => {
    expect(fromWallTime('2026-03-29T18:00:00Z', berlin)).toBeNull()
    expect(fromWallTime('2026-03-29T18:00+02:00', berlin)).toBeNull()
    expect(fromWallTime('2026-13-01T18:00', berlin)).toBeNull()
    expect(fromWallTime('tomorrow', berlin)).toBeNull()
  })

  it('names the zone as it is at that instant', () => {
    expect(zoneAbbreviation('2026-12-03T17:00:00.000Z', berlin)).toBe('CET')
    expect(zoneAbbreviation('2026-07-01T16:00:00.000Z', berlin)).toBe('CEST')
  })

  it('lists IANA zones with UTC first and keeps an alias already chosen', () => {
    const zones = timeZoneNames('Asia/Kolkata')
    expect(zones[0]).toBe('UTC')
    expect(zones).toContain('Europe/Berlin')
    expect(zones).toContain('Asia/Kolkata')
  })
})
