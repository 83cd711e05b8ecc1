import type { User } from './lib/schemas'

declare global {
  namespace App {
    interface Locals {
      user: User | null
      token: string | null
    }
  }
}

export {}
