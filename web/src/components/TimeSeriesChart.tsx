import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@up/common/lang';
import './TimeSeriesChart.css';

/**
 * A time-series chart drawn with uPlot on a canvas. uPlot (~50 KB) is loaded on first use with a dynamic
 * import, so no page that does not draw a chart (the login page above all) carries it. The time axis is
 * in `timeZone` (Europe/Riga): ticks, day boundaries and the 23- and 25-hour days come from the real
 * timestamps, never from "24 hours a day". Null values are gaps (spanGaps: false), never zero.
 *
 * The canvas is an image to assistive technology (role="img" with the `label` given); the page offers the
 * same data as a table. The legend and the hovered values are ordinary text beside it.
 */

export interface ChartSeries {
  label: string;
  /** one value per x; null is a gap */
  values: readonly (number | null)[];
  /** the y scale (an axis with the same scale key gives it its ticks) */
  scale: string;
  /** any CSS colour, or 'var(--name)' of a custom property on :root */
  color: string;
  /** bars from x to the next x; steps: a level from x to the next x; line: points joined */
  style: 'bars' | 'steps' | 'line';
  /** opacity of the fill under a line, or of a bar (bars are outlines without it) */
  fill?: number;
  dash?: number[];
  width?: number;
  /** the value as the hover read-out writes it; the legend shows '—' for a gap */
  format: (value: number) => string;
  /** false leaves the series out of the legend and the hover read-out */
  legend?: boolean;
  /** listed after the others in the legend, whatever its place in the drawing order */
  legendLast?: boolean;
}

export interface ChartAxis {
  scale: string;
  /** unit or name written along the axis */
  label: string;
  side: 'left' | 'right';
  format: (value: number) => string;
  /** keep 0 inside the range (energy); a price axis may float */
  includeZero?: boolean;
}

export interface TimeSeriesChartProps {
  /** the accessible name of the chart: what it shows, for screen readers */
  label: string;
  /** ascending Unix seconds (UTC); with bars and steps each x is the start of its interval */
  x: readonly number[];
  /** the time axis' bounds, Unix seconds */
  range: [number, number];
  series: ChartSeries[];
  axes: ChartAxis[];
  /** the hovered interval as text (its index into x) */
  formatX: (index: number) => string;
  lang: Lang;
  timeZone?: string;
  height?: number;
}

type UPlotClass = typeof uPlot;

let loading: Promise<UPlotClass> | null = null;

/** uPlot, loaded once on first use (its own chunk). */
export function loadUPlot(): Promise<UPlotClass> {
  loading ??= import('uplot').then((module) => module.default);
  loading.catch(() => (loading = null));
  return loading;
}

