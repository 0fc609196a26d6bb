import type { RequestHandler } from "./$types";
import { getSessionInfo } from "#lib/server/auth.ts";

export const GET: RequestHandler = ({ request }) => getSessionInfo(request);
