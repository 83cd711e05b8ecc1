import { describe, expect, it } from 'vitest'

import { lexicalToHtml, lexicalToText } from './lexical'

const doc = (...children: unknown[]) => ({ root: { type: 'root', children } })
const text = (value: string, format = 0) => ({ type: 'text', text: value, format })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children })

describe('lexicalToHtml', () => {
  it('renders paragraphs, headings, lists and text formats', () => {
    const html = lexicalToHtml(
      doc(
        { type: 'heading', tag: 'h2', children: [text('Agenda')] },
        paragraph(text('Bold', 1), text(' and '), text('italic', 2)),
        {
          type: 'list',
          listType: 'number',
          children: [{ type: 'listitem', children: [text('One')] }],
        },
      ),
    )
    expect(html).toBe(
      '<h2>Agenda</h2><p><strong>Bold</strong> and <em>italic</em></p><ol><li>One</li></ol>',
    )
  })

  it('escapes text so content cannot inject markup', () => {
    expect(lexicalToHtml(doc(paragraph(text('<script>alert(1)</script> & "q"'))))).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</p>',
    )
  })

  it('keeps safe links and drops javascript: ones', () => {
    const link = (url: string) => ({ type: 'link', fields: { url }, children: [text('here')] })
    expect(lexicalToHtml(doc(paragraph(link('https://example.com/a?b=1&c=2'))))).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2">here</a></p>',
    )
    expect(lexicalToHtml(doc(paragraph(link('javascript:alert(1)'))))).toBe('<p>here</p>')
  })

  it('demotes h1 (the page title is the only h1) and ignores unknown nodes but keeps their text', () => {
    expect(
      lexicalToHtml(
        doc(
          { type: 'heading', tag: 'h1', children: [text('T')] },
          { type: 'weird', children: [text('x')] },
        ),
      ),
    ).toBe('<h2>T</h2>x')
  })

  it('returns empty output for missing content', () => {
    expect(lexicalToHtml(null)).toBe('')
    expect(lexicalToHtml({})).toBe('')
  })
})

describe('lexicalToText', () => {
  it('flattens to one line and truncates for meta descriptions', () => {
    const content = doc(paragraph(text('First.')), paragraph(text('Second paragraph is longer.')))
    expect(lexicalToText(content)).toBe('First. Second paragraph is longer.')
    expect(lexicalToText(content, 12)).toBe('First. Seco…')
  })
})
