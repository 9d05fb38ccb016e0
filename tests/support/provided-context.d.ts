import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the built site served for the e2e suite. */
    siteUrl: string;
  }
}
