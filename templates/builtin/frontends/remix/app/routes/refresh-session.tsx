import { useEffect } from "react";
import { redirectToAuth } from "supertokens-auth-react";
import Session from "supertokens-auth-react/recipe/session";

// Accepts only paths on this site, so the query string cannot redirect elsewhere.
function getSafeRedirectPath(value: string | null): string {
  return value !== null && value.startsWith("/") && !value.startsWith("//")
    ? value
    : "/";
}

// Server-rendered pages send an expired session here. The browser refreshes it (the SDK
// stores the new tokens) and reloads the page that asked, or goes to sign-in on failure.
export default function RefreshSessionPage() {
  useEffect(() => {
    const redirectToPath = getSafeRedirectPath(
      new URLSearchParams(window.location.search).get("redirectToPath"),
    );
    Session.attemptRefreshingSession().then((refreshed) => {
      if (refreshed) {
        window.location.replace(redirectToPath);
      } else {
        redirectToAuth({
          redirectBack: false,
          queryParams: { redirectToPath },
        });
      }
    });
  }, []);

  return <main>Refreshing your session…</main>;
}
