import type { APIRoute } from "astro";
import { getSessionInfo } from "../../lib/server/auth";

export const GET: APIRoute = ({ request }) => getSessionInfo(request);
