import { useEffect, useRef, useState } from 'react'

import type { StreamSource } from '../../lib/schemas'
import ChatReplay from './ChatReplay'
import { useHeartbeat } from './useHeartbeat'

type Props = {
  eventId: number
  title: string
  source: StreamSource
  /** The stream token for the replay and attendance calls, and when it expires. */
  token: string
  tokenExpiresAt: string
  /** Live: report attendance. Recording: replay the chat beside the video. */
  mode: 'live' | 'recording'
  captionsUrl?: string | null
  /** A session's own chat replay (its offsets count from the session's start). */
  replayPath?: string
}

/** Plays YouTube and Vimeo in their own embeds, HLS through hls.js, and files natively. */
export default function Player({
  eventId,
  title,
  source,
  token,
  tokenExpiresAt,
  mode,
  captionsUrl,
  replayPath,
}: Props) {
  const videoRef = useRef<HTMLVideoElement>(null)
  const [currentTime, setCurrentTime] = useState(0)
  const [failure, setFailure] = useState<string | null>(null)
  useHeartbeat(mode === 'live' ? { eventId, token, tokenExpiresAt } : null)

  useEffect(() => {
    const video = videoRef.current
    if (!video || source.kind !== 'hls') return
    if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = source.url
      return
    }
    let destroy = () => {}
    void import('hls.js').then(({ default: Hls }) => {
      if (!Hls.isSupported()) {
        setFailure('This browser cannot play the stream.')
        return
      }
      const hls = new Hls()
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (data.fatal) setFailure('The stream could not be loaded. It may not have started yet.')
      })
      hls.loadSource(source.url)
      hls.attachMedia(video)
      destroy = () => hls.destroy()
    })
    return () => destroy()
  }, [source])

  if (source.kind === 'youtube' || source.kind === 'vimeo') {
    return (
      <div className="player">
        <iframe
          className="player-frame"
          src={source.embedUrl}
          title={`${title}: video`}
          allow="autoplay; fullscreen; picture-in-picture"
          allowFullScreen
        />
        {mode === 'recording' && (
          <p className="notice">The chat replay follows videos played here, not embedded ones.</p>
        )}
      </div>
    )
  }

  return (
    <div className={mode === 'recording' ? 'player player-with-replay' : 'player'}>
      <video
        ref={videoRef}
        className="player-video"
        src={source.kind === 'file' ? source.url : undefined}
        controls
        playsInline
        preload="metadata"
        aria-label={`${title}: ${mode === 'live' ? 'live stream' : 'recording'}`}
        onTimeUpdate={(event) => setCurrentTime(event.currentTarget.currentTime)}
        onSeeked={(event) => setCurrentTime(event.currentTarget.currentTime)}
        onError={() => setFailure('The video could not be loaded.')}
      >
        {captionsUrl && <track kind="captions" src={captionsUrl} srcLang="en" label="Captions" />}
      </video>
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      {mode === 'recording' && (
        <ChatReplay
          eventId={eventId}
          token={token}
          currentTime={currentTime}
          replayPath={replayPath}
        />
      )}
    </div>
  )
}
