/**
 * The lines of a raw page as every part of the archive numbers them: the
 * parser, corrections, the permalink registry's line numbers and the raw-page
 * view. A line ends at LF, CRLF or a lone CR (an old Mac export), so a page
 * exported either way has the same lines; the line ends themselves are not
 * printed text.
 * @example sourceLines('潮起长江口\r\r本报讯') // ['潮起长江口', '', '本报讯']
 */
export function sourceLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/u);
}
