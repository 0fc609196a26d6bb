import { A } from "@solidjs/router";
import Session from "supertokens-auth-react/recipe/session";
import { createResource, Match, Switch } from "solid-js";
import { appName, websiteBasePath } from "../config";

export default function Home() {
  const [signedIn] = createResource(() => Session.doesSessionExist());

  return (
    <main class="page">
      <h1>{appName}</h1>
      <Switch>
        <Match when={signedIn() === true}>
          <p>
            You are signed in. Open the <A href="/dashboard">dashboard</A>.
          </p>
        </Match>
        <Match when={signedIn() === false}>
          <p>
            <A href={websiteBasePath}>Sign in or sign up</A> to open the
            dashboard.
          </p>
        </Match>
      </Switch>
    </main>
  );
}
