import { initSuperTokens } from "~/lib/supertokens";

// Client plugins run in the browser before the app mounts, so every page finds the SDK
// initialised.
export default defineNuxtPlugin(() => {
  initSuperTokens();
});
