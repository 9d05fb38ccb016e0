/**
 * Puts the reader's date in the citation's 引用日期 (the page is built with a
 * placeholder, src/data/citation.ts), again when the reader goes to select or
 * copy it, in case the page stayed open past midnight, and adds a copy button. Without
 * JavaScript the citation is plain text in a read-only textarea, and the
 * note under it asks the reader to fill the date in.
 */
import { localDate, withAccessDate } from '../data/citation.ts';

const text = document.getElementById('cite-text');
if (text instanceof HTMLTextAreaElement) {
  const built = text.value;
  const printed = document.querySelector('.citation-print');
  const note = document.getElementById('cite-date-note');
  const fill = (): string => {
    const today = localDate(new Date());
    text.value = withAccessDate(built, today);
    if (printed) printed.textContent = text.value;
    if (note) note.textContent = `引用日期已填为今天（${today}），即您查阅本页的日期。`;
    return text.value;
  };
  fill();
  text.addEventListener('focus', fill);
  if (navigator.clipboard) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = '复制引文';
    button.className = 'copy-button';
    button.addEventListener('click', () => {
      void navigator.clipboard.writeText(fill()).then(() => {
        button.textContent = '已复制';
      });
    });
    text.after(button);
  }
}
