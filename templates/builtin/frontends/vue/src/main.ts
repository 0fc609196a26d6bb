import { createApp } from "vue";
import App from "./App.vue";
import { initSuperTokens } from "./config";
import router from "./router";
import "./style.css";

// SuperTokens must be initialised before the router's first guard reads the session.
initSuperTokens();

createApp(App).use(router).mount("#app");
