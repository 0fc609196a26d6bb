import { useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { signOut } from "supertokens-auth-react/recipe/session";
import { apiDomain } from "../config";

// The JSON body of the backend's GET /sessioninfo.
type SessionInfo = {
  sessionHandle: string;
  userId: string;
  accessTokenPayload: Record<string, unknown>;
};

export default function Dashboard() {
  const navigate = useNavigate();
  const [sessionInfo, setSessionInfo] = useState<SessionInfo>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;

    // supertokens-auth-react intercepts fetch, so the call carries the session cookies to
    // the API domain and an expired access token is refreshed before the call is retried.
    async function loadSessionInfo() {
      try {
        const response = await fetch(`${apiDomain}/sessioninfo`);
        if (!response.ok) {
          throw new Error(
            `GET /sessioninfo failed with status ${response.status}`,
          );
        }
        const body = (await response.json()) as SessionInfo;
        if (!cancelled) {
          setSessionInfo(body);
        }
      } catch (err) {
        if (!cancelled) {
          setError(err instanceof Error ? err.message : String(err));
        }
      }
    }

    void loadSessionInfo();
    return () => {
      cancelled = true;
    };
  }, []);

  async function onSignOut() {
    await signOut();
    navigate("/");
  }

  return (
    <main className="page">
      <h1>Dashboard</h1>
      {error !== undefined && <p className="error">{error}</p>}
      {sessionInfo === undefined && error === undefined && <p>Loading…</p>}
      {sessionInfo !== undefined && (
        <>
          <p>
            Your user id: <code id="user-id">{sessionInfo.userId}</code>
          </p>
          <details>
            <summary>Session details from GET /sessioninfo</summary>
            <pre>{JSON.stringify(sessionInfo, null, 2)}</pre>
          </details>
        </>
      )}
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
    </main>
  );
}
