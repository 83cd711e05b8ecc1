import { describe, expect, it } from 'vitest'

import { DEFAULT_NAVIGATION, toNavLinks } from './navigation'

describe('the site menu from the CMS', () => {
  it('links pages by slug and addresses as given, in the editor’s order', () => {
    expect(
      toNavLinks({
        links: [
          { label: 'Speakers', kind: 'page', page: { slug: 'speakers' } },
          { label: 'All events', kind: 'url', url: '/events' },
          { label: 'Blog', kind: 'url', url: 'https://blog.example.org' },
        ],
      }),
    ).toEqual([
      { label: 'Speakers', href: '/speakers' },
      { label: 'All events', href: '/events' },
      { label: 'Blog', href: 'https://blog.example.org' },
    ])
  })

  it('leaves out a page the public cannot read (a draft comes as a bare id)', () => {
    expect(
      toNavLinks({
        links: [
          { label: 'Draft', kind: 'page', page: 7 },
          { label: 'Events', kind: 'url', url: '/events' },
        ],
      }),
    ).toEqual([{ label: 'Events', href: '/events' }])
  })

  it('falls back to the default menu while none is set', () => {
    expect(toNavLinks({ links: [] })).toEqual(DEFAULT_NAVIGATION)
    expect(toNavLinks({})).toEqual(DEFAULT_NAVIGATION)
  })
})
