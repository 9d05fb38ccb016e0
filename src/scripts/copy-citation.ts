/**
 * Adds a copy button next to the citation text. The citation itself is
 * plain text in a read-only textarea, so it works without JavaScript.
 */
const text = document.getElementById('cite-text');
if (text instanceof HTMLTextAreaElement && navigator.clipboard) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = '复制引文';
  button.className = 'copy-button';
  button.addEventListener('click', () => {
    void navigator.clipboard.writeText(text.value).then(() => {
      button.textContent = '已复制';
    });
  });
  text.after(button);
}
