// Settings every recharts chart of the dashboard shares: size, axes in words, tooltips with units.
import type { CSSProperties } from 'react';
import { formatDay, formatMinutes } from '../chart-format.ts';

/** Charts fill their card's width at a fixed height (recharts' `responsive` follows the container's CSS size). */
export const chartStyle = (height = 240): CSSProperties => ({ width: '100%', height });

export const MARGIN = { top: 8, right: 16, bottom: 24, left: 8 };

/** Axis titles (recharts draws them inside the SVG, so they scale with the chart). */
export const yLabel = (value: string) => ({ value, angle: -90, position: 'insideLeft' as const, style: { textAnchor: 'middle' as const, fill: '#5d6677', fontSize: 12 } });
export const xLabel = (value: string) => ({ value, position: 'insideBottom' as const, offset: -14, style: { fill: '#5d6677', fontSize: 12 } });

export const TICK = { fontSize: 12, fill: '#3b4354' };

/** Tooltip values in minutes, as "1 h 05 min". */
export const minutesTooltip = (value: unknown) => formatMinutes(typeof value === 'number' ? value : Number(value));
/** Tooltip headings for day axes: "3 Mar". */
export const dayLabel = (label: unknown) => formatDay(String(label));
/** Day ticks: "3 Mar". */
export const dayTick = (day: unknown) => formatDay(String(day));
