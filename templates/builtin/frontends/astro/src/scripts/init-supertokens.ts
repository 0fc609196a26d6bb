import { initSuperTokens } from "../lib/supertokens";

// Every page script that uses supertokens-auth-react imports this module first, so the SDK
// is initialised once per page load, before anything reads the session.
initSuperTokens();
