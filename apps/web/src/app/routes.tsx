import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { Route, Switch } from 'wouter';
import { Loading } from '../components/loading';
import { ProjectsPage } from '../features/projects/components/projects-page';
import { NotFoundPage } from './not-found-page';

// Pages beyond the first screen load on demand, so the initial download stays small. A page whose
// chunk was preloaded (preloadPage, at start-up for the address being opened) renders at once;
// otherwise it shows the loading state until its chunk arrives.
type Page = ComponentType & { preload: () => Promise<unknown> };
function page<M>(load: () => Promise<M>, name: keyof M): Page {
  let loaded: ComponentType | undefined;
  let loading: Promise<unknown> | undefined;
  const preload = () =>
    (loading ??= load().then((module) => {
      loaded = module[name] as ComponentType;
    }));
  const Lazy = lazy(async () => {
    await preload();
    return { default: loaded! };
  });
  function Page(props: object) {
    // Chosen once per mount: switching from Lazy to the loaded component later would remount the page.
    const [Component, setComponent] = useState<ComponentType | undefined>(() => loaded);
    // A chunk still on its way is waited for here rather than by suspending: React shows a suspended
    // page no sooner than 300 ms after its fallback, and renders it in slices that yield to the
    // browser. A board whose data came in with the page (index.html) would wait on both.
    useEffect(() => {
      if (Component) return;
      let live = true;
      void preload().then(
        () => live && setComponent(() => loaded),
        // Lazy fails the same way in render, so the error boundary shows it.
        () => live && setComponent(() => Lazy),
      );
      return () => {
        live = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : <Loading />;
  }
  Page.preload = () => preload().catch(() => undefined);
  return Page;
}
const BoardPage = page(() => import('../features/board/components/board-page'), 'BoardPage');
const ListPage = page(() => import('../features/list/components/list-page'), 'ListPage');
const PersonPage = page(() => import('../features/list/components/person-page'), 'PersonPage');
const ItemPage = page(() => import('../features/items/components/item-page'), 'ItemPage');
const InboxPage = page(() => import('../features/inbox/components/inbox-page'), 'InboxPage');
const SearchPage = page(() => import('../features/search/components/search-page'), 'SearchPage');
const MembersPage = page(() => import('../features/members/components/members-page'), 'MembersPage');
const TokensPage = page(() => import('../features/tokens/components/tokens-page'), 'TokensPage');
const ProfilePage = page(() => import('../features/profile/components/profile-page'), 'ProfilePage');
const ProjectSettingsPage = page(
  () => import('../features/project-settings/components/project-settings-page'),
  'ProjectSettingsPage',
);
const ReportsPage = page(() => import('../features/reports/components/reports-page'), 'ReportsPage');
const MyWeekPage = page(() => import('../features/reports/components/my-week-page'), 'MyWeekPage');
const LabelsPage = page(() => import('../features/labels/components/labels-page'), 'LabelsPage');
const OrganizationPage = page(
  () => import('../features/organization/components/organization-page'),
  'OrganizationPage',
);

/** Starts loading the chunk of the page at `path` (called at start-up, alongside the session check). */
export function preloadPage(path: string): void {
  if (/^\/projects\/[^/]+\/?$/.test(path)) void BoardPage.preload();
  else if (/^\/(projects\/[^/]+\/)?list\/?$/.test(path)) void ListPage.preload();
  else if (/^\/items\/[^/]+\/?$/.test(path)) void ItemPage.preload();
  else if (/^\/reports\/?$/.test(path)) void ReportsPage.preload();
  else if (/^\/my-week\/?$/.test(path)) void MyWeekPage.preload();
}

/** The signed-in pages. `/invite/:token` is public and handled before the session gate. */
export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/" component={ProjectsPage} />
        <Route path="/projects/:key" component={BoardPage} />
        <Route path="/projects/:key/list" component={ListPage} />
        <Route path="/projects/:key/settings" component={ProjectSettingsPage} />
        <Route path="/list" component={ListPage} />
        <Route path="/items/:key" component={ItemPage} />
        <Route path="/people/:id" component={PersonPage} />
        <Route path="/inbox" component={InboxPage} />
        <Route path="/search" component={SearchPage} />
        <Route path="/reports" component={ReportsPage} />
        <Route path="/my-week" component={MyWeekPage} />
        <Route path="/settings/members" component={MembersPage} />
        <Route path="/settings/tokens" component={TokensPage} />
        <Route path="/settings/profile" component={ProfilePage} />
        <Route path="/settings/labels" component={LabelsPage} />
        <Route path="/settings/organization" component={OrganizationPage} />
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </Suspense>
  );
}
