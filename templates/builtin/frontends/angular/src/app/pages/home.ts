import { Component, signal } from "@angular/core";
import { RouterLink } from "@angular/router";
import Session from "supertokens-auth-react/recipe/session";
import { appName, websiteBasePath } from "../config";

@Component({
  selector: "app-home",
  imports: [RouterLink],
  template: `
    <main class="page">
      <h1>{{ appName }}</h1>
      @if (signedIn() === true) {
        <p>
          You are signed in. Open the
          <a routerLink="/dashboard">dashboard</a>.
        </p>
      } @else if (signedIn() === false) {
        <p>
          <a [routerLink]="websiteBasePath">Sign in or sign up</a> to open the
          dashboard.
        </p>
      }
    </main>
  `,
})
export class Home {
  protected readonly appName = appName;
  protected readonly websiteBasePath = websiteBasePath;
  // Undefined until doesSessionExist resolves, so neither link shows up first by mistake.
  protected readonly signedIn = signal<boolean | undefined>(undefined);

  constructor() {
    void Session.doesSessionExist().then((exists) => this.signedIn.set(exists));
  }
}
