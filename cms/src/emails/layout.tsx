import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components'
import type { ReactNode } from 'react'

const styles = {
  body: { backgroundColor: '#f4f4f7', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0 },
  container: {
    backgroundColor: '#ffffff',
    margin: '24px auto',
    padding: '24px',
    maxWidth: '560px',
    width: '100%',
    borderRadius: '8px',
  },
  heading: { fontSize: '22px', color: '#111827', margin: '0 0 16px' },
  text: { fontSize: '15px', lineHeight: '24px', color: '#1f2937' },
  button: {
    backgroundColor: '#4f46e5',
    color: '#ffffff',
    padding: '12px 20px',
    borderRadius: '6px',
    fontSize: '15px',
    textDecoration: 'none',
  },
  footer: { fontSize: '12px', lineHeight: '18px', color: '#6b7280' },
} as const

export function EmailLayout({
  preview,
  heading,
  children,
  action,
  footer,
}: {
  preview: string
  heading: string
  children: ReactNode
  action?: { label: string; href: string }
  footer?: ReactNode
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          {action ? (
            <Section style={{ margin: '24px 0' }}>
              <Button href={action.href} style={styles.button}>
                {action.label}
              </Button>
            </Section>
          ) : null}
          <Hr />
          <Text style={styles.footer}>
            Event Portal · you receive this because of your account or registration.
          </Text>
          {footer}
        </Container>
      </Body>
    </Html>
  )
}

export function P({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>
}

export function FooterLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Text style={styles.footer}>
      <Link href={href}>{children}</Link>
    </Text>
  )
}
