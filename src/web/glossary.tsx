import type { ComponentChildren } from 'preact';

/** The terms the page's numbers use, each a sentence; every number that uses one links here (/glossary#id). */
export const GLOSSARY: Array<{ id: string; term: string; text: string }> = [
  {
    id: 'gap-score',
    term: 'Gap score',
    text: 'The share of a slice’s demand that needs the skill, times the part of it no quality-assured offer reaching the region covers: demand share × (1 − coverage). Higher means more demand left untaught.',
  },
  {
    id: 'gap-index',
    term: 'Gap index',
    text: 'For a sector and region: the share of the demand for the skills particular to the sector (needed there more than across all sectors) that none of its offers covers, 0 all covered to 1 none; “no index” when the slice has no such demand. The overview colours cells by it.',
  },
  {
    id: 'demand-share',
    term: 'Demand share',
    text: 'The persons (or vacancies, or job ads) in occupations that need the skill, as a share of the slice’s total; an optional need counts half. Derived from official figures spread down to ESCO occupations.',
  },
  {
    id: 'coverage',
    term: 'Coverage',
    text: 'How much of a skill’s demand the published micro-credentials reaching the region teach (0–1): each offer weighs by its link state, its provider’s accreditation and its Annex I completeness, capped at 1.',
  },
  {
    id: 'reliability',
    term: 'Low reliability',
    text: 'The share of the demand behind a number that comes from figures the source flags as of low reliability (Eurostat flag u: small samples). Read such numbers with caution.',
  },
  {
    id: 'completeness',
    term: 'Completeness',
    text: 'The share of the nine mandatory Annex I elements of the 2022 Council Recommendation an offer states (a level declared not applicable counts as stated). Coverage weighs each offer by it.',
  },
  {
    id: 'viable',
    term: 'Viable',
    text: 'A match or career move for which the person already has at least two fifths of what the occupation needs (skill fit ≥ 0.4, near-held skills counted in part). Below that it is a stretch.',
  },
];

/** A number's term, linking to its definition. */
export function Term(props: { id: string; children: ComponentChildren }) {
  const entry = GLOSSARY.find((g) => g.id === props.id);
  return (
    <a class="term" href={`/glossary#${props.id}`} title={entry?.text}>
      {props.children}
    </a>
  );
}

export function GlossaryView() {
  return (
    <section>
      <h1>Glossary</h1>
      <dl class="glossary">
        {GLOSSARY.map((g) => (
          <div key={g.id} id={g.id}>
            <dt>{g.term}</dt>
            <dd>{g.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
