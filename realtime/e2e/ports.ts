// Fixed ports for the browser test, inside this workspace's ranges (cms 3250-3299, realtime
// 3300-3399), or the last three of REALTIME_PORT_RANGE ("5650-5699") when it is set.
const range = /^(\d+)-(\d+)$/.exec(process.env.REALTIME_PORT_RANGE ?? '')
const last = range ? Number(range[2]) : 0

export const E2E_PORTS = range
  ? { cms: last - 2, realtime: last - 1, site: last }
  : { cms: 3290, realtime: 3390, site: 3391 }
