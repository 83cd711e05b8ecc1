import type { CollectionConfig } from 'payload'

import { adminOrSelf, adminOrSelfField } from '../../access/adminOrSelf'
import { anyone } from '../../access/anyone'
import { checkRole } from '../../access/checkRole'
import { isAdmin, isAdminField } from '../../access/isAdmin'
import { renderEmail } from '../../emails/render'
import { passwordResetEmail } from '../../emails/templates'
import { env } from '../../env'
import { publicProfiles } from './access/publicProfiles'
import { endSessionsOfDisabled, refuseDisabledLogin } from './hooks/disabledAccounts'
import {
  endChatSessionOnLogout,
  endChatSessionsOnChange,
  endChatSessionsOnDelete,
} from './hooks/endChatSessions'

export const ROLES = ['user', 'organizer', 'admin'] as const

export const Users: CollectionConfig = {
  slug: 'users',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'disabled'],
    listSearchableFields: ['name', 'email'],
  },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 7 * 24 * 60 * 60,
    cookies: {
      sameSite: 'Lax',
      secure: env.NODE_ENV === 'production',
    },
    forgotPassword: {
      // The link opens the site's reset page, where attendees live, not the admin.
      generateEmailSubject: () => passwordResetEmail({ name: '', resetUrl: '' }).subject,
      generateEmailHTML: async (args) => {
        const user = args?.user as { name?: string } | undefined
        const resetUrl = new URL('/reset-password', env.SITE_URL)
        resetUrl.searchParams.set('token', args?.token ?? '')
        const content = passwordResetEmail({ name: user?.name ?? 'there', resetUrl: resetUrl.href })
        return (await renderEmail(content)).html
      },
    },
  },
  access: {
    admin: ({ req: { user } }) => checkRole(['organizer', 'admin'], user),
    create: anyone,
    read: publicProfiles,
    update: adminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  fields: [
    {
      name: 'email',
      type: 'email',
      access: { read: adminOrSelfField },
    },
    {
      name: 'name',
      type: 'text',
      required: true,
      maxLength: 120,
    },
    {
      name: 'role',
      type: 'select',
      options: ROLES.map((role) => ({
        label: role[0]!.toUpperCase() + role.slice(1),
        value: role,
      })),
      defaultValue: 'user',
      required: true,
      saveToJWT: true,
      index: true,
      // Only admins grant roles: a role sent by anyone else is dropped and the default applies.
      access: { create: isAdminField, update: isAdminField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'disabled',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { create: isAdminField, update: isAdminField },
      admin: {
        position: 'sidebar',
        description: 'A disabled account cannot log in, and its open sessions end at once.',
      },
    },
  ],
  hooks: {
    beforeLogin: [refuseDisabledLogin],
    afterChange: [endSessionsOfDisabled, endChatSessionsOnChange],
    afterDelete: [endChatSessionsOnDelete],
    afterLogout: [endChatSessionOnLogout],
  },
  timestamps: true,
}
