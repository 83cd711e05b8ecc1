import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isAdmin } from '../access/isAdmin'
import { revalidateSiteAfterGlobalChange } from '../hooks/revalidateSite'

/** A site path ("/events") or an absolute http(s) address. */
const isLinkTarget = (value: unknown): boolean =>
  typeof value === 'string' && (/^\/(?!\/)\S*$/.test(value) || /^https?:\/\/\S+$/.test(value))

/** The site header's menu: editors add a page or an address and it shows on the next request. */
export const Navigation: GlobalConfig = {
  slug: 'navigation',
  label: 'Site menu',
  admin: { description: 'The links in the public site’s header, in this order.' },
  access: { read: anyone, update: isAdmin },
  hooks: { afterChange: [revalidateSiteAfterGlobalChange] },
  fields: [
    {
      name: 'links',
      type: 'array',
      maxRows: 10,
      labels: { singular: 'Link', plural: 'Links' },
      fields: [
        { name: 'label', type: 'text', required: true, maxLength: 40 },
        {
          name: 'kind',
          type: 'radio',
          required: true,
          defaultValue: 'page',
          options: [
            { value: 'page', label: 'A page of the site' },
            { value: 'url', label: 'An address' },
          ],
          admin: { layout: 'horizontal' },
        },
        {
          name: 'page',
          type: 'relationship',
          relationTo: 'pages',
          admin: { condition: (_, sibling) => sibling?.kind === 'page' },
          validate: (value: unknown, { siblingData }: { siblingData: { kind?: string } }) =>
            siblingData.kind !== 'page' || Boolean(value) || 'Choose the page to link to.',
        },
        {
          name: 'url',
          type: 'text',
          maxLength: 500,
          admin: {
            condition: (_, sibling) => sibling?.kind === 'url',
            description: 'A path on the site such as /events, or a full https:// address.',
          },
          validate: (value: unknown, { siblingData }: { siblingData: { kind?: string } }) =>
            siblingData.kind !== 'url' ||
            isLinkTarget(value) ||
            'Use a path such as /events or a full https:// address.',
        },
      ],
    },
  ],
}
