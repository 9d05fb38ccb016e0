/**
 * 历史上的今天 on the home page: the build lists the editions of the newest
 * date the archive holds (a build never reads the clock); here the list is
 * swapped for the reader's own today, from /api/this-day/<MM-DD>.json (no
 * file: the archive holds no edition of that day in any year).
 */
const section = document.querySelector<HTMLElement>('section.this-day[data-day]');

const pad = (n: number): string => String(n).padStart(2, '0');

/** One edition of the day's file. */
interface DayEdition {
  paperName: string;
  date: string;
  url: string;
}

async function showToday(): Promise<void> {
  if (!section) return;
  const now = new Date();
  const day = `${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  if (day === section.dataset['day']) return;
  const response = await fetch(`/api/this-day/${day}.json`);
  if (!response.ok && response.status !== 404) return;
  const editions = response.ok ? ((await response.json()) as { editions: DayEdition[] }).editions : [];
  const name = `${now.getMonth() + 1}月${now.getDate()}日`;
  const date = section.querySelector('.this-day-date');
  const note = section.querySelector('.this-day-note');
  const list = section.querySelector('.this-day-list');
  if (!date || !note || !list) return;
  date.textContent = name;
  note.textContent = editions.length > 0 ? `今天是${name}，以下是历年这一天的报纸。` : `今天是${name}，本档案没有历年这一天的报纸。`;
  list.replaceChildren(
    ...editions.map((e) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = e.url;
      link.textContent = `${Number(e.date.slice(0, 4))}年 ${e.paperName}`;
      item.append(link);
      return item;
    }),
  );
  section.dataset['day'] = day;
}

void showToday();
