import { Component } from "@angular/core";

@Component({
  selector: "app-not-found",
  template: `<p class="not-found">Page not found.</p>`,
})
export class NotFound {}
