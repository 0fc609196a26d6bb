import { withSession } from "supertokens-node/custom";
import { ensureSuperTokensInit } from "../supertokens.server";
import type { Route } from "./+types/api.sessioninfo";

// Returns the caller's session. withSession makes the SDK respond 401 when the access
// token is missing or expired (the frontend SDK then refreshes) and 403 when a claim such
// as email verification fails. Only other errors reach the handler.
export function loader({ request }: Route.LoaderArgs) {
  ensureSuperTokensInit();
  return withSession(request, async (error, session) => {
    if (error || !session) {
      console.error("Reading the session failed:", error);
      return Response.json(
        { message: "Internal server error" },
        { status: 500 },
      );
    }
    return Response.json({
      sessionHandle: session.getHandle(),
      userId: session.getUserId(),
      accessTokenPayload: session.getAccessTokenPayload(),
    });
  });
}
