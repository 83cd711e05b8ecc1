import { describe, expect, it } from 'vitest'

import { formatMoney, fromMajorText, minorDigits, toMajorText } from './moneyFormat'

describe('money as people type it', () => {
  it('knows which currencies have no minor unit', () => {
    expect(minorDigits('EUR')).toBe(2)
    expect(minorDigits('USD')).toBe(2)
    expect(minorDigits('JPY')).toBe(0)
  })

  it('reads typed amounts into minor units', () => {
    expect(fromMajorText('15', 'EUR')).toBe(1500)
    expect(fromMajorText('15.00', 'EUR')).toBe(1500)
    expect(fromMajorText('15.5', 'EUR')).toBe(1550)
    expect(fromMajorText('15,50', 'EUR')).toBe(1550)
    expect(fromMajorText('0.07', 'USD')).toBe(7)
    expect(fromMajorText('1 500', 'JPY')).toBe(1500)
    expect(fromMajorText('1500', 'JPY')).toBe(1500)
    expect(fromMajorText('0', 'EUR')).toBe(0)
  })

  it('refuses what is not an amount in that currency', () => {
    expect(fromMajorText('15.555', 'EUR')).toBeNull()
    expect(fromMajorText('15.5', 'JPY')).toBeNull()
    expect(fromMajorText('-3', 'EUR')).toBeNull()
    expect(fromMajorText('fifteen', 'EUR')).toBeNull()
    expect(fromMajorText('', 'EUR')).toBeNull()
  })

  it('shows minor units as the amount people read', () => {
    expect(toMajorText(1500, 'EUR')).toBe('15.00')
    expect(toMajorText(1500, 'JPY')).toBe('1500')
    expect(formatMoney(1500, 'EUR', 'en-GB')).toBe('€15.00')
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500')
  })
})