export function TimeSeriesChart({ label, x, range, series, axes, formatX, lang, timeZone = 'Europe/Riga', height = 300 }: TimeSeriesChartProps) {
  const { t } = useTranslation();
  const plotRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [hovered, setHovered] = useState<number | null>(null);
  // the latest formatter for the hover read-out, without rebuilding the chart when only it changes
  const formatRef = useRef(formatX);
  formatRef.current = formatX;

  useEffect(() => {
    const element = plotRef.current;
    if (!element) return;
    let chart: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    setHovered(null);
    loadUPlot().then(
      (UPlot) => {
        if (cancelled) return;
        element.replaceChildren();
        const started = performance.now();
        // how long building and the first drawing took (the browser tests read it: a year of quarter-hours under 300 ms)
        const onDrawn = () => {
          if (element.dataset.drawMs === undefined) element.dataset.drawMs = String(Math.round(performance.now() - started));
        };
        delete element.dataset.drawMs;
        const options = chartOptions(UPlot, { width: Math.max(element.clientWidth, 200), height, range, series, axes, lang, timeZone, x, onHover: setHovered, onDrawn });
        chart = new UPlot(options, [x as number[], ...series.map((s) => s.values as (number | null)[])], element);
        setState('ready');
        observer = new ResizeObserver(() => {
          const width = Math.max(element.clientWidth, 200);
          if (chart && chart.width !== width) chart.setSize({ width, height });
        });
        observer.observe(element);
      },
      () => !cancelled && setState('failed'),
    );
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
    };
  }, [x, range, series, axes, lang, timeZone, height]);

  const legendSeries = [...series.filter((s) => s.legend !== false && !s.legendLast), ...series.filter((s) => s.legend !== false && s.legendLast)];
  return (
    <figure className="ts-chart">
      <div className="ts-chart__plot" style={{ minHeight: height }}>
        <div ref={plotRef} role="img" aria-label={label} />
        {state !== 'ready' && (
          <p className="ts-chart__status" role="status">
            {state === 'failed' ? t('chart.failed') : t('common.loading')}
          </p>
        )}
      </div>
      <figcaption className="ts-chart__legend">
        <ul>
          {legendSeries.map((s) => (
            <li key={s.label}>
              <span className={`ts-chart__swatch ts-chart__swatch--${s.style}${s.dash ? ' ts-chart__swatch--dashed' : ''}`} style={{ color: s.color }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
        {/* the hovered values follow the mouse: not announced (the table is the screen-reader view) */}
        <p className="ts-chart__readout" aria-hidden="true">
          {hovered === null ? '\u00a0' : (
            <>
              <strong>{formatRef.current(hovered)}</strong>
              {legendSeries.map((s) => {
                const value = s.values[hovered];
                return (
                  <span key={s.label}>
                    {' · '}
                    {s.label}: {value === null || value === undefined ? '—' : s.format(value)}
                  </span>
                );
              })}
            </>
          )}
        </p>
      </figcaption>
    </figure>
  );
}

interface BuildInput {
  width: number;
  height: number;
  range: [number, number];
  series: ChartSeries[];
  axes: ChartAxis[];
  lang: Lang;
  timeZone: string;
  x: readonly number[];
  onHover: (index: number | null) => void;
  onDrawn: () => void;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const YEAR = 365 * DAY;

/** The time axis' tick labels, 24-hour and day-first (uPlot's defaults are American). */
function timeAxisStamps(lang: Lang): (string | number | null)[][] {
  const dayMonth = lang === 'en' ? '{DD}/{MM}' : '{D}.{M}.';
  const full = lang === 'en' ? '{DD}/{MM}/{YYYY}' : lang === 'lv' ? '{D}.{M}.{YYYY}.' : '{D}.{M}.{YYYY}';
  return [
    // tick increment, default label, then the label when the year, month, day, hour, minute, second rolls over; mode 1: concatenate
    [YEAR, '{YYYY}', null, null, null, null, null, null, 1],
    [DAY * 28, '{MMM}', '\n{YYYY}', null, null, null, null, null, 1],
    [DAY, dayMonth, '\n{YYYY}', null, null, null, null, null, 1],
    [HOUR, '{HH}:{mm}', `\n${full}`, null, `\n${dayMonth}`, null, null, null, 1],
    [MINUTE, '{HH}:{mm}', `\n${full}`, null, `\n${dayMonth}`, null, null, null, 1],
  ];
}

const namesByLang = new Map<Lang, uPlot.DateNames>();

/** Month and weekday names in the UI language, for the axis labels. */
function dateNames(lang: Lang): uPlot.DateNames {
  let names = namesByLang.get(lang);
  if (!names) {
    const months = (month: 'long' | 'short') =>
      Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat(lang, { month, timeZone: 'UTC' }).format(Date.UTC(2026, i, 15)));
    // 4 January 2026 was a Sunday
    const weekdays = (weekday: 'long' | 'short') =>
      Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(lang, { weekday, timeZone: 'UTC' }).format(Date.UTC(2026, 0, 4 + i)));
    names = { MMMM: months('long'), MMM: months('short'), WWWW: weekdays('long'), WWW: weekdays('short') };
    namesByLang.set(lang, names);
  }
  return names;
}

/** A CSS colour; 'var(--brand)' is read from :root (the operator's branding). */
export function resolveColor(color: string): string {
  const match = /^var\((--[\w-]+)\)$/.exec(color.trim());
  if (!match) return color;
  return getComputedStyle(document.documentElement).getPropertyValue(match[1]).trim() || '#2457a6';
}

/** The colour with the given opacity ('#2457a6', 0.3 → 'rgba(36, 87, 166, 0.3)'); other notations unchanged. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16));
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(color.trim());
  return rgb ? `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${alpha})` : color;
}

/** The index of the interval containing `value`: the last x at or before it (x ascending), within the data. */
export function intervalIndexAt(x: readonly number[], value: number): number | null {
  if (x.length === 0 || value < x[0]) return null;
  let low = 0;
  let high = x.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (x[middle] <= value) low = middle;
    else high = middle - 1;
  }
  // the closing point (the end of the last interval) belongs to the last interval
  return x.length > 1 && low === x.length - 1 ? low - 1 : low;
}

function chartOptions(UPlot: UPlotClass, input: BuildInput): uPlot.Options {
  const { width, height, range, series, axes, lang, timeZone, x, onHover, onDrawn } = input;
  const text = resolveColor('var(--text)');
  const grid = resolveColor('var(--border)');
  const names = dateNames(lang);
  const stepped = UPlot.paths.stepped?.({ align: 1, alignGaps: 1 });
  const bars = UPlot.paths.bars?.({ align: 1, size: [0.8, Infinity, 1] });
  const axisFont = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  // on a phone the value axes take less room, so the plot keeps most of the 360 px
  const narrow = width < 480;

  const scales: uPlot.Scales = { x: { time: true, range: () => [range[0], range[1]] } };
  for (const axis of axes) {
    scales[axis.scale] = {
      range: (_u, min, max) => {
        let low = min ?? 0;
        let high = max ?? 1;
        if (axis.includeZero) {
          low = Math.min(0, low);
          high = Math.max(0, high);
        }
        if (low === high) high = low + 1;
        const pad = (high - low) * 0.08;
        return [low < 0 || !axis.includeZero ? low - pad : 0, high > 0 || !axis.includeZero ? high + pad : 0];
      },
    };
  }

  return {
    width,
    height,
    tzDate: (ts) => UPlot.tzDate(new Date(ts * 1e3), timeZone),
    fmtDate: (template) => UPlot.fmtDate(template, names),
    legend: { show: false },
    cursor: {
      points: { show: false },
      drag: { x: false, y: false, setScale: false },
    },
    hooks: {
      // the interval under the pointer (not the nearest point: with steps and bars a value lasts until the next x)
      setCursor: [(u) => {
        const left = u.cursor.left ?? -1;
        onHover(left < 0 ? null : intervalIndexAt(x, u.posToVal(left, 'x')));
      }],
      draw: [onDrawn],
    },
    scales,
    series: [
      {},
      ...series.map((s): uPlot.Series => {
        const color = resolveColor(s.color);
        return {
          label: s.label,
          scale: s.scale,
          stroke: color,
          width: s.width ?? (s.style === 'bars' ? 1 : 1.5),
          dash: s.dash,
          fill: s.fill === undefined ? undefined : withAlpha(color, s.fill),
          fillTo: () => 0,
          spanGaps: false,
          points: { show: false },
          paths: s.style === 'bars' ? bars : s.style === 'steps' ? stepped : undefined,
        };
      }),
    ],
    axes: [
      {
        stroke: text,
        font: axisFont,
        grid: { stroke: grid, width: 1 },
        ticks: { stroke: grid, width: 1 },
        values: timeAxisStamps(lang) as unknown as uPlot.Axis['values'],
        space: 60,
      },
      ...axes.map((axis): uPlot.Axis => ({
        scale: axis.scale,
        side: axis.side === 'left' ? 3 : 1,
        label: axis.label,
        labelFont: axisFont,
        labelSize: narrow ? 14 : 18,
        font: axisFont,
        stroke: text,
        size: narrow ? 40 : 56,
        grid: { show: axis.side === 'left', stroke: grid, width: 1 },
        ticks: { stroke: grid, width: 1 },
        values: (_u, splits) => splits.map((value) => axis.format(value)),
      })),
    ],
  };
}
