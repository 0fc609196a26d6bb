import { NextRequest } from "next/server";
import supertokens from "supertokens-node";
import { getAppDirRequestHandler } from "supertokens-node/nextjs";
import {
  ensureSuperTokensInit,
  getWebsiteDomain,
} from "../../../config/backend";

// supertokens-node uses Node.js built-ins, so this route must not run on the Edge runtime.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

ensureSuperTokensInit();

const handleAuthApiCall = getAppDirRequestHandler();
const noStore = "no-cache, no-store, max-age=0, must-revalidate";

// Adds CORS headers for the website origin. Browsers need them only when API_DOMAIN and
// WEBSITE_DOMAIN differ, that is when a website on another origin calls this auth API.
function withCors(request: NextRequest, response: Response): Response {
  const websiteDomain = getWebsiteDomain();
  if (request.headers.get("origin") === websiteDomain) {
    response.headers.set("Access-Control-Allow-Origin", websiteDomain);
    response.headers.set("Access-Control-Allow-Credentials", "true");
    response.headers.append("Vary", "Origin");
  }
  return response;
}

async function handleAuthRequest(request: NextRequest): Promise<Response> {
  let response: Response;
  try {
    response = await handleAuthApiCall(request);
  } catch (error) {
    // The SDK's error handler responds to session and input errors itself. What reaches this
    // point is unexpected, for example an unreachable SuperTokens core.
    console.error(
      `${request.method} ${request.nextUrl.pathname} failed:`,
      error,
    );
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

// The SDK routes only GET, so a HEAD request gets the GET response without its body.
export async function HEAD(request: NextRequest): Promise<Response> {
  const response = await handleAuthRequest(
    new NextRequest(request, { method: "GET" }),
  );
  return new Response(null, {
    status: response.status,
    headers: response.headers,
  });
}

// Responds to CORS preflight requests, which the SDK leaves to the framework.
export function OPTIONS(request: NextRequest): Response {
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

export {
  handleAuthRequest as DELETE,
  handleAuthRequest as GET,
  handleAuthRequest as PATCH,
  handleAuthRequest as POST,
  handleAuthRequest as PUT,
};
