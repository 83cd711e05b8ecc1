'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import { usePortalSlugs } from '../../admin/portalSlugs'

type Progress = { status: string; total: number; sent: number; failed: number; skipped: number }

const POLL_MS = 1_000

/** Sent / failed / total of a campaign, refreshed every second while it is being sent. */
export function CampaignProgress() {
  const { id } = useDocumentInfo()
  const { campaigns } = usePortalSlugs()
  const [progress, setProgress] = useState<Progress | null>(null)

  useEffect(() => {
    if (!id) return
    let isActive = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = async () => {
      try {
        const response = await fetch(`/api/${campaigns}/${id}?depth=0`, { credentials: 'include' })
        if (response.ok && isActive) {
          const doc = (await response.json()) as Partial<Progress>
          const next = {
            status: doc.status ?? 'draft',
            total: doc.total ?? 0,
            sent: doc.sent ?? 0,
            failed: doc.failed ?? 0,
            skipped: doc.skipped ?? 0,
          }
          setProgress(next)
          if (next.status === 'sent' || next.status === 'draft') return
        }
      } catch {
        // the next poll tries again
      }
      if (isActive) timer = setTimeout(load, POLL_MS)
    }
    void load()
    return () => {
      isActive = false
      if (timer) clearTimeout(timer)
    }
  }, [id, campaigns])

  if (!id) return <p>Save the message, then set its status to “queued” to send it.</p>
  if (!progress) return null
  const done = progress.sent + progress.failed + progress.skipped
  const percent = progress.total > 0 ? Math.round((done / progress.total) * 100) : 0
  const label = `${progress.sent} sent, ${progress.failed} failed, ${progress.skipped} skipped of ${progress.total}`
  return (
    <div style={{ marginBottom: '1.5rem' }}>
      <div style={{ fontWeight: 600, marginBottom: '0.5rem' }}>Delivery progress</div>
      <div
        role="progressbar"
        aria-label="Delivery progress"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={done}
        aria-valuetext={label}
        style={{
          height: '12px',
          borderRadius: '6px',
          background: 'var(--theme-elevation-100)',
          overflow: 'hidden',
        }}
      >
        <div
          style={{
            width: `${percent}%`,
            height: '100%',
            background:
              progress.failed > 0 ? 'var(--theme-warning-500)' : 'var(--theme-success-500)',
            transition: 'width 0.5s',
          }}
        />
      </div>
      <p style={{ marginTop: '0.5rem' }} data-testid="campaign-progress">
        {label} · {progress.status}
      </p>
    </div>
  )
}
