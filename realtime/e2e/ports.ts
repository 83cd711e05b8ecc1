/** Fixed ports for the browser test, inside this workspace's ranges (cms 3250-3299, realtime 3300-3399). */
export const E2E_PORTS = { cms: 3290, realtime: 3390, site: 3391 }
