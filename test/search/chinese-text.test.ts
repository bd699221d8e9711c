import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  documentVector,
  highlight,
  highlightHtml,
  normaliseText,
  parseSearchQuery,
  tokens,
} from '../../src/shared/chinese-text';
import { TRADITIONAL_TO_SIMPLIFIED } from '../../src/shared/traditional';

describe('Chinese text for search', () => {
  it('normalises full-width forms, case and common traditional characters', () => {
    expect(normaliseText('ＧＤＰ增長５％，綠色發展')).toBe('gdp增长5%,绿色发展');
  });

  it('reads traditional characters as simplified, but leaves simplified words such as 乾隆 and 哪吒 alone', () => {
    expect(normaliseText('以後於是什麽網絡賭場帳號')).toBe('以后于是什么网络赌场账号');
    // In the simplified standard as words of their own: folding would lose them (乾隆 → 干隆).
    expect(normaliseText('乾隆 哪吒 蒜薹 宫商角徵羽')).toBe('乾隆 哪吒 蒜薹 宫商角徵羽');
    // A folded character is never folded again: 薴 is 苎, as 苧 is.
    expect(normaliseText('薴苧')).toBe('苎苎');
  });

  it('folds no character that GB2312, the simplified standard, holds, but those simplified text writes only as surnames', () => {
    // GB2312's hanzi are the two-byte codes with a lead byte B0–F7 and a trail byte A1–FE (GBK keeps them).
    const inGb2312 = (char: string) => {
      const [lead = 0, trail = 0, ...rest] = iconv.encode(char, 'gbk');
      return rest.length === 0 && lead >= 0xb0 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe;
    };
    const folded = [...TRADITIONAL_TO_SIMPLIFIED.keys()].filter(inGb2312).sort();
    expect(folded).toEqual([...'後於麽夥'].sort());
    expect(TRADITIONAL_TO_SIMPLIFIED.size).toBeGreaterThan(3000);
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
