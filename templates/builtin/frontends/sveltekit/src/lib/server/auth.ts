import { existsSync } from "node:fs";
import supertokens from "supertokens-node";
import {
  getSessionForSSR,
  handleAuthAPIRequest,
  withPreParsedRequestResponse,
} from "supertokens-node/custom";
import Session from "supertokens-node/recipe/session";
import { ensureSuperTokensInit, getWebsiteDomain } from "./supertokens";

// `npm start` loads .env with --env-file-if-exists, but `npm run dev` does not. Variables
// already set in the environment keep their values in both cases.
if (existsSync(".env")) {
  process.loadEnvFile(".env");
}
ensureSuperTokensInit();

const handleSuperTokensRequest = handleAuthAPIRequest();

function setCorsHeaders(headers: Headers): void {
  headers.set("Access-Control-Allow-Origin", getWebsiteDomain());
  headers.set("Access-Control-Allow-Credentials", "true");
  headers.append("Vary", "Origin");
}

// Handles every request under /api/auth. supertokens-node does not respond to CORS
// preflights, so this function does, allowing the SDK's own list of request headers.
export async function handleAuthRequest(request: Request): Promise<Response> {
  if (request.method === "OPTIONS") {
    const headers = new Headers();
    setCorsHeaders(headers);
    headers.set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
    headers.set(
      "Access-Control-Allow-Headers",
      ["content-type", ...supertokens.getAllCORSHeaders()].join(", "),
    );
    return new Response(null, { status: 204, headers });
  }
  let response: Response;
  try {
    response = await handleSuperTokensRequest(request);
  } catch (error) {
    // The SDK parses JSON from the client (the body, or the state of an OAuth callback)
    // and throws a SyntaxError when it is malformed. That is a client error, so it gets a
    // 400 instead of a 500.
    if (!(error instanceof SyntaxError)) {
      throw error;
    }
    const path = new URL(request.url).pathname;
    console.warn(
      `Rejected ${request.method} ${path}: invalid JSON (${error.message})`,
    );
    response = Response.json(
      { message: "The request contains invalid JSON." },
      { status: 400 },
    );
  }
  setCorsHeaders(response.headers);
  return response;
}

// Returns the session of the request as JSON. Without a valid session, the SDK's error
// handler responds with 401 when the access token is missing or expired (the frontend SDK
// then refreshes it) and with 403 when a session claim such as email verification fails.
export function getSessionInfo(request: Request): Promise<Response> {
  return withPreParsedRequestResponse(
    request,
    async (baseRequest, baseResponse) => {
      const session = await Session.getSession(baseRequest, baseResponse);
      return Response.json({
        sessionHandle: session.getHandle(),
        userId: session.getUserId(),
        accessTokenPayload: session.getAccessTokenPayload(),
      });
    },
  );
}

export type VerifiedSession = {
  userId: string;
  accessTokenPayload: Record<string, unknown>;
};

// Verifies the access token cookie of a page request against the core's signing keys. It
// never refreshes the session, because tokens refreshed during server rendering would not
// reach the browser. The browser refreshes an expired token instead.
export async function verifySessionToken(
  request: Request,
): Promise<{ session: VerifiedSession | null; hasToken: boolean }> {
  const { accessTokenPayload, hasToken, error } =
    await getSessionForSSR(request);
  if (error) {
    throw error;
  }
  if (accessTokenPayload?.sub === undefined) {
    return { session: null, hasToken };
  }
  return {
    session: { userId: accessTokenPayload.sub, accessTokenPayload },
    hasToken,
  };
}
