import { redirect } from "react-router";
import { getSessionForSSR } from "supertokens-node/custom";
import { SessionInfo } from "../components/SessionInfo";
import { ensureSuperTokensInit } from "../supertokens.server";
import type { Route } from "./+types/dashboard";

// getSessionForSSR verifies the access token from the cookie against the core's JWKS. It
// never refreshes the session, because tokens refreshed on the server would not reach the
// browser. An expired token goes to /refresh-session instead.
export async function loader({ request }: Route.LoaderArgs) {
  ensureSuperTokensInit();
  const { accessTokenPayload, hasToken, error } =
    await getSessionForSSR(request);

  if (error) {
    throw error;
  }
  if (!hasToken) {
    throw redirect("/auth?redirectToPath=%2Fdashboard");
  }
  if (accessTokenPayload === undefined) {
    throw redirect("/refresh-session?redirectToPath=%2Fdashboard");
  }
  return null;
}

export default function Dashboard() {
  return (
    <main>
      <h1>Dashboard</h1>
      <SessionInfo />
    </main>
  );
}
