import { z } from 'zod'

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email('Enter a valid email address.')),
  password: z.string().min(1, 'Enter your password.').max(200),
})

export const signUpSchema = credentialsSchema.extend({
  password: z.string().min(8, 'Use at least 8 characters.').max(200),
  name: z.string().trim().min(1, 'Enter your name.').max(120),
})

export type SignUp = z.infer<typeof signUpSchema>
