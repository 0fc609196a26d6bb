import type { Config } from "@react-router/dev/config";

export default {
  // Server rendering is on: the auth API and the session check of the dashboard run in
  // this app's server.
  ssr: true,
  // Opts in to the React Router 8 behavior now, which also keeps the build free of
  // future-flag warnings.
  future: {
    v8_middleware: true,
    v8_passThroughRequests: true,
    v8_splitRouteModules: true,
    v8_trailingSlashAwareDataRequests: true,
    v8_viteEnvironmentApi: true,
  },
} satisfies Config;
