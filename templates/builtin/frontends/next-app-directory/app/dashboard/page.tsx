import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getSSRSession } from "supertokens-node/nextjs";
import { ensureSuperTokensInit } from "../config/backend";
import { SessionInfo } from "./sessionInfo";

ensureSuperTokensInit();

// getSSRSession verifies the access token from the cookie against the core's JWKS. It
// never refreshes the session, because tokens refreshed during a server render would not
// reach the browser. An expired token goes to /refresh-session instead.
export default async function DashboardPage() {
  const cookieStore = await cookies();
  const { accessTokenPayload, hasToken, error } = await getSSRSession(
    cookieStore.getAll(),
  );

  if (error) {
    throw error;
  }
  if (!hasToken) {
    redirect("/auth?redirectToPath=%2Fdashboard");
  }
  if (accessTokenPayload === undefined) {
    redirect("/refresh-session?redirectToPath=%2Fdashboard");
  }

  return (
    <main>
      <h1>Dashboard</h1>
      <SessionInfo />
    </main>
  );
}
