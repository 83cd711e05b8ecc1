import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { cmsSecurityHeaders, MAX_UPLOAD_BODY_BYTES } from './src/lib/securityHeaders'

const nextConfig: NextConfig = {
  poweredByHeader: false,
  headers: async () => [{ source: '/:path*', headers: cmsSecurityHeaders }],
  // `npm run typecheck` checks types; the build need not do it a second time.
  typescript: { ignoreBuildErrors: true },
  // Payload reports errors by class name; minified names would turn them into "unknown error".
  experimental: {
    serverMinification: false,
    // src/proxy.ts sees every /api body; Next would cut uploads past its 10 MB default.
    proxyClientMaxBodySize: MAX_UPLOAD_BODY_BYTES,
  },
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
