import { caseTypes, type BoardSummary } from '@liaison/contracts';
import type { GeoProject } from '../api';

/** Pure ECharts option builders: the board's data in, an option out; every clickable item carries its `drill`. */

type T = (key: string, values?: Record<string, unknown>) => string;
type Charts = BoardSummary['charts'];

export const LIGHT_COLORS = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' } as const;
export const TYPE_COLORS: Record<(typeof caseTypes)[number], string> = {
  approval: '#1677ff', safety: '#f5222d', dispute: '#fa8c16', appeal: '#13c2c2', enterprise: '#722ed1', coordination: '#52c41a',
};

const grid = (compact: boolean, left = 8) => ({ left, right: compact ? 8 : 16, top: 36, bottom: 8, containLabel: true });
const legend = (compact: boolean) => ({ top: 0, type: 'scroll' as const, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: compact ? 10 : 12 } });
const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Cases opened per week by type (stacked), and closed (line); a bar opens that week's cases of that type. */
export function weeklyOption(weekly: Charts['weekly'], t: T, compact: boolean) {
  const xs = weekly.map((w) => w.week.slice(5));
  return {
    tooltip: { trigger: 'axis' },
    legend: legend(compact),
    grid: grid(compact),
    xAxis: { type: 'category', data: xs, axisLabel: { fontSize: compact ? 9 : 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      ...caseTypes.map((type) => ({
        name: t(`caseType.${type}`),
        type: 'bar',
        stack: 'opened',
        color: TYPE_COLORS[type],
        emphasis: { focus: 'series' },
        data: weekly.map((w) => ({ value: w.opened[type], drill: `/cases?type=${type}&createdFrom=${w.from}&createdTo=${w.to}` })),
      })),
      {
        name: t('board.charts.closed'),
        type: 'line',
        color: '#595959',
        data: weekly.map((w) => ({ value: w.closed, drill: '/cases?status=closed' })),
      },
    ],
  };
}

/** Cases by status, now. */
export function funnelOption(funnel: Charts['funnel'], t: T, compact: boolean) {
  const data = funnel.filter((f) => f.n > 0 || !['rejected', 'withdrawn'].includes(f.status));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { ...grid(compact), top: 8 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: data.map((f) => t(`caseStatus.${f.status}`)) },
    series: [{
      type: 'bar',
      barMaxWidth: 22,
      label: { show: true, position: 'right' },
      itemStyle: { color: '#1677ff', borderRadius: [0, 4, 4, 0] },
      data: data.map((f) => ({ value: f.n, drill: f.drill })),
    }],
  };
}

export function topCategoriesOption(top: Charts['topCategories'], compact: boolean) {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { ...grid(compact), top: 8 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: top.map((c) => short(c.category, compact ? 6 : 10)) },
    series: [{
      type: 'bar', barMaxWidth: 18, label: { show: true, position: 'right' }, itemStyle: { color: '#13c2c2', borderRadius: [0, 4, 4, 0] },
      data: top.map((c) => ({ value: c.n, drill: c.drill, name: c.category })),
    }],
  };
}

/** Per street: projects (red among them), open and overdue cases. */
export function streetOption(rows: Charts['byStreet'], t: T, compact: boolean) {
  const names = rows.map((r) => short(r.street.name.replace(/街道$/, ''), compact ? 4 : 6));
  const item = (n: number, r: Charts['byStreet'][number]) => ({ value: n, drill: r.drill });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: legend(compact),
    grid: grid(compact),
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, fontSize: compact ? 9 : 11, rotate: compact ? 40 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('board.charts.projects'), type: 'bar', color: '#1677ff', data: rows.map((r) => item(r.projects, r)) },
      { name: t('board.charts.redProjects'), type: 'bar', color: LIGHT_COLORS.red, data: rows.map((r) => item(r.redProjects, r)) },
      { name: t('board.charts.open'), type: 'bar', color: '#faad14', data: rows.map((r) => item(r.open, r)) },
      { name: t('board.charts.overdue'), type: 'bar', color: '#cf1322', data: rows.map((r) => item(r.overdue, r)) },
    ],
  };
}

/** Per handling unit, now: open cases, the overdue ones among them (period figures per unit are in the rankings). */
export function unitOption(rows: Charts['byUnit'], t: T, compact: boolean) {
  const top = rows.slice(0, compact ? 8 : 15);
  const item = (n: number, r: Charts['byUnit'][number]) => ({ value: n, drill: r.drill });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: legend(compact),
    grid: grid(compact),
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: top.map((r) => short(r.unit.name, compact ? 6 : 10)) },
    series: [
      { name: t('board.charts.open'), type: 'bar', stack: 'now', color: '#faad14', data: top.map((r) => item(r.open - r.overdue, r)) },
      { name: t('board.charts.overdue'), type: 'bar', stack: 'now', color: '#cf1322', data: top.map((r) => item(r.overdue, r)) },
    ],
  };
}

/** Investment per project: share of the total done, and this year's against the time-proportional plan (序时进度). */
export function investmentOption(rows: Charts['investmentByProject'], t: T, compact: boolean) {
  const top = rows.slice(0, compact ? 10 : 26);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
    legend: legend(compact),
    grid: grid(compact),
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: top.map((r) => short(r.project.name, compact ? 6 : 12)) },
    series: [
      {
        name: t('board.charts.percentOfTotal'), type: 'bar', barMaxWidth: 12, color: LIGHT_COLORS.green,
        data: top.map((r) => ({ value: r.percentOfTotal, drill: r.drill, itemStyle: { color: LIGHT_COLORS[r.light] } })),
      },
      {
        name: t('board.charts.percentOfPlanToDate'), type: 'bar', barMaxWidth: 12, color: '#8c8c8c',
        data: top.map((r) => ({ value: r.percentOfPlanToDate, drill: r.drill })),
      },
    ],
  };
}

/** The projects on the district outline, coloured by light. */
export function mapOption(points: GeoProject[], mapName: string | null, t: T) {
  const series = (['green', 'yellow', 'red'] as const).map((light) => ({
    name: t(`light.${light}`),
    type: 'scatter',
    coordinateSystem: mapName ? 'geo' : 'cartesian2d',
    symbolSize: 12,
    color: LIGHT_COLORS[light],
    itemStyle: { borderColor: '#fff', borderWidth: 1 },
    data: points.filter((p) => p.light === light).map((p) => ({ name: p.name, value: p.coordinates, id: p.id, drill: `/projects/${p.id}` })),
  }));
  const tooltip = { trigger: 'item', formatter: (p: { name: string; seriesName: string }) => `${p.name}<br/>${p.seriesName}` };
  if (mapName) {
    return {
      tooltip,
      legend: { top: 0, itemWidth: 10, itemHeight: 10 },
      geo: { map: mapName, roam: true, top: 28, bottom: 8, itemStyle: { areaColor: '#f0f5ff', borderColor: '#1f4e9c' }, emphasis: { disabled: true } },
      series,
    };
  }
  return {
    tooltip,
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', scale: true, show: false },
    yAxis: { type: 'value', scale: true, show: false },
    series,
  };
}
