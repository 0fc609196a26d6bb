// Runs the Angular CLI (ng serve, ng build) with API_DOMAIN and WEBSITE_DOMAIN from the
// project root's .env, the file the backend reads. Angular does not read .env files, so the
// values are passed as compile-time constants with the application builder's define option.
// Real environment variables win over .env, and an unset value keeps the default in config.ts.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseEnv } from "node:util";

const envFile = new URL("../../.env", import.meta.url);
const fileValues = existsSync(envFile)
  ? parseEnv(readFileSync(envFile, "utf8"))
  : {};

function readSetting(name) {
  return process.env[name] ?? fileValues[name] ?? "";
}

const constants = {
  API_DOMAIN: readSetting("API_DOMAIN"),
  WEBSITE_DOMAIN: readSetting("WEBSITE_DOMAIN"),
};
const defineArgs = Object.entries(constants).flatMap(([name, value]) => [
  "--define",
  `${name}=${JSON.stringify(value)}`,
]);

// ng serve prefers $PORT over --port and angular.json. Here PORT is the backend's port, so
// it is removed from the CLI's environment.
const { PORT: _backendPort, ...env } = process.env;

const ng = createRequire(import.meta.url).resolve("@angular/cli/bin/ng.js");
const result = spawnSync(
  process.execPath,
  [ng, ...process.argv.slice(2), ...defineArgs],
  { stdio: "inherit", env },
);
process.exit(result.status ?? 1);
