import type { User } from '../payload-types'

export type DemoUser = Pick<User, 'email' | 'name' | 'role'> & { password: string }

export const demoUsers: DemoUser[] = [
  { email: 'admin@example.com', password: 'demo-admin-1', name: 'Ada Admin', role: 'admin' },
  {
    email: 'olivia@example.com',
    password: 'demo-organizer-1',
    name: 'Olivia Organizer',
    role: 'organizer',
  },
  {
    email: 'oscar@example.com',
    password: 'demo-organizer-2',
    name: 'Oscar Organizer',
    role: 'organizer',
  },
  { email: 'alice@example.com', password: 'demo-user-1', name: 'Alice Attendee', role: 'user' },
  { email: 'bob@example.com', password: 'demo-user-2', name: 'Bob Attendee', role: 'user' },
  { email: 'carol@example.com', password: 'demo-user-3', name: 'Carol Attendee', role: 'user' },
]
