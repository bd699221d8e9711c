import { defineModule } from '../../shared/module';
import { onArticleChange } from '../articles';
import { recommendationRelations } from './relations';
import { relatedListsShowing } from './stale';
import { registerRecommendations } from './types';

/** 相关推荐: the articles recommended beside each article. */
export const recommendations = defineModule({
  name: 'recommendations',
  relations: recommendationRelations,
  schema: registerRecommendations,
});

// Publishing or retracting an article changes the lists that name it.
onArticleChange(relatedListsShowing);
