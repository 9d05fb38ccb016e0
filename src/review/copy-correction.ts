/**
 * Adds a copy button after each correction of the review page. The
 * correction itself is plain text in a <code>, so it can be selected and
 * copied without JavaScript; where the clipboard can be written, one click
 * copies the exact YAML line.
 */
if (navigator.clipboard) {
  for (const code of document.querySelectorAll<HTMLElement>('code.correction')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = '复制';
    button.setAttribute('aria-label', `复制第${code.dataset['line'] ?? ''}行的更正`);
    const status = document.createElement('span');
    status.className = 'copy-status';
    status.setAttribute('role', 'status');
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(code.textContent ?? '').then(
        () => (status.textContent = '已复制'),
        () => (status.textContent = '未能复制：请选中上面一行复制'),
      );
    });
    code.parentElement?.after(button, status);
  }
}
