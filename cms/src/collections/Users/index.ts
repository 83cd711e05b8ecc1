import type { CollectionConfig } from 'payload'

import { adminOrSelfField } from '../../access/adminOrSelf'
import { plainText } from '../../fields/plainText'
import { renderEmail } from '../../emails/render'
import { passwordResetEmail } from '../../emails/templates'
import { env } from '../../env'

/**
 * Our host's own accounts collection. The event portal plugin adds what it needs to it (roles, the
 * disabled switch, access rules and hooks: ./extension.ts), as it would to any host's users.
 */
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
  ],
  timestamps: true,
}
