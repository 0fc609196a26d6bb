import {
  afterNextRender,
  Component,
  DestroyRef,
  type ElementRef,
  inject,
  viewChild,
} from "@angular/core";
import { canHandleAuthRoute, mountAuthUI } from "../auth-ui";
import { NotFound } from "./not-found";

@Component({
  selector: "app-auth",
  imports: [NotFound],
  template: `
    @if (isAuthPage) {
      <div #container></div>
    } @else {
      <app-not-found />
    }
  `,
})
export class Auth {
  // A path below the base path that no auth UI page handles shows the not-found page.
  protected readonly isAuthPage = canHandleAuthRoute();
  private readonly container = viewChild<ElementRef<HTMLElement>>("container");

  constructor() {
    let unmountAuthUI: (() => void) | undefined;
    afterNextRender(() => {
      const container = this.container();
      if (container) {
        unmountAuthUI = mountAuthUI(container.nativeElement);
      }
    });
    inject(DestroyRef).onDestroy(() => unmountAuthUI?.());
  }
}
