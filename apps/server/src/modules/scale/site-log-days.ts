import { isWorkingDay, shanghaiDate, type WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type { Sink } from './board-counts.js';
import type { Org, OrgProject } from './org-model.js';
import { Rng, uuidv7At } from './prng.js';
import { SITE_DONE, SITE_SEEN, WEATHER } from './vocabulary.js';

const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000;
const DUTIES = ['liaison', 'coordination', 'service', 'urging'];
const dayOf = (ms: number) => Math.floor((ms + OFFSET) / DAY);

/**
 * The commissioners' site logs (驻点日志) of the recent window, written day by day as the case generator's clock
 * passes: on most working days each commissioner logs a day on site, and a case raised from a site log links to
 * that day's log (with its problem row), as the site-log module does.
 */
export class SiteLogDays {
  written = 0;
  private day: number;
  private readonly lastDay: number;
  private today = new Map<number, string>();

  constructor(private readonly org: Org, private readonly cal: WorkingCalendar, from: number, to: number, private readonly rng: Rng, private readonly w: Sink) {
    this.day = dayOf(from) - 1;
    this.lastDay = dayOf(to);
  }

  advanceTo(t: number): void {
    const target = Math.min(dayOf(t), this.lastDay);
    while (this.day < target) {
      this.day++;
      this.today = new Map();
      if (!isWorkingDay(this.cal, shanghaiDate(this.day * DAY))) continue;
      for (const p of this.org.projects) if (p.commissioner && this.rng.chance(0.6)) this.write(p, this.day * DAY - OFFSET + 9 * 3_600_000);
    }
  }

  /** The log of the project's commissioner for `t`'s day, written now if the day had none; none outside the window. */
  logFor(p: OrgProject, t: number): string | null {
    if (dayOf(t) !== this.day || !p.commissioner) return null;
    return this.today.get(p.idx) ?? this.write(p, Math.min(t, this.day * DAY - OFFSET + 9 * 3_600_000));
  }

  private write(p: OrgProject, at: number): string {
    const { rng } = this;
    const id = uuidv7At(at, rng);
    const duties = DUTIES.filter(() => rng.chance(0.45));
    this.w.add({
      id, projectId: p.id, authorId: p.commissioner!.id, date: shanghaiDate(at), timeIn: `0${rng.range(8, 9)}:${rng.pick(['00', '15', '30', '45'])}`,
      timeOut: `${rng.range(15, 18)}:${rng.pick(['00', '30'])}`, weather: rng.pick(WEATHER), duties: (duties.length ? duties : ['liaison']).join(','),
      seen: rng.pick(SITE_SEEN), done: rng.pick(SITE_DONE), peopleMet: '施工单位项目经理、监理工程师', version: 1, createdAt: at, updatedAt: at,
    });
    this.today.set(p.idx, id);
    this.written++;
    return id;
  }
}
