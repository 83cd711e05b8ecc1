import type { CollectionConfig, Field } from 'payload'

type SlugMap = Record<string, string>

const renameOne = (slug: string, map: SlugMap) => map[slug] ?? slug

const renameMany = <T extends string | string[]>(value: T, map: SlugMap): T =>
  (Array.isArray(value) ? value.map((slug) => renameOne(slug, map)) : renameOne(value, map)) as T

type Fields = { fields: Field[] }

function renameField(field: Field, map: SlugMap): Field {
  const renamed: Record<string, unknown> = { ...field }
  if (typeof renamed.relationTo === 'string' || Array.isArray(renamed.relationTo)) {
    renamed.relationTo = renameMany(renamed.relationTo as string | string[], map)
  }
  if (field.type === 'join') renamed.collection = renameMany(field.collection, map)
  if ('fields' in field && Array.isArray(field.fields)) {
    renamed.fields = field.fields.map((child) => renameField(child, map))
  }
  const withFields = <T extends Fields>(parts: T[]) =>
    parts.map((part) => ({ ...part, fields: part.fields.map((child) => renameField(child, map)) }))
  if (field.type === 'tabs') renamed.tabs = withFields(field.tabs)
  if (field.type === 'blocks' && field.blocks) renamed.blocks = withFields(field.blocks)
  return renamed as Field
}

/**
 * The collection files are written with the default slugs (`slug: 'events'`,
 * `relationTo: 'users'`); this gives a collection the host's slugs for itself and for every
 * collection its fields point at.
 */
export function renameSlugs(collection: CollectionConfig, map: SlugMap): CollectionConfig {
  return {
    ...collection,
    slug: renameOne(collection.slug, map),
    fields: collection.fields.map((field) => renameField(field, map)),
  }
}
