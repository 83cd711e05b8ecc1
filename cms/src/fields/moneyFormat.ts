/**
 * Money between people and storage: people type and read "15.00 €" or "¥1500", storage keeps
 * integer minor units (1500). Pure, so the admin's inputs and the server share it.
 */

/** Digits after the decimal point in the currency's normal units: EUR 2, JPY 0. */
export const minorDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2

/** 1500 EUR → "15.00", 1500 JPY → "1500": the amount as typed in an input. */
export const toMajorText = (minor: number, currency: string): string => {
  const digits = minorDigits(currency)
  return (minor / 10 ** digits).toFixed(digits)
}

/**
 * "15", "15.5", "15,50", "1 500" → minor units in the currency; null when the text is not an
 * amount or has more decimals than the currency has (¥15.5 does not exist).
 */
export const fromMajorText = (text: string, currency: string): number | null => {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0']/g, '')
    .replace(',', '.')
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned)
  if (!match) return null
  const digits = minorDigits(currency)
  const fraction = match[2] ?? ''
  if (fraction.replace(/0+$/, '').length > digits) return null
  return (
    Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0').slice(0, digits) || 0)
  )
}

/** 1500 EUR → "€15.00", 1500 JPY → "¥1,500", as people read prices. */
export const formatMoney = (minor: number, currency: string, locale?: string): string => {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency })
  return format.format(minor / 10 ** minorDigits(currency))
}

/** The currency's sign as written before or after an amount: "€", "¥", "CHF". */
export const currencySymbol = (currency: string): string =>
  new Intl.NumberFormat('en', { style: 'currency', currency })
    .formatToParts(0)
    .find((part) => part.type === 'currency')?.value ?? currency
