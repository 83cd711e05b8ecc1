import { describe, expect, it } from 'vitest'

import { formatTime } from './format'
import {
  agendaGrid,
  dayInZone,
  formatSessionSpan,
  msUntilNextBoundary,
  nowAndNext,
  sortSessions,
  trackFilter,
  withSessionMarkers,
  type ScheduledSession,
} from './schedule'

let nextId = 1
function session(
  startTime: string,
  endTime: string,
  track: string | null,
  title = `S${nextId}`,
): ScheduledSession {
  return { id: nextId++, title, startTime, endTime, track, kind: track ? 'talk' : 'break' }
}

describe('agendaGrid: days × tracks', () => {
  const zone = 'Europe/Berlin'
  const keynote = session('2026-06-10T07:00:00Z', '2026-06-10T08:00:00Z', 'Main stage', 'Keynote')
  const roomB = session('2026-06-10T07:30:00Z', '2026-06-10T08:30:00Z', 'Room B', 'Workshop')
  const lunch = session('2026-06-10T10:00:00Z', '2026-06-10T11:00:00Z', null, 'Lunch')
  // 23:30 in Berlin on the 10th is 21:30 UTC: still the first day in the event's zone.
  const late = session('2026-06-10T21:30:00Z', '2026-06-10T22:00:00Z', 'Room B', 'Late')
  const dayTwo = session('2026-06-11T07:00:00Z', '2026-06-11T08:00:00Z', 'Main stage', 'Day 2')

  const days = agendaGrid([dayTwo, late, lunch, roomB, keynote], zone, ['Main stage', 'Room B'])

  it('groups sessions by the calendar day of the event zone, in order', () => {
    expect(days.map((day) => day.key)).toEqual(['2026-06-10', '2026-06-11'])
    expect(days[0]!.cells.map((cell) => cell.session.title)).toEqual([
      'Keynote',
      'Workshop',
      'Lunch',
      'Late',
    ])
  })

  it('gives each track a column in the organizer order, and a shared session all of them', () => {
    const [first, second] = days
    expect(first!.tracks).toEqual(['Main stage', 'Room B'])
    const column = (title: string) => first!.cells.find((c) => c.session.title === title)!.column
    expect(column('Keynote')).toEqual([1, 2])
    expect(column('Workshop')).toEqual([2, 3])
    expect(column('Lunch')).toEqual([1, 3])
    // Day two has only the main stage.
    expect(second!.tracks).toEqual(['Main stage'])
    expect(second!.cells[0]!.column).toEqual([1, 2])
  })

  it('spans the rows between its own boundaries, so overlapping sessions line up', () => {
    const [first] = days
    const row = (title: string) => first!.cells.find((c) => c.session.title === title)!.row
    // Boundaries: 07:00, 07:30, 08:00, 08:30, 10:00, 11:00, 21:30, 22:00 (UTC).
    expect(first!.slots).toHaveLength(8)
    expect(row('Keynote')).toEqual([1, 3])
    expect(row('Workshop')).toEqual([2, 4])
    expect(row('Lunch')).toEqual([5, 6])
    expect(row('Late')).toEqual([7, 8])
  })

  it('puts a session into the day of the event zone, not of UTC', () => {
    // 00:30 in Tokyo on 11 June is 15:30 UTC on 10 June.
    expect(dayInZone('2026-06-10T15:30:00Z', 'Asia/Tokyo')).toBe('2026-06-11')
    expect(dayInZone('2026-06-10T15:30:00Z', 'UTC')).toBe('2026-06-10')
  })
})

describe('nowAndNext: what plays on a track', () => {
  const a = session('2026-06-10T09:00:00Z', '2026-06-10T09:30:00Z', 'Main stage', 'A')
  const b = session('2026-06-10T09:30:00Z', '2026-06-10T10:00:00Z', 'Main stage', 'B')
  const other = session('2026-06-10T09:10:00Z', '2026-06-10T09:50:00Z', 'Room B', 'Other')
  const pause = session('2026-06-10T10:15:00Z', '2026-06-10T10:30:00Z', null, 'Pause')
  const sessions = [pause, other, b, a]
  const at = (iso: string) => nowAndNext(sessions, 'Main stage', new Date(iso))
  const titles = ({ current, next }: ReturnType<typeof at>) => [current?.title, next?.title]

  it('before the first session: nothing now, the first one next', () => {
    expect(titles(at('2026-06-10T08:59:59Z'))).toEqual([undefined, 'A'])
  })

  it('switches exactly at the boundary: the ending session is no longer current', () => {
    expect(titles(at('2026-06-10T09:29:59.999Z'))).toEqual(['A', 'B'])
    expect(titles(at('2026-06-10T09:30:00Z'))).toEqual(['B', 'Pause'])
  })

  it('in a gap: nothing now; a shared session counts on every track', () => {
    expect(titles(at('2026-06-10T10:05:00Z'))).toEqual([undefined, 'Pause'])
    expect(titles(at('2026-06-10T10:20:00Z'))).toEqual(['Pause', undefined])
    expect(titles(at('2026-06-10T10:30:00Z'))).toEqual([undefined, undefined])
  })

  it('follows the chosen track and ignores the others', () => {
    const roomB = nowAndNext(sessions, 'Room B', new Date('2026-06-10T09:20:00Z'))
    expect([roomB.current?.title, roomB.next?.title]).toEqual(['Other', 'Pause'])
  })

  it('counts down to the next change on the track', () => {
    expect(msUntilNextBoundary(sessions, 'Main stage', new Date('2026-06-10T09:29:55Z'))).toBe(5000)
    expect(msUntilNextBoundary(sessions, 'Main stage', new Date('2026-06-10T10:30:00Z'))).toBe(null)
  })
})

