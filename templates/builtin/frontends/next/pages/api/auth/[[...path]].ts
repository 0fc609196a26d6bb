import type { NextApiRequest, NextApiResponse } from "next";
import supertokens from "supertokens-node";
import { middleware } from "supertokens-node/framework/express";
import { superTokensNextWrapper } from "supertokens-node/nextjs";
import {
  ensureSuperTokensInit,
  getWebsiteDomain,
} from "../../../config/backend";

// supertokens-node uses Node.js built-ins, so this route must not run on the Edge runtime.
export const config = { runtime: "nodejs" };

ensureSuperTokensInit();

const noStore = "no-cache, no-store, max-age=0, must-revalidate";

// Serves the SuperTokens auth API. Every response is marked uncacheable: a cached auth
// response (some hosts cache responses without Cache-Control) breaks session refresh.
export default async function authApi(
  req: NextApiRequest,
  res: NextApiResponse,
) {
  res.setHeader("Cache-Control", noStore);

  // Browsers send CORS requests only when API_DOMAIN and WEBSITE_DOMAIN differ, that is
  // when a website on another origin calls this auth API.
  const websiteDomain = getWebsiteDomain();
  if (req.headers.origin === websiteDomain) {
    res.setHeader("Access-Control-Allow-Origin", websiteDomain);
    res.setHeader("Access-Control-Allow-Credentials", "true");
    res.setHeader("Vary", "Origin");
  }
  if (req.method === "OPTIONS") {
    // The SDK leaves preflight requests to the framework.
    res.setHeader(
      "Access-Control-Allow-Methods",
      "GET, POST, PUT, DELETE, PATCH, OPTIONS",
    );
    res.setHeader(
      "Access-Control-Allow-Headers",
      ["content-type", ...supertokens.getAllCORSHeaders()].join(", "),
    );
    res.status(204).end();
    return;
  }
  if (req.method === "HEAD") {
    // The SDK routes only GET; Node.js drops the body of a response to a HEAD request.
    req.method = "GET";
  }

  await superTokensNextWrapper(
    async (next) => {
      await middleware()(req, res, next);
    },
    req,
    res,
  );
  if (!res.writableEnded) {
    res.status(404).send("Not found");
  }
}
