import { Component } from "@angular/core";
import { RouterLink, RouterOutlet } from "@angular/router";
import { appName } from "./config";

@Component({
  selector: "app-root",
  imports: [RouterLink, RouterOutlet],
  templateUrl: "./app.html",
})
export class App {
  protected readonly appName = appName;
}
