export const demoCategories = [
  { name: 'Technology', slug: 'technology', color: '#2563eb' },
  { name: 'Business', slug: 'business', color: '#059669' },
  { name: 'Design', slug: 'design', color: '#d946ef' },
  { name: 'Health', slug: 'health', color: '#f97316' },
  { name: 'Music', slug: 'music', color: '#7c3aed' },
] as const

export type DemoCategorySlug = (typeof demoCategories)[number]['slug']
