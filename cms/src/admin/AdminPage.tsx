import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'

import { checkRole, type Role } from '../access/checkRole'

/** A custom admin page in Payload's own frame (nav, header), shown only to the given roles. */
export function AdminPage({
  props: { initPageResult, params, searchParams },
  roles,
  title,
  children,
}: {
  props: AdminViewServerProps
  roles: Role[]
  title: string
  children: ReactNode
}) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const isAllowed = checkRole(roles, req.user)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1 style={{ margin: '1.5rem 0' }}>{title}</h1>
        {isAllowed ? children : <p>This page is not available to your account.</p>}
      </Gutter>
    </DefaultTemplate>
  )
}
