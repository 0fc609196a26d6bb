// Compile-time constants that scripts/ng-with-env.mjs sets from API_DOMAIN and
// WEBSITE_DOMAIN with the application builder's define option.
interface ImportMetaEnv {
  readonly VITE_API_DOMAIN: string;
  readonly VITE_WEBSITE_DOMAIN: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
