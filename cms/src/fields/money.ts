import type { Field } from 'payload'

export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'CHF',
  'JPY',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'INR',
  'BRL',
] as const

/** Largest amount we accept, in minor units: 1,000,000.00 in a two-decimal currency. */
export const MAX_AMOUNT = 100_000_000

export const validateAmount = (value: number | null | undefined): true | string => {
  if (value === null || value === undefined) return true
  if (!Number.isInteger(value)) return 'Must be a whole number of minor units (cents).'
  if (value < 0) return 'Must not be negative.'
  if (value > MAX_AMOUNT) return `Must be at most ${MAX_AMOUNT} minor units.`
  return true
}

/** An integer amount in minor units plus its ISO 4217 currency: never a float. */
export const moneyFields = ({
  amountName,
  required = true,
  defaultAmount,
}: {
  amountName: string
  required?: boolean
  defaultAmount?: number
}): Field[] => [
  {
    name: amountName,
    type: 'number',
    required,
    min: 0,
    defaultValue: defaultAmount,
    validate: validateAmount,
    // The API keeps minor units; people type and read the amount in normal units.
    admin: {
      components: {
        Field: '@event-portal/cms/plugin/client#MoneyField',
        Cell: '@event-portal/cms/plugin/client#MoneyCell',
      },
    },
  },
  {
    name: 'currency',
    type: 'select',
    required,
    defaultValue: 'USD',
    options: CURRENCIES.map((code) => ({ label: code, value: code })),
  },
]
