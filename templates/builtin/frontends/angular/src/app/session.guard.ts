import { inject } from "@angular/core";
import { type CanActivateFn, Router } from "@angular/router";
import Session from "supertokens-auth-react/recipe/session";
import { websiteBasePath } from "./config";

// Sends visitors without a session to the auth UI. A session with a failing claim (an
// unverified email address, a missing second factor) goes there too, and the auth UI
// forwards it to the page that completes the claim.
export const sessionGuard: CanActivateFn = async () => {
  const router = inject(Router);
  if (!(await Session.doesSessionExist())) {
    return router.parseUrl(websiteBasePath);
  }
  const invalidClaims = await Session.validateClaims();
  return invalidClaims.length === 0 ? true : router.parseUrl(websiteBasePath);
};
