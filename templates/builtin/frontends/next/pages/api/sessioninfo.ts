import type { NextApiRequest, NextApiResponse } from "next";
import { superTokensNextWrapper } from "supertokens-node/nextjs";
import { verifySession } from "supertokens-node/recipe/session/framework/express";
import type { SessionRequest } from "supertokens-node/framework/express";
import { ensureSuperTokensInit } from "../../config/backend";

export const config = { runtime: "nodejs" };

ensureSuperTokensInit();

// Returns the caller's session. verifySession makes the SDK respond 401 when the access
// token is missing or expired (the frontend SDK then refreshes) and 403 when a claim such
// as email verification fails.
export default async function sessionInfo(
  req: NextApiRequest & SessionRequest,
  res: NextApiResponse,
) {
  await superTokensNextWrapper(
    async (next) => {
      await verifySession()(req, res, next);
    },
    req,
    res,
  );
  if (res.writableEnded) {
    return;
  }
  const session = req.session!;
  res.status(200).json({
    sessionHandle: session.getHandle(),
    userId: session.getUserId(),
    accessTokenPayload: session.getAccessTokenPayload(),
  });
}
