import openccTraditionalToSimplified from 'opencc-js/dict/TSCharacters';

/**
 * Traditional → simplified, character by character: OpenCC's character table (opencc-js; its
 * phrase rules are left out: search and the word filter work on characters), so 綠色低碳, 經濟發展
 * or 聊城新聞 find what the simplified archive holds and 法輪 is the word 法轮. Applied alike to
 * documents and queries, and to comments and the sensitive words they are matched against.
 */

/**
 * Characters OpenCC folds that the simplified standard (GB2312) has too, as words of their own:
 * 乾隆, 哪吒, 蒜薹, 宫商角徵羽. Folding them would make 乾隆 find nothing and 乾县 find 若干县, so
 * they stay as written. (後, 於, 麽 and 夥 are in GB2312 too, but simplified text writes them only
 * as surnames or in classical words: they are folded, as traditional text uses them all the time.)
 */
const SIMPLIFIED_IN_THEIR_OWN_RIGHT = new Set('乾吒徵拚捱摺榘菸薹袷醣麴');

/** Where OpenCC's one character has two simplified forms by meaning, the news sense: 账号, not 帐篷. */
const NEWS_SENSE: Readonly<Record<string, string>> = { 帳: '账' };

/** Traditional character → simplified; a result is never itself folded again (薴 → 苎, not 苧). */
export const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const pair of openccTraditionalToSimplified.split('|')) {
    const [traditional, simplified] = pair.split(' ');
    if (!traditional || !simplified || traditional === simplified) continue;
    if (!SIMPLIFIED_IN_THEIR_OWN_RIGHT.has(traditional)) map.set(traditional, simplified);
  }
  for (const [traditional, simplified] of Object.entries(NEWS_SENSE)) map.set(traditional, simplified);
  for (const [traditional, simplified] of map) {
    let folded = simplified;
    for (let next = map.get(folded); next !== undefined && next !== folded; next = map.get(folded)) folded = next;
    map.set(traditional, folded);
  }
  return map;
})();
