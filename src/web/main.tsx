import { render } from 'preact';
import { navigate, useRoute } from './route';
import { GlossaryView } from './glossary';
import { OverviewView } from './views/overview';
import { GapsView } from './views/gaps';
import { CounsellorView } from './views/counsellor';
import { TaxonomyView } from './views/taxonomy';
import { CatalogueView } from './views/catalogue';
import { RecommendationsView } from './views/recommendations';
import { KeyControl } from './key';

/**
 * The hub's page: views for councils and observatories (overview, skill gaps), counsellors and catalogue
 * curators, over the public GraphQL API.
 * Each view keeps its filters in the URL. Links inside the page navigate without reloading.
 */

const VIEWS = [
  { path: '/', name: 'Overview', view: OverviewView },
  { path: '/gaps', name: 'Skill gaps', view: GapsView },
  { path: '/recommendations', name: 'Recommendations', view: RecommendationsView },
  { path: '/counsellor', name: 'Counsellor', view: CounsellorView },
  { path: '/catalogue', name: 'Catalogue', view: CatalogueView },
  { path: '/taxonomy', name: 'Taxonomy', view: TaxonomyView },
  { path: '/glossary', name: 'Glossary', view: GlossaryView },
];

function App() {
  const route = useRoute();
  const current = VIEWS.find((v) => v.path === route.path);
  const View = current?.view;
  return (
    <>
      <header class="top">
        <a class="brand" href="/">
          Skills-intelligence hub
        </a>
        <nav aria-label="Views">
          {VIEWS.map((v) => (
            <a key={v.path} href={v.path} aria-current={v === current ? 'page' : undefined}>
              {v.name}
            </a>
          ))}
        </nav>
        <KeyControl />
      </header>
      <main>
        {View ? (
          <View params={route.params} />
        ) : (
          <section>
            <h1>Not found</h1>
            <p>
              No view at {route.path}. <a href="/">Go to the overview.</a>
            </p>
          </section>
        )}
      </main>
      <footer>
        Every figure comes from the hub’s GraphQL API at <code>/graphql</code>, with its source and date.
      </footer>
    </>
  );
}

// Same-origin links change the view without reloading the page.
document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.('a');
  if (!link || link.target || link.hasAttribute('download') || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname === '/graphql') return;
  event.preventDefault();
  if (url.pathname === location.pathname && url.search === location.search && url.hash) {
    document.getElementById(url.hash.slice(1))?.scrollIntoView();
    return;
  }
  navigate(url.pathname, Object.fromEntries(url.searchParams.entries()));
  window.scrollTo(0, 0);
});

const root = document.getElementById('app')!;
root.textContent = ''; // the static "Loading…" shown before the script runs
render(<App />, root);
