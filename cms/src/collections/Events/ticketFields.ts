import type { Field } from 'payload'

import { validateAmount } from '../../fields/money'
import { wholeNumberBetween } from '../../fields/wholeNumber'
import { zonedDateTimeField } from '../../fields/zonedDate'
import { PROMO_KINDS, QUESTION_KINDS } from '../../contract/tickets'
import { eventOwnerField } from './access/eventOwnerField'

// The lists are read through the REST API only by the event's organizer and admins: codes are
// secret and hidden types are shown only to holders of a code. The public reads what it may see
// through GET /api/events/:id/tickets.
const ownerOnly = { read: eventOwnerField }

const money = (
  name: string,
  label: string,
  required: boolean,
  condition?: (data: unknown, row: { kind?: string }) => boolean,
): Field => ({
  name,
  label,
  type: 'number',
  required,
  min: 0,
  validate: validateAmount,
  // Typed and shown in the event's currency units; stored in minor units like the event's price.
  admin: {
    condition,
    components: {
      Field: '@event-portal/cms/plugin/client#MoneyField',
      Cell: '@event-portal/cms/plugin/client#MoneyCell',
    },
  },
})

export const ticketTypesField: Field = {
  name: 'ticketTypes',
  label: 'Ticket types',
  type: 'array',
  access: ownerOnly,
  labels: { singular: 'Ticket type', plural: 'Ticket types' },
  admin: {
    description:
      'What buyers choose from, in this order. Saved with none, the event gets "General admission" from its price and capacity.',
    initCollapsed: true,
    components: { RowLabel: '@event-portal/cms/plugin/client#NamedRowLabel' },
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', required: true, maxLength: 100 },
        money('price', 'Price', true),
        {
          name: 'quantity',
          type: 'number',
          min: 1,
          max: 1_000_000,
          validate: wholeNumberBetween(1, 1_000_000),
          admin: { description: "Empty: only the event's capacity limits it." },
        },
      ],
    },
    { name: 'description', type: 'textarea', maxLength: 1000 },
    {
      type: 'row',
      fields: [
        zonedDateTimeField({ name: 'salesStart', label: 'Sales open' }),
        zonedDateTimeField({ name: 'salesEnd', label: 'Sales close' }),
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'minPerOrder',
          type: 'number',
          defaultValue: 1,
          min: 1,
          validate: wholeNumberBetween(1, 100),
        },
        {
          name: 'maxPerOrder',
          type: 'number',
          defaultValue: 10,
          min: 1,
          validate: wholeNumberBetween(1, 100),
        },
        {
          name: 'hidden',
          type: 'checkbox',
          defaultValue: false,
          admin: { description: 'Sold only with a promo code that unlocks it.' },
        },
      ],
    },
  ],
}

export const promoCodesField: Field = {
  name: 'promoCodes',
  label: 'Promo codes',
  type: 'array',
  access: ownerOnly,
  labels: { singular: 'Promo code', plural: 'Promo codes' },
  admin: {
    initCollapsed: true,
    components: { RowLabel: '@event-portal/cms/plugin/client#NamedRowLabel' },
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          required: true,
          maxLength: 40,
          validate: (value: string | null | undefined) =>
            !value || /^[A-Za-z0-9_-]+$/.test(value) || 'Letters, digits, - and _ only.',
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'percent',
          options: [
            { value: PROMO_KINDS[0], label: 'Percent off' },
            { value: PROMO_KINDS[1], label: 'Amount off per ticket' },
            { value: PROMO_KINDS[2], label: 'Only unlocks hidden types' },
          ],
        },
        {
          name: 'percentOff',
          type: 'number',
          min: 1,
          max: 100,
          validate: wholeNumberBetween(1, 100),
          admin: { condition: (_, row) => row?.kind === 'percent' },
        },
        money('amountOff', 'Amount off', false, (_, row) => row?.kind === 'amount'),
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'maxUses',
          type: 'number',
          min: 1,
          validate: wholeNumberBetween(1, 1_000_000),
          admin: { description: 'Orders that may use it; empty = unlimited.' },
        },
        zonedDateTimeField({ name: 'validFrom', label: 'Valid from' }),
        zonedDateTimeField({ name: 'validUntil', label: 'Valid until' }),
      ],
    },
    {
      name: 'appliesTo',
      label: 'Applies to ticket types (names)',
      type: 'text',
      hasMany: true,
      admin: { description: 'Empty: every type. Hidden types named here are unlocked by it.' },
    },
  ],
}

export const questionsField: Field = {
  name: 'questions',
  label: 'Registration questions',
  type: 'array',
  access: ownerOnly,
  labels: { singular: 'Question', plural: 'Questions' },
  admin: {
    description: 'Asked for every attendee; answers are in the attendee list and its CSV.',
    initCollapsed: true,
    components: { RowLabel: '@event-portal/cms/plugin/client#NamedRowLabel' },
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'label', type: 'text', required: true, maxLength: 200 },
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'text',
          options: [
            { value: QUESTION_KINDS[0], label: 'Text' },
            { value: QUESTION_KINDS[1], label: 'Single choice' },
            { value: QUESTION_KINDS[2], label: 'Multiple choice' },
            { value: QUESTION_KINDS[3], label: 'Checkbox (e.g. consent)' },
          ],
        },
        { name: 'required', type: 'checkbox', defaultValue: false },
      ],
    },
    {
      name: 'options',
      type: 'text',
      hasMany: true,
      admin: { condition: (_, row) => row?.kind === 'single' || row?.kind === 'multiple' },
    },
  ],
}
