import { num, signed } from '../format';

/**
 * A gap's trend as a small chart: its demand in each period given (the source's periods, SkillGap.demandSeries,
 * or at least the earlier period the API compared with and the slice's), as bars on one scale with the values
 * written on them; the last two are the pair `trend` compares. SVG with presentation attributes and classes
 * only, so the page's CSP (no inline styles) holds.
 */

const HEIGHT = 90;
const TOP = 18;
const GAP = 14;

export function TrendChart(props: {
  points: Array<{ period: string; demand: number }>;
  trend: number | null;
  unit: string;
}) {
  const n = props.points.length;
  const bar = n <= 2 ? 70 : Math.max(34, Math.floor(220 / n) - GAP);
  const width = Math.max(260, 30 + n * (bar + GAP));
  const max = Math.max(...props.points.map((p) => p.demand)) || 1;
  const bars = props.points.map((p, i) => {
    const h = ((HEIGHT - TOP - 16) * p.demand) / max;
    const x = n <= 2 ? 30 + i * (bar + 60) : 15 + i * (bar + GAP);
    return { ...p, x, h, y: HEIGHT - 16 - h, kind: i === n - 1 ? 'now' : i === n - 2 ? 'before' : 'earlier' };
  });
  const label = `Demand ${bars.map((b) => `${b.period}: ${num(b.demand)} ${props.unit}`).join(', ')}; trend ${signed(props.trend)}`;
  return (
    <svg
      class="trend-chart"
      width={width}
      height={HEIGHT}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      {bars.map((b) => (
        <g key={b.period}>
          <rect class={b.kind} x={b.x} y={b.y} width={bar} height={Math.max(b.h, 1)} />
          <text x={b.x + bar / 2} y={b.y - 4} text-anchor="middle">
            {num(b.demand)}
          </text>
          <text x={b.x + bar / 2} y={HEIGHT - 3} text-anchor="middle">
            {b.period}
          </text>
        </g>
      ))}
      <text x={width / 2} y={12} text-anchor="middle" class="trend">
        {signed(props.trend)}
      </text>
    </svg>
  );
}
