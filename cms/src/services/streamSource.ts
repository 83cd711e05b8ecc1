/** What the player needs to know about a video address to play it. */
export type StreamSource =
  | { kind: 'youtube'; url: string; embedUrl: string }
  | { kind: 'vimeo'; url: string; embedUrl: string }
  | { kind: 'hls'; url: string }
  | { kind: 'file'; url: string }

const YOUTUBE_ID = /^[\w-]{6,20}$/
const FILE_EXTENSIONS = /\.(mp4|m4v|webm|ogv)$/i

/** Classifies a stream or recording address, or returns null for one no player here can play. */
export function parseStreamSource(address: string): StreamSource | null {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  const host = url.hostname.replace(/^www\./, '')
  if (host === 'youtube.com' || host === 'youtu.be' || host === 'youtube-nocookie.com') {
    const id =
      host === 'youtu.be'
        ? url.pathname.slice(1)
        : url.pathname.startsWith('/watch')
          ? url.searchParams.get('v')
          : url.pathname.match(/^\/(?:live|embed)\/([^/]+)/)?.[1]
    if (!id || !YOUTUBE_ID.test(id)) return null
    return {
      kind: 'youtube',
      url: address,
      embedUrl: `https://www.youtube-nocookie.com/embed/${id}`,
    }
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = url.pathname.match(/(\d{5,})/)?.[1]
    if (!id) return null
    return { kind: 'vimeo', url: address, embedUrl: `https://player.vimeo.com/video/${id}` }
  }
  if (url.pathname.toLowerCase().endsWith('.m3u8')) return { kind: 'hls', url: address }
  if (FILE_EXTENSIONS.test(url.pathname)) return { kind: 'file', url: address }
  return null
}

export const STREAM_SOURCE_HINT =
  'Use a YouTube or Vimeo link, an HLS playlist (.m3u8) or a video file (.mp4, .webm).'

/** Field validation for videoUrl and recordingUrl. */
export const validateStreamUrl = (value: string | null | undefined): true | string =>
  !value ||
  parseStreamSource(value) !== null ||
  `Not a playable video address. ${STREAM_SOURCE_HINT}`
