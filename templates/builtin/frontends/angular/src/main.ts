import { bootstrapApplication } from "@angular/platform-browser";
import { App } from "./app/app";
import { appConfig } from "./app/app.config";
import { initSuperTokens } from "./app/config";

// SuperTokens must be initialised before the router's first guard reads the session.
initSuperTokens();

bootstrapApplication(App, appConfig).catch((err) => console.error(err));
