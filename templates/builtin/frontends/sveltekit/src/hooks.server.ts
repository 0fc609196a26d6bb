import type { Handle } from "@sveltejs/kit/hooks";
import { verifySessionToken } from "#lib/server/auth.ts";

// Pages see the verified session in event.locals. API routes are skipped: the SDK verifies
// (and refreshes) sessions there itself.
export const handle: Handle = async ({ event, resolve }) => {
  if (event.url.pathname.startsWith("/api/")) {
    event.locals.session = null;
    event.locals.hasSessionToken = false;
    return resolve(event);
  }
  const { session, hasToken } = await verifySessionToken(event.request);
  event.locals.session = session;
  event.locals.hasSessionToken = hasToken;
  return resolve(event);
};
