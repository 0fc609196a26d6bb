import { A } from "@solidjs/router";
import type { ParentProps } from "solid-js";
import { appName } from "./config";

export default function App(props: ParentProps) {
  return (
    <>
      <header class="app-header">
        <A href="/">{appName}</A>
      </header>
      {props.children}
    </>
  );
}
