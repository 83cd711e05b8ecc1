import { describe, expect, it } from 'vitest'

import { paidAmount, refundStatus, wasCharged } from './receipts'
import type { Payment } from './schemas'

const payment = (fields: Partial<Payment>): Payment => ({
  id: 1,
  amount: 1500,
  currency: 'EUR',
  status: 'succeeded',
  paidAt: '2026-12-02T10:00:00Z',
  ...fields,
})

describe('receipts and refunds', () => {
  it('reads the refund state of a cancelled paid registration', () => {
    const refunded = payment({ status: 'refunded', refundId: 're_1' })
    expect(refundStatus({ status: 'cancelled', payment: refunded })).toBe('refunded')
    expect(refundStatus({ status: 'cancelled', payment: payment({ refundId: 're_2' }) })).toBe(
      'pending',
    )
    expect(refundStatus({ status: 'cancelled', payment: payment({}) })).toBe('none')
  })

  it('says nothing about refunds where no money was taken or nothing was cancelled', () => {
    expect(refundStatus({ status: 'confirmed', payment: payment({}) })).toBeNull()
    expect(refundStatus({ status: 'cancelled', payment: null })).toBeNull()
    expect(refundStatus({ status: 'cancelled', payment: 7 })).toBeNull()
    expect(
      refundStatus({ status: 'cancelled', payment: payment({ status: 'pending' }) }),
    ).toBeNull()
    expect(wasCharged(payment({ status: 'failed' }))).toBe(false)
    expect(wasCharged(payment({ amount: 0 }))).toBe(false)
  })

  it('states the amount in the currency it was paid in', () => {
    expect(paidAmount(payment({}) as Payment & { amount: number }, 'USD')).toBe('€15.00')
    expect(
      paidAmount(payment({ currency: null, amount: 2500 }) as Payment & { amount: number }, 'USD'),
    ).toBe('US$25.00')
  })
})
