import type { CollectionConfig, Field } from 'payload'

import { adminOrSelf } from '../../access/adminOrSelf'
import { checkRole } from '../../access/checkRole'
import { isAdmin, isAdminField } from '../../access/isAdmin'
import { plainText } from '../../fields/plainText'
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

type Hooks = NonNullable<CollectionConfig['hooks']>
type Access = NonNullable<CollectionConfig['access']>

/** Attendees need a name on tickets and emails; added only when the host's users have none. */
const nameField: Field = {
  name: 'name',
  type: 'text',
  required: true,
  maxLength: 120,
  validate: plainText,
}

/** Fields the plugin adds to the host's users, after the host's own. */
const portalFields: Field[] = [
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
]

const portalAccess: Access = {
  admin: ({ req: { user } }) => checkRole(['organizer', 'admin'], user),
  // Sign-up goes through POST /api/auth/register (rate-limited); only admins create accounts here.
  create: isAdmin,
  read: publicProfiles,
  update: adminOrSelf,
  delete: isAdmin,
  unlock: isAdmin,
}

const portalHooks: Hooks = {
  beforeOperation: [throttleAuthOperations],
  beforeValidate: [requireCurrentPassword],
  beforeLogin: [refuseDisabledLogin],
  afterLogin: [forgetFailedLogins],
  afterOperation: [unlockThrottledAccount],
  afterChange: [endSessionsOfDisabled, endChatSessionsOnChange],
  beforeDelete: [deleteOwnRecords],
  afterDelete: [endChatSessionsOnDelete],
  afterLogout: [endChatSessionOnLogout],
}

const hasField = (fields: Field[], name: string) =>
  fields.some((field) => 'name' in field && field.name === name)

/** The host's hooks run first, then the plugin's, for every kind of hook. */
function mergeHooks(host: Hooks | undefined, portal: Hooks): Hooks {
  const merged: Record<string, unknown[]> = { ...(host as Record<string, unknown[]>) }
  for (const [kind, hooks] of Object.entries(portal)) {
    merged[kind] = [...(merged[kind] ?? []), ...(hooks as unknown[])]
  }
  return merged as Hooks
}

/**
 * Makes the host's auth collection the portal's accounts: a role (saved to the JWT), the disabled
 * switch, the access rules (a rule the host set itself wins) and the login and deletion hooks.
 * With `isDisabled` the fields stay (the schema does not change) and the behaviour goes.
 */
export function extendUsers(
  users: CollectionConfig,
  { isDisabled, adminAccess }: { isDisabled: boolean; adminAccess?: Access['admin'] },
): CollectionConfig {
  const added = portalFields.filter(
    (field) => !('name' in field) || !hasField(users.fields, field.name),
  )
  const fields = [...users.fields, ...(hasField(users.fields, 'name') ? [] : [nameField]), ...added]
  if (isDisabled) return { ...users, fields }
  return {
    ...users,
    fields,
    access: { ...portalAccess, ...(adminAccess && { admin: adminAccess }), ...users.access },
    hooks: mergeHooks(users.hooks, portalHooks),
  }
}
