import { NextResponse, type NextRequest } from "next/server";
import { withSession } from "supertokens-node/nextjs";
import { ensureSuperTokensInit } from "../../config/backend";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

ensureSuperTokensInit();

// Returns the caller's session. withSession makes the SDK respond 401 when the access
// token is missing or expired (the frontend SDK then refreshes) and 403 when a claim such
// as email verification fails. Only other errors reach the handler.
export function GET(request: NextRequest) {
  return withSession(request, async (error, session) => {
    if (error || !session) {
      console.error("Reading the session failed:", error);
      return NextResponse.json(
        { message: "Internal server error" },
        { status: 500 },
      );
    }
    return NextResponse.json({
      sessionHandle: session.getHandle(),
      userId: session.getUserId(),
      accessTokenPayload: session.getAccessTokenPayload(),
    });
  });
}
