/** What the review integration (review-integration.ts) tells its routes. */
declare module 'virtual:archive-review/settings' {
  /** The absolute path of the content folder the dev server reads. */
  export const contentDir: string;
}
