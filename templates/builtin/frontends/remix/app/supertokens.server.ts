import { existsSync } from "node:fs";
import { ensureSuperTokensInit as initSuperTokens } from "./config/backend.server";

let envLoaded = false;

// Loads .env, then initialises supertokens-node once per process. Loaders and actions call
// it before they use the SDK. react-router-serve and the Vite dev server do not put .env
// into process.env; variables already set in the environment keep their values.
export function ensureSuperTokensInit(): void {
  if (!envLoaded) {
    if (existsSync(".env")) {
      process.loadEnvFile(".env");
    }
    envLoaded = true;
  }
  initSuperTokens();
}
