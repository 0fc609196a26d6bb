import Session from "supertokens-auth-react/recipe/session";
import { createRouter, createWebHistory } from "vue-router";
import { websiteBasePath } from "../config";
import AuthView from "../views/AuthView.vue";
import DashboardView from "../views/DashboardView.vue";
import HomeView from "../views/HomeView.vue";
import NotFoundView from "../views/NotFoundView.vue";

// Sends visitors without a session to the auth UI. A session with a failing claim (an
// unverified email address, a missing second factor) goes there too, and the auth UI
// forwards it to the page that completes the claim.
async function requireSession() {
  if (!(await Session.doesSessionExist())) {
    return websiteBasePath;
  }
  const invalidClaims = await Session.validateClaims();
  return invalidClaims.length === 0 ? true : websiteBasePath;
}

const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: "/", name: "home", component: HomeView },
    {
      path: "/dashboard",
      name: "dashboard",
      component: DashboardView,
      beforeEnter: requireSession,
    },
    // The auth UI also has pages below its base path, such as the password reset form and
    // the third-party callback.
    {
      path: `${websiteBasePath}/:pathMatch(.*)*`,
      name: "auth",
      component: AuthView,
    },
    { path: "/:pathMatch(.*)*", name: "not-found", component: NotFoundView },
  ],
});

export default router;
