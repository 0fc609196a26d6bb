import { useNavigate } from "@solidjs/router";
import Session from "supertokens-auth-react/recipe/session";
import { createSignal, onMount, Show } from "solid-js";
import { apiDomain, websiteBasePath } from "../config";
import { hasCompleteSession } from "../session";

// The JSON body of the backend's GET /sessioninfo.
type SessionInfo = {
  sessionHandle: string;
  userId: string;
  accessTokenPayload: Record<string, unknown>;
};

export default function Dashboard() {
  const navigate = useNavigate();
  const [sessionInfo, setSessionInfo] = createSignal<SessionInfo>();
  const [error, setError] = createSignal<string>();

  // supertokens-auth-react intercepts fetch: it sends the session cookies to the API
  // domain and refreshes an expired access token before retrying.
  async function loadSessionInfo() {
    const response = await fetch(`${apiDomain}/sessioninfo`);
    if (response.status === 401) {
      // The session ended and could not be refreshed.
      navigate(websiteBasePath, { replace: true });
      return;
    }
    if (!response.ok) {
      throw new Error(`GET /sessioninfo failed with status ${response.status}`);
    }
    setSessionInfo((await response.json()) as SessionInfo);
  }

  onMount(async () => {
    if (!(await hasCompleteSession())) {
      navigate(websiteBasePath, { replace: true });
      return;
    }
    try {
      await loadSessionInfo();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  });

  async function onSignOut() {
    await Session.signOut();
    navigate("/");
  }

  return (
    <main class="page">
      <h1>Dashboard</h1>
      <Show when={error()}>
        <p class="error">{error()}</p>
      </Show>
      <Show when={sessionInfo() === undefined && error() === undefined}>
        <p>Loading…</p>
      </Show>
      <Show when={sessionInfo()}>
        {(info) => (
          <>
            <p>
              Your user id: <code id="user-id">{info().userId}</code>
            </p>
            <details>
              <summary>Session details from GET /sessioninfo</summary>
              <pre>{JSON.stringify(info(), null, 2)}</pre>
            </details>
          </>
        )}
      </Show>
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
    </main>
  );
}
