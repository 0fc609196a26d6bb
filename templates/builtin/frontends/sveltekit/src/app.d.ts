import type { VerifiedSession } from "#lib/server/auth.ts";

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Locals {
      // The session whose access token verified, or null.
      session: VerifiedSession | null;
      // Whether the request carried an access token at all, valid or not.
      hasSessionToken: boolean;
    }
  }
}

export {};
