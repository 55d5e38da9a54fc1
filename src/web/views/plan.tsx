import type { CoursePlanQuery } from '../gql/graphql';
import { num } from '../format';

/**
 * The counsellor's course plan (recommendCourses): the courses with their hours and what each covers, totals
 * against the hour limit, what stays uncovered, alternatives and the offers left out with why. The print
 * stylesheet keeps the plan alone on one page (no-print marks what stays off paper).
 */

type Plan = CoursePlanQuery['recommendCourses'];

export function PlanView(props: { plan: Plan; target: string; hours: string }) {
  const p = props.plan;
  const money = (amount: number) => (p.currency ? `${num(amount)} ${p.currency}` : num(amount));
  return (
    <article class="plan">
      <h2>Course plan towards {props.target}</h2>
      <p>{p.explanation}</p>
      {p.courses.length > 0 && (
        <table>
          <caption>
            {p.courses.length} course(s), {num(p.totalHours)} hours{p.totalCost > 0 ? `, ${money(p.totalCost)}` : ''}
            {props.hours.trim() ? ` (limit ${props.hours} hours)` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Course</th>
              <th scope="col">Hours</th>
              <th scope="col">Covers</th>
            </tr>
          </thead>
          <tbody>
            {p.courses.map((c, i) => (
              <tr key={i}>
                <th scope="row">{c.microCredential?.title}</th>
                <td>{num(c.workloadHours)}</td>
                <td>{c.covers.map((s) => s.preferredLabel).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.uncovered.length > 0 && (
        <p>
          Not taught by any course within the limits ({p.uncovered.length}):{' '}
          {p.uncovered
            .slice(0, 8)
            .map((s) => s.preferredLabel)
            .join(', ')}
          {p.uncovered.length > 8 ? ', …' : ''}
        </p>
      )}
      {p.alternatives.length > 0 && (
        <div class="no-print">
          <h3>Alternatives</h3>
          <ul>
            {p.alternatives.map((a, i) => (
              <li key={i}>
                {a.courses.map((c) => c.microCredential?.title).join(' + ')}: {num(a.totalHours)} hours,{' '}
                {a.uncovered.length} skill(s) uncovered
              </li>
            ))}
          </ul>
        </div>
      )}
      {(p.notAssessable.length > 0 || p.rejected.length > 0) && (
        <div class="no-print">
          <h3>Offers not in the plan</h3>
          <ul>
            {p.rejected.map((r, i) => (
              <li key={`r${i}`}>
                {r.microCredential?.title}: {r.reason}
              </li>
            ))}
            {p.notAssessable.map((r, i) => (
              <li key={`n${i}`}>
                {r.microCredential?.title}: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="no-print">
        <button type="button" onClick={() => window.print()}>
          Print the plan
        </button>
      </p>
    </article>
  );
}
