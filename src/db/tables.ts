// Every table of every domain, for drizzle-kit and for the relations. Domains own their tables.
export * from '../modules/articles/tables';
export * from '../modules/channels/tables';
export * from '../modules/recommendations/tables';
export * from '../modules/site/tables';
