/**
 * Filters an index of names (NameIndex) as the reader types into its box
 * (NameFilter): a name stays when it holds the typed text; a letter with no
 * name left is hidden, in the list and in the bar of letters. Shows the box,
 * which stays hidden without JavaScript, leaving the plain list.
 */
const filterBox = document.querySelector<HTMLElement>('.name-filter');
const box = filterBox?.querySelector<HTMLInputElement>('input');
if (filterBox && box) {
  const status = filterBox.querySelector<HTMLElement>('.name-filter-status');
  const sections = [...document.querySelectorAll<HTMLElement>('.name-letter')];
  const barItems = [...document.querySelectorAll<HTMLElement>('.letter-bar li')];
  const apply = (): void => {
    const typed = box.value.trim();
    let shown = 0;
    const empty = new Set<string>();
    for (const section of sections) {
      let any = false;
      for (const item of section.querySelectorAll<HTMLElement>('.name-list > li')) {
        const match = item.querySelector('a')?.textContent?.includes(typed) ?? false;
        item.hidden = !match;
        if (match) shown += 1;
        any ||= match;
      }
      section.hidden = !any;
      const heading = section.querySelector('h2')?.id;
      if (!any && heading) empty.add(`#${heading}`);
    }
    for (const item of barItems) item.hidden = empty.has(item.querySelector('a')?.getAttribute('href') ?? '');
    if (status) status.textContent = typed === '' ? '' : shown === 0 ? `没有名字含“${typed}”。` : `名字含“${typed}”的有 ${shown} 个。`;
  };
  filterBox.hidden = false;
  box.addEventListener('input', apply);
  // A value the browser kept when the reader came back to the page.
  apply();
}
