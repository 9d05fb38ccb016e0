/**
 * The 跳到日期 form (src/components/JumpToDate.astro): opens the chosen
 * day's edition when the archive holds it, else says so and links the
 * paper's nearest editions before and after. The held days are read from the
 * paper's static year pages (their calendar's linked days), at most three
 * of them: the day's year, and the nearest held years before and after it.
 */
const form = document.querySelector<HTMLFormElement>('form.jump-date');
const input = form?.querySelector<HTMLInputElement>('input[type=date]');
const note = form?.querySelector<HTMLElement>('.jump-date-note');
const paper = form?.dataset['paper'] ?? '';
const years = (form?.dataset['years'] ?? '').split(' ').filter(Boolean).map(Number);

/** A date as 2024年1月24日. */
const longDate = (date: string): string => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The days of a year the paper has an edition of, in order, read from its calendar page. */
async function heldDays(year: number): Promise<string[]> {
  const response = await fetch(`/${paper}/${year}/`);
  if (!response.ok) return [];
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  return [...page.querySelectorAll('td.has-edition[id^="d"]')].map((cell) => cell.id.slice(1)).sort();
}

/** Says the day is not held, with links to the nearest editions. */
function sayNearest(date: string, before: string | null, after: string | null): void {
  if (!note) return;
  note.replaceChildren(`本档案未收录${longDate(date)}的报纸。`);
  const link = (label: string, day: string, end: string): void => {
    const a = document.createElement('a');
    a.href = `/${paper}/${day}/`;
    a.textContent = longDate(day);
    note.append(label, a, end);
  };
  if (before) link('此前最近一期 ', before, after ? '，' : '。');
  if (after) link('此后最近一期 ', after, '。');
}

async function jump(date: string): Promise<void> {
  const year = Number(date.slice(0, 4));
  let before: string | null = null;
  let after: string | null = null;
  if (years.includes(year)) {
    const days = await heldDays(year);
    if (days.includes(date)) {
      window.location.href = `/${paper}/${date}/`;
      return;
    }
    before = days.filter((day) => day < date).at(-1) ?? null;
    after = days.find((day) => day > date) ?? null;
  }
  const earlier = years.filter((y) => y < year).at(-1);
  const later = years.find((y) => y > year);
  if (before === null && earlier !== undefined) before = (await heldDays(earlier)).at(-1) ?? null;
  if (after === null && later !== undefined) after = (await heldDays(later))[0] ?? null;
  sayNearest(date, before, after);
}

if (form && input) {
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (note) note.textContent = '查找中……';
    void jump(input.value).catch(() => {
      if (note) note.textContent = '未能读取日历，请从下方年份进入。';
    });
  });
}
