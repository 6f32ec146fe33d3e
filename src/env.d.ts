interface ImportMetaEnv {
  /** Base URL of the account endpoint the task widget calls (build time; default `/api`). */
  readonly PUBLIC_ACCOUNT_ENDPOINT?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
