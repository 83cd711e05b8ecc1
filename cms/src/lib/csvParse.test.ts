import { describe, expect, it } from 'vitest'

import { parseCsv } from './csvParse'

describe('parseCsv', () => {
  it('reads quoted cells with commas, quotes and line breaks, CRLF and a BOM', () => {
    const text =
      '\uFEFFtitle,speakers\r\n"Hello, world","Ada ""the"" Lovelace"\r\n"Two\nlines",x\n\n'
    expect(parseCsv(text)).toEqual([
      ['title', 'speakers'],
      ['Hello, world', 'Ada "the" Lovelace'],
      ['Two\nlines', 'x'],
    ])
  })
})
