import type { Routes } from "@angular/router";
import { websiteBasePath } from "./config";
import { Auth } from "./pages/auth";
import { Dashboard } from "./pages/dashboard";
import { Home } from "./pages/home";
import { NotFound } from "./pages/not-found";
import { sessionGuard } from "./session.guard";

export const routes: Routes = [
  { path: "", component: Home },
  { path: "dashboard", component: Dashboard, canActivate: [sessionGuard] },
  {
    // The auth UI also has pages below its base path, such as the password reset form
    // and the third-party callback.
    path: websiteBasePath.slice(1),
    children: [{ path: "**", component: Auth }],
  },
  { path: "**", component: NotFound },
];
