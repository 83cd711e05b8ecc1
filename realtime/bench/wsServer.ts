// The reference: the same fan-out over a plain `ws` server (no rooms, auth, storage or Redis).
import { WebSocketServer } from 'ws'

const port = Number(process.env.PORT)
const server = new WebSocketServer({ port, host: '127.0.0.1' })
let nextId = 1
server.on('connection', (socket) => {
  socket.on('message', (data) => {
    const { text, clientId } = JSON.parse(String(data)) as { text: string; clientId: string }
    const frame = JSON.stringify({ id: nextId++, text, clientId })
    for (const client of server.clients) client.send(frame)
  })
})
server.on('listening', () => process.send?.({ type: 'listening' }))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
