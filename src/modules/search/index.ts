import { defineModule } from '../../shared/module';
import { onArticleChange } from '../articles';
import { searchRelations } from './relations';
import { reindexOnChange } from './stale';
import { registerSearch } from './types';

/** 搜索: full-text search of published articles in Chinese. */
export const search = defineModule({
  name: 'search',
  relations: searchRelations,
  schema: registerSearch,
});

// Every editor change re-indexes the article in the change's transaction.
onArticleChange(reindexOnChange);
