import type { GetServerSideProps } from "next";
import { getSSRSession } from "supertokens-node/nextjs";
import { SessionInfo } from "../components/SessionInfo";
import { ensureSuperTokensInit } from "../config/backend";

// getSSRSession verifies the access token from the cookie against the core's JWKS. It
// never refreshes the session, because tokens refreshed during a server render would not
// reach the browser. An expired token goes to /refresh-session instead.
export const getServerSideProps: GetServerSideProps = async ({ req }) => {
  ensureSuperTokensInit();
  const cookies = Object.entries(req.cookies).map(([name, value]) => ({
    name,
    value: value ?? "",
  }));
  const { accessTokenPayload, hasToken, error } = await getSSRSession(cookies);

  if (error) {
    throw error;
  }
  if (!hasToken) {
    return {
      redirect: {
        destination: "/auth?redirectToPath=%2Fdashboard",
        permanent: false,
      },
    };
  }
  if (accessTokenPayload === undefined) {
    return {
      redirect: {
        destination: "/refresh-session?redirectToPath=%2Fdashboard",
        permanent: false,
      },
    };
  }
  return { props: {} };
};

export default function DashboardPage() {
  return (
    <main>
      <h1>Dashboard</h1>
      <SessionInfo />
    </main>
  );
}
