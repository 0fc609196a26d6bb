// Runs the Angular CLI (ng serve, ng build) with API_DOMAIN and WEBSITE_DOMAIN from the
// project root's .env, the file the backend reads. Angular does not read .env files, so the
// values are passed as compile-time constants with the application builder's define option.
// Real environment variables win over .env, and an unset value keeps the default in config.ts.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const envFile = new URL("../../.env", import.meta.url);
if (existsSync(envFile)) {
  process.loadEnvFile(envFile);
}

const constants = {
  "import.meta.env.VITE_API_DOMAIN": process.env.API_DOMAIN ?? "",
  "import.meta.env.VITE_WEBSITE_DOMAIN": process.env.WEBSITE_DOMAIN ?? "",
};
const defineArgs = Object.entries(constants).flatMap(([name, value]) => [
  "--define",
  `${name}=${JSON.stringify(value)}`,
]);

const ng = createRequire(import.meta.url).resolve("@angular/cli/bin/ng.js");
const result = spawnSync(
  process.execPath,
  [ng, ...process.argv.slice(2), ...defineArgs],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
