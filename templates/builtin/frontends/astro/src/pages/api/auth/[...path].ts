import type { APIRoute } from "astro";
import { handleAuthRequest } from "../../../lib/server/auth";

// Every method, OPTIONS included, goes to supertokens-node.
export const ALL: APIRoute = ({ request }) => handleAuthRequest(request);
