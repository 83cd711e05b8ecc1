import { describe, expect, it } from 'vitest'

import { safeNextPath } from './redirect'

// Values as the page reads them from `?next=`, i.e. already percent-decoded once.
const hostile: [string, string | null | undefined][] = [
  ['tab before a second slash (?next=/%09/evil.example)', '/\t/evil.example'],
  ['carriage return (?next=/%0d/evil.example)', '/\r/evil.example'],
  ['line feed', '/\n/evil.example'],
  ['CRLF header injection', '/\r\nSet-Cookie: a=b'],
  ['NUL', '/\u0000/evil.example'],
  ['DEL', '/\u007f/evil.example'],
  ['protocol-relative', '//evil.example'],
  ['three slashes', '///evil.example'],
  ['protocol-relative with a path', '//evil.example/account'],
  ['backslash after the slash', '/\\evil.example'],
  ['two backslashes', '\\\\evil.example'],
  ['slash backslash slash', '/\\/evil.example'],
  ['backslash inside the path', '/events\\..\\..\\evil'],
  ['dot segment into //', '/.//evil.example'],
  ['parent segment into //', '/a/..//evil.example'],
  ['absolute https URL', 'https://evil.example/'],
  ['scheme without slashes', 'http:evil.example'],
  ['javascript: URL', 'javascript:alert(1)'],
  ['data: URL', 'data:text/html,<script>alert(1)</script>'],
  ['bare host', 'evil.example'],
  ['leading space', ' //evil.example'],
  ['leading tab', '\t/account'],
  ['empty', ''],
  ['missing', null],
  ['undefined', undefined],
]

describe('safeNextPath', () => {
  it.each(hostile)('refuses %s', (_name, value) => {
    expect(safeNextPath(value)).toBe('/account')
    expect(safeNextPath(value, '/')).toBe('/')
  })

  it.each([
    ['/account', '/account'],
    ['/events/live-now/watch', '/events/live-now/watch'],
    ['/events?category=web&page=2#list', '/events?category=web&page=2#list'],
    ['/checkout/success?session_id=cs_test_123', '/checkout/success?session_id=cs_test_123'],
    ['/', '/'],
    // Stays on the site: the browser asks this site for the path "/@evil.example".
    ['/@evil.example', '/@evil.example'],
    // Percent-encoded slashes are part of one path segment, not a new authority.
    ['/%2F/evil.example', '/%2F/evil.example'],
    ['/%09/evil.example', '/%09/evil.example'],
    // Encoded as the browser would, so the Location header never carries raw non-ASCII.
    ['/événements', '/%C3%A9v%C3%A9nements'],
    ['/a b', '/a%20b'],
    ['/a/../account', '/account'],
  ])('keeps the same-site path %s', (value, expected) => {
    expect(safeNextPath(value)).toBe(expected)
  })

  it('never returns anything a browser resolves to another origin', () => {
    const site = 'https://events.example.org'
    for (const [, value] of hostile) {
      const next = safeNextPath(value)
      expect(new URL(next, site).origin).toBe(site)
      expect(next.startsWith('/') && !next.startsWith('//')).toBe(true)
    }
  })
})
