/**
 * The paper page's 跳到日期 form: goes to the chosen day's month on its
 * year's calendar, where the day is marked. Without JavaScript the form
 * stays hidden and the calendar's links are the way in.
 */
const form = document.querySelector<HTMLFormElement>('form.jump-date');
if (form) {
  const input = form.querySelector<HTMLInputElement>('input[type=date]');
  const note = form.querySelector<HTMLElement>('.jump-date-note');
  const years = new Set((form.dataset['years'] ?? '').split(' '));
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const date = input?.value ?? '';
    const year = date.slice(0, 4);
    if (!years.has(year)) {
      if (note) note.textContent = `未收录${year}年的报纸。`;
      return;
    }
    window.location.href = `/${form.dataset['paper'] ?? ''}/${year}/#d${date}`;
  });
}
