import { Route, Router } from "@solidjs/router";
import { render } from "solid-js/web";
import App from "./App";
import { initSuperTokens, websiteBasePath } from "./config";
import Auth from "./pages/Auth";
import Dashboard from "./pages/Dashboard";
import Home from "./pages/Home";
import NotFound from "./pages/NotFound";
import "./index.css";

// SuperTokens must be initialised before any page reads the session.
initSuperTokens();

render(
  () => (
    <Router root={App}>
      <Route path="/" component={Home} />
      <Route path="/dashboard" component={Dashboard} />
      {/* The auth UI also has pages below its base path, such as the password reset form
          and the third-party callback. */}
      <Route path={`${websiteBasePath}/*`} component={Auth} />
      <Route path="*" component={NotFound} />
    </Router>
  ),
  document.getElementById("root")!,
);
