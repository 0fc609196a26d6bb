import supertokens from "supertokens-node";
import { handleAuthAPIRequest } from "supertokens-node/custom";
import { getWebsiteDomain } from "../config/backend.server";
import { ensureSuperTokensInit } from "../supertokens.server";
import type { Route } from "./+types/api.auth.$";

const handleAuthApiCall = handleAuthAPIRequest();
const noStore = "no-cache, no-store, max-age=0, must-revalidate";

// Adds CORS headers for the website origin. Browsers need them only when API_DOMAIN and
// WEBSITE_DOMAIN differ, that is when a website on another origin calls this auth API.
function withCors(request: Request, response: Response): Response {
  const websiteDomain = getWebsiteDomain();
  if (request.headers.get("origin") === websiteDomain) {
    response.headers.set("Access-Control-Allow-Origin", websiteDomain);
    response.headers.set("Access-Control-Allow-Credentials", "true");
    response.headers.append("Vary", "Origin");
  }
  return response;
}

// Responds to CORS preflight requests, which the SDK leaves to the framework.
function handlePreflight(request: Request): Response {
  ensureSuperTokensInit();
  const response = new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, PATCH, OPTIONS",
      "Access-Control-Allow-Headers": [
        "content-type",
        ...supertokens.getAllCORSHeaders(),
      ].join(", "),
      "Cache-Control": noStore,
    },
  });
  return withCors(request, response);
}

async function handleAuthRequest(request: Request): Promise<Response> {
  ensureSuperTokensInit();
  let response: Response;
  try {
    response = await handleAuthApiCall(request);
  } catch (error) {
    // The SDK's error handler responds to session and input errors itself. What reaches
    // this point is unexpected, for example an unreachable SuperTokens core.
    const { pathname } = new URL(request.url);
    console.error(`${request.method} ${pathname} failed:`, error);
    response = Response.json(
      { message: "Internal server error" },
      { status: 500 },
    );
  }
  // The SDK sets Cache-Control only on responses that change cookies or headers. A cached
  // auth response (some hosts cache responses without the header) breaks session refresh.
  if (!response.headers.has("Cache-Control")) {
    response.headers.set("Cache-Control", noStore);
  }
  return withCors(request, response);
}

// React Router calls the loader for GET, HEAD and OPTIONS requests and the action for the
// other methods, so both dispatch here.
function dispatch(request: Request): Promise<Response> | Response {
  if (request.method === "OPTIONS") {
    return handlePreflight(request);
  }
  if (request.method === "HEAD") {
    // The SDK routes only GET; React Router drops the body of the response to HEAD.
    return handleAuthRequest(new Request(request, { method: "GET" }));
  }
  return handleAuthRequest(request);
}

export function loader({ request }: Route.LoaderArgs) {
  return dispatch(request);
}

export function action({ request }: Route.ActionArgs) {
  return dispatch(request);
}
