import { describe, expect, it } from 'vitest'

import { cmsEventQuery, dateWindow, discoverySearch, parseDiscoveryParams } from './discovery'

const parse = (query: string) => parseDiscoveryParams(new URLSearchParams(query))

describe('parseDiscoveryParams', () => {
  it('reads the filters a shared URL carries', () => {
    expect(parse('q=design&category=design&price=paid&maxPrice=50&sort=price-asc&page=2')).toEqual({
      show: 'upcoming',
      q: 'design',
      category: 'design',
      when: 'upcoming',
      from: undefined,
      to: undefined,
      price: 'paid',
      maxPrice: 50,
      sort: 'price-asc',
      page: 2,
    })
  })

  it('drops malformed values instead of failing', () => {
    expect(
      parse('page=-3&maxPrice=abc&sort=<x>&when=someday&from=2026-13-45&category=%00&show=all'),
    ).toEqual({
      show: 'upcoming',
      q: undefined,
      category: undefined,
      when: 'upcoming',
      from: undefined,
      to: undefined,
      price: undefined,
      maxPrice: undefined,
      sort: 'date',
      page: 1,
    })
  })

  it('treats typed dates as a custom range', () => {
    expect(parse('from=2026-12-01&to=2026-12-05')).toMatchObject({
      when: 'custom',
      from: '2026-12-01',
      to: '2026-12-05',
    })
  })
})

describe('dateWindow', () => {
  const now = new Date('2026-11-24T11:27:42.123Z') // a Tuesday

  it('starts at the current minute so equal requests share a cache entry', () => {
    expect(dateWindow({ when: 'upcoming' }, now)).toEqual({ from: '2026-11-24T11:27:00.000Z' })
  })

  it('ends today, this week (Sunday) and this month at their last millisecond', () => {
    expect(dateWindow({ when: 'today' }, now).to).toBe('2026-11-24T23:59:59.999Z')
    expect(dateWindow({ when: 'week' }, now).to).toBe('2026-11-29T23:59:59.999Z')
    expect(dateWindow({ when: 'month' }, now).to).toBe('2026-11-30T23:59:59.999Z')
  })

  it('never lists past events for a custom range that starts in the past', () => {
    expect(dateWindow({ when: 'custom', from: '2026-01-01', to: '2026-12-31' }, now)).toEqual({
      from: '2026-11-24T11:27:00.000Z',
      to: '2026-12-31T23:59:59.999Z',
    })
  })
})

describe('cmsEventQuery and discoverySearch', () => {
  it('converts a maximum price in major units to minor units for the CMS', () => {
    const query = cmsEventQuery(parse('maxPrice=20'), new Date('2026-11-24T00:00:00Z'))
    expect(query).toMatchObject({ maxPrice: '2000', sort: 'startTime', limit: '12', page: '1' })
  })

  it('writes only non-default filters into links', () => {
    const filters = parse('q=jazz&sort=date&page=1')
    expect(discoverySearch(filters)).toBe('?q=jazz')
    expect(discoverySearch(filters, { page: 3 })).toBe('?q=jazz&page=3')
  })

  it('lists what is live now: started by this minute and not yet over', () => {
    const query = cmsEventQuery(parse('show=live&when=week'), new Date('2026-11-24T11:27:42Z'))
    expect(query).toMatchObject({
      to: '2026-11-24T11:27:00.000Z',
      endsAfter: '2026-11-24T11:27:00.000Z',
    })
    expect(query).not.toHaveProperty('from')
  })

  it('lists past events most recent first, within custom dates, on demand only when asked', () => {
    const now = new Date('2026-11-24T11:27:42Z')
    const past = cmsEventQuery(parse('show=past&from=2026-10-01&to=2026-10-31'), now)
    expect(past).toMatchObject({
      endsBefore: '2026-11-24T11:27:00.000Z',
      sort: '-startTime',
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-10-31T23:59:59.999Z',
    })
    expect(past).not.toHaveProperty('recording')
    const onDemand = cmsEventQuery(parse('show=past'), now, { onDemandOnly: true, limit: 4 })
    expect(onDemand).toMatchObject({ recording: 'true', limit: '4' })
    expect(onDemand).not.toHaveProperty('from')
  })

  it('keeps the chosen part of the event’s life in links', () => {
    expect(discoverySearch(parse('show=past&page=2'))).toBe('?show=past&page=2')
    expect(discoverySearch(parse('show=upcoming'))).toBe('')
  })
})
