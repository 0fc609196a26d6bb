import { onCleanup, onMount } from "solid-js";
import { canHandleAuthRoute, mountAuthUI } from "../auth-ui";
import NotFound from "./NotFound";

export default function Auth() {
  let container!: HTMLDivElement;

  // A path below the base path that no auth UI page handles shows the not-found page.
  if (!canHandleAuthRoute()) {
    return <NotFound />;
  }

  onMount(() => {
    const unmountAuthUI = mountAuthUI(container);
    onCleanup(unmountAuthUI);
  });

  return <div ref={container} />;
}
