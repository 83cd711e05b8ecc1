'use client'

import { useConfig } from '@payloadcms/ui'

import { DEFAULT_SLUGS } from '../plugin/settings'

type PortalSlugs = { -readonly [K in keyof typeof DEFAULT_SLUGS]: string }

/** The host's collection slugs in client components (the plugin puts them in admin.custom). */
export function usePortalSlugs(): PortalSlugs {
  const { config } = useConfig()
  const custom = config.admin.custom as { eventPortal?: { slugs?: PortalSlugs } } | undefined
  return custom?.eventPortal?.slugs ?? DEFAULT_SLUGS
}
