import { num, signed } from '../format';

/**
 * A gap's trend as a small chart: its demand in the earlier period the API compared with (previousDemand in
 * trendPeriod) and in the slice's period, as two bars on one scale, the values written on them. SVG with
 * presentation attributes and classes only, so the page's CSP (no inline styles) holds.
 */

const WIDTH = 260;
const HEIGHT = 90;
const BAR = 70;
const TOP = 18;

export function TrendChart(props: {
  before: { period: string; demand: number };
  now: { period: string; demand: number };
  trend: number | null;
  unit: string;
}) {
  const max = Math.max(props.before.demand, props.now.demand) || 1;
  const bars = [props.before, props.now].map((p, i) => {
    const h = ((HEIGHT - TOP - 16) * p.demand) / max;
    return { ...p, x: 30 + i * (BAR + 60), h, y: HEIGHT - 16 - h };
  });
  const label = `Demand ${bars.map((b) => `${b.period}: ${num(b.demand)} ${props.unit}`).join(', ')}; trend ${signed(props.trend)}`;
  return (
    <svg
      class="trend-chart"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      {bars.map((b, i) => (
        <g key={b.period}>
          <rect class={i === 0 ? 'before' : 'now'} x={b.x} y={b.y} width={BAR} height={Math.max(b.h, 1)} />
          <text x={b.x + BAR / 2} y={b.y - 4} text-anchor="middle">
            {num(b.demand)}
          </text>
          <text x={b.x + BAR / 2} y={HEIGHT - 3} text-anchor="middle">
            {b.period}
          </text>
        </g>
      ))}
      <text x={WIDTH / 2} y={12} text-anchor="middle" class="trend">
        {signed(props.trend)}
      </text>
    </svg>
  );
}
