// The articles module's demo data (Node only: `npm start`, `npm run db:seed`, tests).
export { seedArticles as seed } from './seed/articles';
