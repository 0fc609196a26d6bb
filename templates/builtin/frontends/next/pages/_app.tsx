import type { AppProps } from "next/app";
import { SuperTokensWrapper } from "supertokens-auth-react";
import { initSuperTokens } from "../config/frontend";
import "../styles/globals.css";

// supertokens-auth-react needs window and document, so it is initialised in the browser
// only. Server renders skip the init.
if (typeof window !== "undefined") {
  initSuperTokens();
}

export default function App({ Component, pageProps }: AppProps) {
  return (
    <SuperTokensWrapper>
      <Component {...pageProps} />
    </SuperTokensWrapper>
  );
}
