import "../scripts/init-supertokens";
import { useEffect, useState } from "react";
import { SuperTokensWrapper } from "supertokens-auth-react";
import Session, { SessionAuth } from "supertokens-auth-react/recipe/session";

// The JSON body of GET /api/sessioninfo.
type SessionInfo = {
  sessionHandle: string;
  userId: string;
  accessTokenPayload: Record<string, unknown>;
};

function SessionDetails() {
  const [sessionInfo, setSessionInfo] = useState<SessionInfo>();
  const [error, setError] = useState<string>();

  // The SDK intercepts fetch, adding the session and refreshing it after a 401.
  useEffect(() => {
    async function loadSessionInfo() {
      const response = await fetch("/api/sessioninfo");
      if (!response.ok) {
        setError(`GET /api/sessioninfo failed with status ${response.status}.`);
        return;
      }
      setSessionInfo((await response.json()) as SessionInfo);
    }
    void loadSessionInfo();
  }, []);

  async function onSignOut() {
    await Session.signOut();
    window.location.assign("/");
  }

  return (
    <>
      {sessionInfo !== undefined ? (
        <>
          <p>
            Your user id: <code>{sessionInfo.userId}</code>
          </p>
          <p>
            The protected route <code>/api/sessioninfo</code> returned:
          </p>
          <pre>{JSON.stringify(sessionInfo, null, 2)}</pre>
        </>
      ) : error !== undefined ? (
        <p role="alert">{error}</p>
      ) : (
        <p>Loading your session…</p>
      )}
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
    </>
  );
}

// SessionAuth renders its children only with a session. Without one it sends the browser to
// the sign-in page, and an expired access token is refreshed first.
export default function Dashboard() {
  return (
    <SuperTokensWrapper>
      <SessionAuth>
        <SessionDetails />
      </SessionAuth>
    </SuperTokensWrapper>
  );
}
