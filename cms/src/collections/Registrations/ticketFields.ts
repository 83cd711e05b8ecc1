import type { Field } from 'payload'

const systemOnly = { create: () => false, update: () => false }

/** What a ticket of an order records: who bought it, its type, its attendee and their answers. */
export const ticketFields: Field[] = [
  {
    name: 'buyer',
    type: 'relationship',
    relationTo: 'users',
    index: true,
    access: systemOnly,
    admin: {
      readOnly: true,
      description: 'Who bought it (the holder, or someone buying for them).',
    },
  },
  {
    name: 'orderId',
    type: 'text',
    index: true,
    access: systemOnly,
    admin: { readOnly: true, description: 'Shared by the tickets bought together.' },
  },
  {
    type: 'row',
    fields: [
      {
        name: 'ticketType',
        type: 'text',
        index: true,
        access: systemOnly,
        admin: { hidden: true },
      },
      { name: 'ticketTypeName', type: 'text', access: systemOnly, admin: { readOnly: true } },
      {
        name: 'price',
        type: 'number',
        access: systemOnly,
        admin: {
          readOnly: true,
          description: 'What this ticket cost after any discount (minor units); its refund.',
          components: { Cell: '@event-portal/cms/plugin/client#MoneyCell' },
        },
      },
      { name: 'promoCode', type: 'text', access: systemOnly, admin: { readOnly: true } },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'attendeeName', type: 'text', maxLength: 200, access: systemOnly },
      { name: 'attendeeEmail', type: 'email', index: true, access: systemOnly },
    ],
  },
  { name: 'answers', type: 'json', access: systemOnly, admin: { readOnly: true } },
  {
    // The secret in the attendee's claim link; never shown through the API.
    name: 'claimToken',
    type: 'text',
    unique: true,
    access: { read: () => false, ...systemOnly },
    admin: { hidden: true },
  },
]
