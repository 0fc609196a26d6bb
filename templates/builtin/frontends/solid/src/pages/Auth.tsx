import { useIsRouting } from "@solidjs/router";
import { createMemo, Match, onCleanup, onMount, Switch } from "solid-js";
import { canHandleAuthRoute, mountAuthUI } from "../auth-ui";
import NotFound from "./NotFound";

function AuthUI() {
  let container!: HTMLDivElement;

  onMount(() => {
    const unmountAuthUI = mountAuthUI(container);
    onCleanup(unmountAuthUI);
  });

  return <div ref={container} />;
}

export default function Auth() {
  const isRouting = useIsRouting();

  // The auth UI picks its page from the browser URL, which the router updates only when a
  // navigation ends, so the check waits for that. A path below the base path that no auth
  // UI page handles shows the not-found page.
  const isAuthPage = createMemo(() =>
    isRouting() ? undefined : canHandleAuthRoute(),
  );

  return (
    <Switch>
      <Match when={isAuthPage() === true}>
        <AuthUI />
      </Match>
      <Match when={isAuthPage() === false}>
        <NotFound />
      </Match>
    </Switch>
  );
}
