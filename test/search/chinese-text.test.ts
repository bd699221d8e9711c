import { describe, expect, it } from 'vitest';
import {
  documentVector,
  highlight,
  highlightHtml,
  normaliseText,
  parseSearchQuery,
  tokens,
} from '../../src/shared/chinese-text';

describe('Chinese text for search', () => {
  it('normalises full-width forms, case and common traditional characters', () => {
    expect(normaliseText('ＧＤＰ增長５％，綠色發展')).toBe('gdp增长5%,绿色发展');
  });

  it('indexes bigrams at consecutive positions, the last character alone, never across punctuation', () => {
    const lexemes = tokens('绿色低碳，5G基站').tokens.map((t) => `${t.lexeme}@${t.position}`);
    expect(lexemes).toEqual(['绿色@1', '色低@2', '低碳@3', '碳@3', '5g@4', '基站@5', '站@5']);
    expect(documentVector('绿色', '低碳')).toBe("'绿色':1A '色':1A '低碳':7 '碳':7");
  });

  it('turns a reader’s query into phrases ANDed across spaces and punctuation', () => {
    expect(parseSearchQuery('「5G基站」')).toMatchObject({ tsquery: "('5g' <-> '基站')" });
    expect(parseSearchQuery('GDP增长')).toMatchObject({ tsquery: "('gdp' <-> '增长')" });
    expect(parseSearchQuery('碳')).toMatchObject({ tsquery: "'碳':*" });
    expect(parseSearchQuery('綠色 造林701')).toMatchObject({ tsquery: "'绿色' & ('造林' <-> '701':*)" });
    expect(parseSearchQuery(' ')).toHaveProperty('problem');
    expect(parseSearchQuery('。。')).toHaveProperty('problem');
    expect(parseSearchQuery('长'.repeat(65))).toHaveProperty('problem');
    expect(parseSearchQuery('长'.repeat(64))).not.toHaveProperty('problem');
  });

  it('highlights matches in original offsets, escapes the rest, and cuts snippets around the first match', () => {
    const title = highlight('<b>ＧＤＰ增长</b>', ['gdp', '增长']);
    expect(title.ranges).toEqual([{ start: 3, length: 5 }]);
    expect(highlightHtml(title)).toBe('&lt;b&gt;<em>ＧＤＰ增长</em>&lt;/b&gt;');
    const long = `${'甲'.repeat(200)}绿色低碳${'乙'.repeat(200)}`;
    const snippet = highlight(long, ['绿色低碳'], 40);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    const [range] = snippet.ranges;
    expect(snippet.text.slice(range?.start, (range?.start ?? 0) + (range?.length ?? 0))).toBe('绿色低碳');
  });
});
