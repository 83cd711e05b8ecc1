import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { isOrganizerOrAdmin } from '../../access/isOrganizerOrAdmin'
import { ownEventOptions } from '../../access/ownEventOptions'
import { ownEventCampaigns } from './access/ownEventCampaigns'
import { checkCampaignChange } from './hooks/checkCampaignChange'
import { enqueueCampaign } from './hooks/enqueueCampaign'

export const CAMPAIGN_STATUSES = ['draft', 'queued', 'sending', 'sent'] as const
export const CAMPAIGN_AUDIENCES = ['confirmed', 'waitlisted', 'confirmed_and_waitlisted'] as const

const counter = (name: string, label: string) =>
  ({
    name,
    label,
    type: 'number',
    defaultValue: 0,
    admin: { readOnly: true, hidden: true },
    access: { create: () => false, update: () => false },
  }) as const

/** An organizer's message to their event's attendees, sent in batches by the worker. */
export const Campaigns: CollectionConfig = {
  slug: 'campaigns',
  labels: { singular: 'Message to attendees', plural: 'Messages to attendees' },
  admin: {
    group: 'Email',
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'event', 'status', 'sent', 'total'],
    description:
      'Write to the attendees of your event. Set the status to "queued" and save to send; queuing it again mails nobody twice.',
  },
  access: {
    read: ownEventCampaigns,
    create: isOrganizerOrAdmin,
    update: ownEventCampaigns,
    delete: isAdmin,
  },
  hooks: {
    beforeChange: [checkCampaignChange],
    afterChange: [enqueueCampaign],
  },
  fields: [
    {
      name: 'event',
      type: 'relationship',
      relationTo: 'events',
      required: true,
      index: true,
      filterOptions: ownEventOptions,
    },
    {
      name: 'audience',
      type: 'select',
      required: true,
      defaultValue: 'confirmed',
      options: [
        { value: 'confirmed', label: 'Confirmed attendees' },
        { value: 'waitlisted', label: 'Waitlisted people' },
        { value: 'confirmed_and_waitlisted', label: 'Confirmed and waitlisted' },
      ],
    },
    { name: 'subject', type: 'text', required: true, maxLength: 200 },
    { name: 'body', type: 'textarea', required: true, maxLength: 20_000 },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: CAMPAIGN_STATUSES.map((value) => ({ value, label: value })),
    },
    {
      name: 'progress',
      type: 'ui',
      admin: { components: { Field: '@event-portal/cms/plugin/client#CampaignProgress' } },
    },
    counter('total', 'Recipients'),
    counter('sent', 'Sent'),
    counter('failed', 'Failed'),
    counter('skipped', 'Skipped (unsubscribed)'),
    {
      name: 'queuedAt',
      type: 'date',
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'completedAt',
      type: 'date',
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
