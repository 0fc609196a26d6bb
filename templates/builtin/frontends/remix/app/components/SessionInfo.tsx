import { useEffect, useState } from "react";
import { SessionAuth, signOut } from "supertokens-auth-react/recipe/session";

type SessionInfoResponse = {
  sessionHandle: string;
  userId: string;
  accessTokenPayload: Record<string, unknown>;
};

function SessionDetails() {
  const [sessionInfo, setSessionInfo] = useState<SessionInfoResponse | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // The frontend SDK intercepts fetch: it attaches the session and refreshes it on a 401.
    fetch("/api/sessioninfo")
      .then(async (response) => {
        if (!response.ok) {
          throw new Error(`GET /api/sessioninfo returned ${response.status}`);
        }
        setSessionInfo((await response.json()) as SessionInfoResponse);
      })
      .catch((reason: unknown) => setError(String(reason)));
  }, []);

  async function handleSignOut() {
    await signOut();
    window.location.href = "/auth";
  }

  return (
    <>
      {error && <p role="alert">{error}</p>}
      {sessionInfo ? (
        <>
          <p>
            Your user id: <code>{sessionInfo.userId}</code>
          </p>
          <pre>{JSON.stringify(sessionInfo.accessTokenPayload, null, 2)}</pre>
        </>
      ) : (
        !error && <p>Loading session…</p>
      )}
      <button type="button" onClick={handleSignOut}>
        Sign out
      </button>
    </>
  );
}

// SessionAuth redirects to the sign-in page when there is no session and enforces the
// claims the frontend config requires, such as email verification or a second factor.
export function SessionInfo() {
  return (
    <SessionAuth>
      <SessionDetails />
    </SessionAuth>
  );
}
