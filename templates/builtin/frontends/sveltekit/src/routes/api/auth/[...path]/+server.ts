import type { RequestHandler } from "./$types";
import { handleAuthRequest } from "#lib/server/auth.ts";

// Every method, OPTIONS included, goes to supertokens-node.
export const fallback: RequestHandler = ({ request }) =>
  handleAuthRequest(request);
