import type { GraphiQLOptions } from 'graphql-yoga';
import { operations } from '../generated/operations';

/** Where the gateway serves GraphiQL's own files (copied from `@graphql-yoga/graphiql`'s build). */
export const PLAYGROUND_ASSETS = '/graphiql';

/** The playground opens with one tab per named operation in `schema/operations/`. */
export const playgroundOptions: GraphiQLOptions = {
  title: '聊城新闻网 GraphQL',
  defaultTabs: operations.map((operation) => ({
    query: operation.document,
    variables: JSON.stringify(operation.variables, null, 2),
  })),
  defaultEditorToolsVisibility: 'variables',
};

const escapeForScript = (json: string) => json.replace(/</g, '\\u003c');
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * Yoga's stock page loads GraphiQL from unpkg and GitHub, which many networks in mainland China
 * (and any build machine without internet) cannot reach. This page loads every file from the
 * gateway itself; the editor workers are fetched and turned into blob URLs as Yoga's page does.
 */
export function renderPlayground(options: GraphiQLOptions): string {
  const assets = PLAYGROUND_ASSETS;
  // Yoga's wrapper fills the active (first) tab's editors from `query` and `variables`, not from
  // `defaultTabs[0]`: without them that tab is labelled ArticlePage but holds Yoga's welcome text.
  const [first] = options.defaultTabs ?? [];
  const props = first ? { query: first.query, variables: first.variables, ...options } : options;
  const workers = {
    editorWorkerService: `${assets}/monacoeditorwork/editor.worker.bundle.js`,
    json: `${assets}/monacoeditorwork/json.worker.bundle.js`,
    graphql: `${assets}/monacoeditorwork/graphql.worker..bundle.js`,
  };
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets}/graphiql.css">
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript.</noscript>
<div id="root">Loading…</div>
<script>
const workerUrls = ${escapeForScript(JSON.stringify(workers))};
const workers = {};
function prepareWorkers() {
  return Promise.all(Object.entries(workerUrls).map(async ([label, url]) => {
    const source = await (await fetch(url)).text();
    workers[label] = URL.createObjectURL(new Blob([source], { type: 'application/javascript' }));
  }));
}
self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_id, label) => workers[label] };
</script>
<script src="${assets}/yoga-graphiql.umd.js"></script>
<script>
prepareWorkers().finally(() => YogaGraphiQL.renderYogaGraphiQL(root, ${escapeForScript(JSON.stringify(props))}));
</script>
</body>
</html>`;
}
