import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import type { ChartSpec } from './charts.ts';

/**
 * Browser only, loaded on demand by the chart element: only the pieces bar charts use are
 * registered, so the bundle carries no other chart types.
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** The site's font stack (src/styles/site.css): canvas text does not inherit CSS fonts. */
const FONT = 'system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** Okabe–Ito colours, distinguishable with colour-vision deficiencies; its pale yellow is darkened to show on white. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#8A7A00', '#999999'];

function colour(i: number): string {
  return PALETTE[i % PALETTE.length] ?? '#999999';
}

/** Pixels of canvas width per label character: on a phone a long name would leave no room for the bars. */
const PIXELS_PER_LABEL_CHARACTER = 40;

/** Long names (中国银行保险监督管理委员会湘潭监管分局) would squeeze the bars: the axis shows the start, the tooltip and the table the whole. */
function shorten(label: string, length: number): string {
  const chars = [...label];
  return chars.length > length ? `${chars.slice(0, length - 1).join('')}…` : label;
}

/** Colours follow the page: CSS custom properties of the site's light or dark scheme. */
function cssColour(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

/** Draws the chart on the canvas; returns the Chart so a caller could destroy it. */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): Chart<'bar'> {
  const text = cssColour(canvas, '--fg', '#1d1d1f');
  const grid = cssColour(canvas, '--line', '#d6d8dc');
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  Chart.defaults.font.family = FONT;
  Chart.defaults.color = text;
  const valueAxis = { stacked: spec.stacked, beginAtZero: true, grid: { color: grid }, title: { display: true, text: spec.valueAxis } };
  const labelLength = Math.min(20, Math.max(6, Math.floor(canvas.clientWidth / PIXELS_PER_LABEL_CHARACTER)));
  const categoryAxis = {
    stacked: spec.stacked,
    grid: { display: false },
    title: { display: spec.categoryAxis !== '', text: spec.categoryAxis },
    ticks: { callback: categoryTick(spec, labelLength) },
  };
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: spec.categories,
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: spec.colourByCategory ? spec.categories.map((_, j) => colour(j)) : colour(i),
        borderWidth: 0,
      })),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: reduceMotion ? false : { duration: 400 },
      scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom' },
        tooltip: { callbacks: { title: (items) => spec.categories[items[0]?.dataIndex ?? 0] ?? '', label: (item) => `${item.dataset.label ?? ''}：${item.formattedValue} ${spec.unit}` } },
      },
    },
  };
  return new Chart(canvas, config);
}

function categoryTick(spec: ChartSpec, length: number): (this: unknown, value: string | number) => string {
  return (value) => shorten(spec.categories[Number(value)] ?? String(value), length);
}
