import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { charactersPerLine, groupedCategories, limitBars, wrapLabel } from './chart-drawing.ts';
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

/** Characters per line of the list of names the others bar's tooltip gives. */
const TOOLTIP_CHARACTERS_PER_LINE = 24;

/** Colours follow the page: CSS custom properties of the site's light or dark scheme. */
function cssColour(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

/**
 * Draws the chart on the canvas; returns the Chart so a caller could destroy it. At most MAX_BARS
 * bars; every label whole, wrapped onto lines and never rotated; no axis titles on the canvas (the
 * figure says what the values count above the chart, and a vertical title would run sideways).
 */
export function drawChart(canvas: HTMLCanvasElement, full: ChartSpec): Chart<'bar'> {
  const spec = limitBars(full);
  const grouped = groupedCategories(full, spec);
  const text = cssColour(canvas, '--fg', '#1d1d1f');
  const grid = cssColour(canvas, '--line', '#d6d8dc');
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  Chart.defaults.font.family = FONT;
  Chart.defaults.color = text;
  const valueAxis = { stacked: spec.stacked, beginAtZero: true, grid: { color: grid }, title: { display: false }, ticks: { maxRotation: 0 } };
  const perLine = charactersPerLine(canvas.clientWidth, spec.categories.length, spec.horizontal);
  const categoryAxis = {
    stacked: spec.stacked,
    grid: { display: false },
    title: { display: false },
    // Every category gets its label (no skipping), flat and whole.
    ticks: { autoSkip: false, maxRotation: 0, minRotation: 0, callback: categoryTick(spec, perLine) },
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
        tooltip: {
          callbacks: {
            title: (items) => spec.categories[items[0]?.dataIndex ?? 0] ?? '',
            // The others bar names what it holds, a few names a line.
            afterTitle: (items) => (grouped.length > 0 && items[0]?.dataIndex === spec.categories.length - 1 ? wrapLabel(grouped.join('、'), TOOLTIP_CHARACTERS_PER_LINE) : []),
            label: (item) => `${item.dataset.label ?? ''}：${item.formattedValue} ${spec.unit}`,
          },
        },
      },
    },
  };
  return new Chart(canvas, config);
}

function categoryTick(spec: ChartSpec, perLine: number): (this: unknown, value: string | number) => string[] {
  return (value) => wrapLabel(spec.categories[Number(value)] ?? String(value), perLine);
}
