import type { CollectionConfig } from 'payload'

import { adminOrSelf, adminOrSelfField } from '../../access/adminOrSelf'
import { checkRole } from '../../access/checkRole'
import { isAdmin, isAdminField } from '../../access/isAdmin'
import { plainText } from '../../fields/plainText'
import { renderEmail } from '../../emails/render'
import { passwordResetEmail } from '../../emails/templates'
import { env } from '../../env'
import { ownSessions } from './access/ownSessions'
import { publicProfiles } from './access/publicProfiles'
import { deleteOwnRecords } from './hooks/deleteOwnRecords'
import { endSessionsOfDisabled, refuseDisabledLogin } from './hooks/disabledAccounts'
import { requireCurrentPassword } from './hooks/requireCurrentPassword'
import {
  forgetFailedLogins,
  throttleAuthOperations,
  unlockThrottledAccount,
} from './hooks/throttleLogins'
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
    // No hard lockout: a stranger could keep anyone (an admin) locked out. Failed logins
    // slow down the failing address instead (lib/loginThrottle.ts).
    maxLoginAttempts: 0,
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
    // Sign-up goes through POST /api/auth/register (rate-limited); only admins create accounts here.
    create: isAdmin,
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
      validate: plainText,
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
      // Never stored (requireCurrentPassword checks and drops it). Shown on one's own
      // account in the admin, so admins can change their email or password there too.
      name: 'currentPassword',
      type: 'text',
      virtual: true,
      access: { read: () => false },
      admin: {
        condition: (data, _siblingData, { user }) =>
          Boolean(user && data?.id !== undefined && String(data.id) === String(user.id)),
        description: 'Needed to change your email or password.',
        components: { Field: '@payloadcms/ui#PasswordField' },
      },
    },
    {
      // Payload's own sessions field lets anyone without a user pass its read check, and
      // so filter accounts (or events by organizer) by when they logged in. Only the
      // account itself reads its sessions; nobody queries them.
      name: 'sessions',
      type: 'array',
      access: { read: ownSessions, update: () => false },
      fields: [],
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
    beforeOperation: [throttleAuthOperations],
    beforeValidate: [requireCurrentPassword],
    beforeLogin: [refuseDisabledLogin],
    afterLogin: [forgetFailedLogins],
    afterOperation: [unlockThrottledAccount],
    afterChange: [endSessionsOfDisabled, endChatSessionsOnChange],
    beforeDelete: [deleteOwnRecords],
    afterDelete: [endChatSessionsOnDelete],
    afterLogout: [endChatSessionOnLogout],
  },
  timestamps: true,
}
