"use client";

import type { ReactNode } from "react";
import { SuperTokensWrapper } from "supertokens-auth-react";
import { initSuperTokens } from "../config/frontend";

// supertokens-auth-react needs window and document, so it is initialised in the browser
// only. The server render of this client component skips the init.
if (typeof window !== "undefined") {
  initSuperTokens();
}

export function SuperTokensProvider({ children }: { children: ReactNode }) {
  return <SuperTokensWrapper>{children}</SuperTokensWrapper>;
}
