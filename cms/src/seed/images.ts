import sharp from 'sharp'

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** A 1280×720 PNG cover drawn locally, so the demo needs no network. */
export async function coverImage(title: string, color: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="#111827"/>
  </linearGradient></defs>
  <rect width="1280" height="720" fill="url(#g)"/>
  <text x="80" y="620" font-family="sans-serif" font-size="64" font-weight="700" fill="#fff">${escapeXml(title)}</text>
</svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}
