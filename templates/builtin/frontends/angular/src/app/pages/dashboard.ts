import { JsonPipe } from "@angular/common";
import { Component, inject, signal } from "@angular/core";
import { Router } from "@angular/router";
import Session from "supertokens-auth-react/recipe/session";
import { apiDomain, websiteBasePath } from "../config";

// The JSON body of the backend's GET /sessioninfo.
type SessionInfo = {
  sessionHandle: string;
  userId: string;
  accessTokenPayload: Record<string, unknown>;
};

@Component({
  selector: "app-dashboard",
  imports: [JsonPipe],
  template: `
    <main class="page">
      <h1>Dashboard</h1>
      @if (error(); as message) {
        <p class="error">{{ message }}</p>
      } @else if (sessionInfo(); as info) {
        <p>
          Your user id: <code id="user-id">{{ info.userId }}</code>
        </p>
        <details>
          <summary>Session details from GET /sessioninfo</summary>
          <pre>{{ info | json }}</pre>
        </details>
      } @else {
        <p>Loading…</p>
      }
      <button type="button" (click)="signOut()">Sign out</button>
    </main>
  `,
})
export class Dashboard {
  private readonly router = inject(Router);
  protected readonly sessionInfo = signal<SessionInfo | undefined>(undefined);
  protected readonly error = signal<string | undefined>(undefined);

  constructor() {
    this.loadSessionInfo().catch((err: unknown) =>
      this.error.set(err instanceof Error ? err.message : String(err)),
    );
  }

  // supertokens-auth-react intercepts fetch: it sends the session cookies to the API
  // domain and refreshes an expired access token before retrying.
  private async loadSessionInfo() {
    const response = await fetch(`${apiDomain}/sessioninfo`);
    if (response.status === 401) {
      // The session ended and could not be refreshed.
      await this.router.navigateByUrl(websiteBasePath, { replaceUrl: true });
      return;
    }
    if (!response.ok) {
      throw new Error(`GET /sessioninfo failed with status ${response.status}`);
    }
    this.sessionInfo.set((await response.json()) as SessionInfo);
  }

  protected async signOut() {
    await Session.signOut();
    await this.router.navigateByUrl("/");
  }
}
