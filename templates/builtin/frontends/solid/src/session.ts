import Session from "supertokens-auth-react/recipe/session";

/**
 * Reports whether a session exists and all its claims hold. A session with a failing claim
 * (an unverified email address, a missing second factor) belongs on the auth UI, which
 * forwards it to the page that completes the claim.
 */
export async function hasCompleteSession(): Promise<boolean> {
  if (!(await Session.doesSessionExist())) {
    return false;
  }
  const invalidClaims = await Session.validateClaims();
  return invalidClaims.length === 0;
}
