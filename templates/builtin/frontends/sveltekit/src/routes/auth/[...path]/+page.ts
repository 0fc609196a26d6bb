import { error } from "@sveltejs/kit";
import { canHandleAuthRoute } from "#lib/auth-ui.ts";
import type { PageLoad } from "./$types";

// The prebuilt UI is a React app that needs the browser, so this page renders only there.
export const ssr = false;

export const load: PageLoad = () => {
  if (!canHandleAuthRoute()) {
    error(404, "Not found");
  }
};
