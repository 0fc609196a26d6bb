// The settings Vite reads from the project root's .env (envDir in vite.config.ts).
interface ImportMetaEnv {
  readonly VITE_API_DOMAIN?: string;
  readonly VITE_WEBSITE_DOMAIN?: string;
}
