import openccTraditionalToSimplified from 'opencc-js/dict/TSCharacters';

/**
 * Traditional → simplified, character by character: OpenCC's character table (opencc-js, about
 * 3,500 characters; its phrase rules are left out, a search or a word filter works on characters),
 * so 綠色低碳, 經濟發展 or 聊城新聞 find what the simplified archive holds and 法輪 is the word 法轮.
 * Applied alike to documents and queries, and to comments and the sensitive words they are matched
 * against. Where OpenCC's one character has two simplified forms by meaning, the news sense wins:
 * 帳 is 账 (账号, 账单), not 帐 (a tent).
 */
const NEWS_SENSE: Record<string, string> = { 帳: '账' };

/** Traditional character → simplified. */
export const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const pair of openccTraditionalToSimplified.split('|')) {
    const [traditional, simplified] = pair.split(' ');
    if (traditional && simplified && traditional !== simplified) map.set(traditional, simplified);
  }
  for (const [traditional, simplified] of Object.entries(NEWS_SENSE)) map.set(traditional, simplified);
  return map;
})();
