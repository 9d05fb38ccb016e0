/**
 * Escapes text for an XML element or attribute.
 * @example escapeXml('“走在前、做示范”<好>') // '“走在前、做示范”&lt;好&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/gu, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}
