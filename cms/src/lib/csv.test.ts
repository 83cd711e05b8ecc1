import { describe, expect, it } from 'vitest'

import { csvLines, neutraliseFormula } from './csv'

describe('neutraliseFormula', () => {
  it('prefixes text a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`)
    }
  })

  it('leaves ordinary text and numbers alone', () => {
    expect(neutraliseFormula('Ann Able')).toBe('Ann Able')
    expect(neutraliseFormula('a=b')).toBe('a=b')
    expect(neutraliseFormula(-100)).toBe(-100)
    expect(neutraliseFormula(null)).toBe(null)
  })
})

describe('csvLines', () => {
  it('quotes as CSV after neutralising, with the header and BOM only when asked', () => {
    const first = csvLines([['=HYPERLINK("http://x","y")', 1]], { header: ['Name', 'N'] })
    expect(first).toBe('\uFEFFName,N\n"\'=HYPERLINK(""http://x"",""y"")",1\n')
    expect(csvLines([['Bo', 2]])).toBe('Bo,2\n')
  })
})
