import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("auth/*", "routes/auth.tsx"),
  route("dashboard", "routes/dashboard.tsx"),
  route("refresh-session", "routes/refresh-session.tsx"),
  route("api/auth/*", "routes/api.auth.$.ts"),
  route("api/sessioninfo", "routes/api.sessioninfo.ts"),
] satisfies RouteConfig;
