import type { ClientInit } from "@sveltejs/kit/hooks";
import { initSuperTokens } from "#lib/supertokens.ts";

// Runs once in the browser, before the first page renders.
export const init: ClientInit = () => {
  initSuperTokens();
};
