'use client'

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'

import type { OrganizerDashboard } from '../services/analytics/organizerDashboard'

type SeatRow = Omit<OrganizerDashboard['events'][number], 'fill'>

/** Charts of the analytics pages, in their own module so the chart library loads on its own. */
export function RegistrationsChart({ rows }: { rows: OrganizerDashboard['registrationsByDay'] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Line type="monotone" dataKey="registrations" name="Registrations" stroke="#2563eb" />
        <Line type="monotone" dataKey="cancellations" name="Cancellations" stroke="#dc2626" />
      </LineChart>
    </ResponsiveContainer>
  )
}

export function SeatsChart({ events }: { events: SeatRow[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={events} layout="vertical" margin={{ left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="title" width={200} />
        <Tooltip />
        <Legend />
        <Bar dataKey="confirmed" name="Confirmed" stackId="seats" fill="#16a34a" />
        <Bar dataKey="pending" name="Held (paying)" stackId="seats" fill="#ca8a04" />
        <Bar dataKey="waitlisted" name="Waitlist" fill="#7c3aed" />
      </BarChart>
    </ResponsiveContainer>
  )
}

export function RegistrationsBarChart({
  rows,
}: {
  rows: { day: string; registrations: number }[]
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Bar dataKey="registrations" name="Registrations" fill="#2563eb" />
      </BarChart>
    </ResponsiveContainer>
  )
}