describe('zones across a daylight-saving change', () => {
  // Europe/Berlin moves from CET (UTC+1) to CEST (UTC+2) at 01:00 UTC on 29 March 2026.
  const before = session('2026-03-28T09:00:00Z', '2026-03-28T10:00:00Z', 'Main stage')
  const after = session('2026-03-29T09:00:00Z', '2026-03-29T10:00:00Z', 'Main stage')

  it('writes the same UTC time an hour later once summer time starts, naming the zone', () => {
    expect(formatSessionSpan(before, 'Europe/Berlin')).toBe('10:00–11:00 CET')
    expect(formatSessionSpan(after, 'Europe/Berlin')).toBe('11:00–12:00 CEST')
  })

  it('keeps the clock of a visitor whose zone changes on another date', () => {
    // New York changed on 8 March: both sessions read 05:00 EDT there.
    expect(formatTime('clock', before.startTime, 'America/New_York')).toBe(
      '05:00 Eastern Daylight Time',
    )
    expect(formatTime('clock', after.startTime, 'America/New_York')).toBe(
      '05:00 Eastern Daylight Time',
    )
  })

  it('a session that spans the change keeps its real length', () => {
    const night = session('2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', 'Main stage')
    // 01:30 CET to 03:30 CEST: one hour of real time, the clock jumps over 02:00–03:00.
    expect(formatSessionSpan(night, 'Europe/Berlin')).toBe('01:30–03:30 CET')
  })
})

describe('ordering and filters', () => {
  it('sorts by start, then the organizer order', () => {
    const x = { ...session('2026-06-10T09:00:00Z', '2026-06-10T10:00:00Z', 'B', 'x'), order: 2 }
    const y = { ...session('2026-06-10T09:00:00Z', '2026-06-10T10:00:00Z', 'A', 'y'), order: 1 }
    const z = session('2026-06-10T08:00:00Z', '2026-06-10T09:00:00Z', 'A', 'z')
    expect(sortSessions([x, y, z]).map((s) => s.title)).toEqual(['z', 'y', 'x'])
  })

  it('accepts only a track of the agenda', () => {
    expect(trackFilter('Room B', ['Main stage', 'Room B'])).toBe('Room B')
    expect(trackFilter('Nowhere', ['Main stage', 'Room B'])).toBe(null)
    expect(trackFilter(null, ['Main stage'])).toBe(null)
  })
})

describe('withSessionMarkers: one chat, read session by session', () => {
  const first = session('2026-06-10T09:00:00Z', '2026-06-10T09:30:00Z', 'Main stage', 'First')
  const second = session('2026-06-10T09:30:00Z', '2026-06-10T10:00:00Z', 'Main stage', 'Second')
  const line = (sentAt: string) => ({ sentAt })

  it('marks where each session starts in the chat, and nothing outside sessions', () => {
    const items = withSessionMarkers(
      [
        line('2026-06-10T08:55:00Z'),
        line('2026-06-10T09:01:00Z'),
        line('2026-06-10T09:29:59Z'),
        line('2026-06-10T09:30:00Z'),
      ],
      [first, second],
    )
    expect(items.map((item) => (item.kind === 'marker' ? item.session.title : 'line'))).toEqual([
      'line',
      'First',
      'line',
      'line',
      'Second',
      'line',
    ])
  })
})

describe('breaks are for everyone', () => {
  it('a break filed under one track spans every column and pauses every track', () => {
    const talk = session('2026-06-10T09:00:00Z', '2026-06-10T10:00:00Z', 'Room B', 'Talk')
    const coffee = {
      ...session('2026-06-10T10:00:00Z', '2026-06-10T10:30:00Z', 'Main stage', 'Coffee'),
      kind: 'break',
    }
    const other = session('2026-06-10T09:00:00Z', '2026-06-10T10:00:00Z', 'Main stage', 'Other')
    const [day] = agendaGrid([talk, coffee, other], 'UTC', ['Main stage', 'Room B'])
    expect(day!.cells.find((cell) => cell.session.title === 'Coffee')!.column).toEqual([1, 3])
    const roomB = nowAndNext([talk, coffee, other], 'Room B', new Date('2026-06-10T10:10:00Z'))
    expect(roomB.current?.title).toBe('Coffee')
  })
})
