'use client'

import { useConfig } from '@payloadcms/ui'

import { DEFAULT_SLUGS, type Features } from '../plugin/settings'

type PortalSlugs = { -readonly [K in keyof typeof DEFAULT_SLUGS]: string }
type PortalClientSettings = { slugs?: PortalSlugs; features?: Partial<Features> }

const usePortalSettings = (): PortalClientSettings => {
  const { config } = useConfig()
  const custom = config.admin.custom as { eventPortal?: PortalClientSettings } | undefined
  return custom?.eventPortal ?? {}
}

/** The host's collection slugs in client components (the plugin puts them in admin.custom). */
export function usePortalSlugs(): PortalSlugs {
  return usePortalSettings().slugs ?? DEFAULT_SLUGS
}

/** Whether the host left a feature on (chat, streaming, campaigns); on unless switched off. */
export function useFeature(feature: keyof Features): boolean {
  return usePortalSettings().features?.[feature] !== false
}
