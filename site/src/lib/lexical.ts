/**
 * Renders Payload's Lexical JSON to HTML. Every text is escaped and only a
 * known set of nodes and safe link protocols is emitted, so an editor's
 * content can never inject markup or script.
 */
type LexicalNode = {
  type?: unknown
  children?: unknown
  text?: unknown
  format?: unknown
  tag?: unknown
  listType?: unknown
  url?: unknown
  fields?: unknown
  value?: unknown
}

const TEXT_FORMATS: [bit: number, tag: string][] = [
  [16, 'code'],
  [1, 'strong'],
  [2, 'em'],
  [8, 'u'],
  [4, 's'],
  [32, 'sub'],
  [64, 'sup'],
]

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const ALIGNMENTS = new Set(['left', 'center', 'right', 'justify'])

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const url = value.trim()
  if (url.startsWith('/') && !url.startsWith('//')) return url
  if (url.startsWith('#')) return url
  try {
    const parsed = new URL(url)
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined
  } catch {
    return undefined
  }
}

function renderChildren(node: LexicalNode): string {
  return Array.isArray(node.children)
    ? node.children.map((child) => renderNode(child as LexicalNode)).join('')
    : ''
}

function alignment(node: LexicalNode): string {
  return typeof node.format === 'string' && ALIGNMENTS.has(node.format)
    ? ` style="text-align:${node.format}"`
    : ''
}

function renderNode(node: LexicalNode): string {
  if (!node || typeof node !== 'object') return ''
  switch (node.type) {
    case 'text': {
      let html = escapeHtml(typeof node.text === 'string' ? node.text : '')
      const format = typeof node.format === 'number' ? node.format : 0
      for (const [bit, tag] of TEXT_FORMATS) {
        if (format & bit) html = `<${tag}>${html}</${tag}>`
      }
      return html
    }
    case 'linebreak':
      return '<br>'
    case 'tab':
      return ' '
    case 'paragraph':
      return `<p${alignment(node)}>${renderChildren(node)}</p>`
    case 'heading': {
      const tag = typeof node.tag === 'string' && HEADINGS.has(node.tag) ? node.tag : 'h2'
      // The page title is the only h1.
      const level = tag === 'h1' ? 'h2' : tag
      return `<${level}${alignment(node)}>${renderChildren(node)}</${level}>`
    }
    case 'quote':
      return `<blockquote>${renderChildren(node)}</blockquote>`
    case 'list': {
      const tag = node.listType === 'number' ? 'ol' : 'ul'
      return `<${tag}>${renderChildren(node)}</${tag}>`
    }
    case 'listitem':
      return `<li>${renderChildren(node)}</li>`
    case 'horizontalrule':
      return '<hr>'
    case 'link':
    case 'autolink': {
      const fields = (node.fields ?? {}) as { url?: unknown; newTab?: unknown }
      const href = safeUrl(fields.url ?? node.url)
      if (!href) return renderChildren(node)
      const newTab = fields.newTab === true ? ' target="_blank" rel="noopener noreferrer"' : ''
      return `<a href="${escapeHtml(href)}"${newTab}>${renderChildren(node)}</a>`
    }
    case 'upload': {
      const value = (node.value ?? {}) as { url?: unknown; alt?: unknown; mimeType?: unknown }
      const src = safeUrl(value.url)
      if (!src || typeof value.mimeType !== 'string' || !value.mimeType.startsWith('image/')) {
        return ''
      }
      const alt = typeof value.alt === 'string' ? value.alt : ''
      return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" loading="lazy">`
    }
    default:
      // Unknown blocks keep their text but lose their markup.
      return renderChildren(node)
  }
}

export function lexicalToHtml(content: unknown): string {
  if (!content || typeof content !== 'object' || !('root' in content)) return ''
  return renderChildren((content as { root: LexicalNode }).root)
}

/** Plain text for meta descriptions. */
export function lexicalToText(content: unknown, maxLength = 160): string {
  const parts: string[] = []
  const walk = (node: LexicalNode) => {
    if (typeof node?.text === 'string') parts.push(node.text)
    if (Array.isArray(node?.children)) node.children.forEach((child) => walk(child as LexicalNode))
    if (node?.type === 'paragraph' || node?.type === 'heading') parts.push(' ')
  }
  if (content && typeof content === 'object' && 'root' in content) {
    walk((content as { root: LexicalNode }).root)
  }
  const text = parts.join('').replace(/\s+/g, ' ').trim()
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text
}
