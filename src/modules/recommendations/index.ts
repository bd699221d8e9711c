import { defineModule } from '../../shared/module';
import { onArticleChange } from '../articles';
import { registerRelatedMutations } from './mutations';
import { recommendationRelations } from './relations';
import { relatedListsChanged } from './stale';
import { registerRecommendations } from './types';

/** 相关推荐: the articles recommended beside each article, and the editors' say over them. */
export const recommendations = defineModule({
  name: 'recommendations',
  relations: recommendationRelations,
  schema(builder) {
    registerRecommendations(builder);
    registerRelatedMutations(builder);
  },
});

// Publishing, correcting or retracting an article changes the lists it enters or leaves.
onArticleChange(relatedListsChanged);
