import { redirect } from "@sveltejs/kit";
import type { PageServerLoad } from "./$types";

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.session === null) {
    // An access token that failed verification may just have expired, and the browser can
    // refresh it. Without any token, the user has to sign in.
    const target = locals.hasSessionToken ? "/refresh-session" : "/auth";
    redirect(
      303,
      `${target}?redirectToPath=${encodeURIComponent(url.pathname)}`,
    );
  }
  return { userId: locals.session.userId };
};
