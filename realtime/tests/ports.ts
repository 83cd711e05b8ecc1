import net from 'node:net'

/**
 * A port in [from, to] that is free right now (the range this workspace's tests own).
 * REALTIME_PORT_RANGE ("5650-5699") moves every test and bench port into one range, for
 * machines where several checkouts run side by side.
 */
export async function freePortIn(defaultFrom: number, defaultTo: number): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.REALTIME_PORT_RANGE ?? '')
  const [from, to] = range ? [Number(range[1]), Number(range[2])] : [defaultFrom, defaultTo]
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = from + Math.floor(Math.random() * (to - from + 1))
    const isFree = await new Promise<boolean>((resolve) => {
      const server = net.createServer()
      server.once('error', () => resolve(false))
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
    })
    if (isFree) return port
  }
  throw new Error(`no free port in ${from}-${to}`)
}
