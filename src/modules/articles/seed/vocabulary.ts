/**
 * Word lists for the article generator. Places are real (聊城's counties and some of their towns),
 * people are invented from common surnames and given-name characters.
 */

/** How far from 聊城 a channel looks; it decides which places, departments and outlets appear. */
export type Scope = 'local' | 'province' | 'national' | 'international';

export interface County {
  slug: string;
  name: string;
  towns: readonly string[];
  /** Sights that templates may place stories at; empty where none is well known. */
  landmarks: readonly string[];
}

/** The eight county-level divisions; `slug` matches the 县域 sub-channels. */
export const COUNTIES: readonly County[] = [
  {
    slug: 'dongchangfu',
    name: '东昌府区',
    towns: ['古楼街道', '柳园街道', '新区街道', '湖西街道', '堂邑镇', '沙镇镇'],
    landmarks: ['东昌湖', '光岳楼', '山陕会馆', '中国运河文化博物馆', '海源阁', '聊城古城', '孔繁森同志纪念馆'],
  },
  {
    slug: 'linqing',
    name: '临清市',
    towns: ['新华路街道', '青年路街道', '大辛庄街道', '烟店镇', '松林镇', '魏湾镇'],
    landmarks: ['临清运河钞关', '临清舍利宝塔', '鳌头矶'],
  },
  {
    slug: 'yanggu',
    name: '阳谷县',
    towns: ['狮子楼街道', '侨润街道', '阿城镇', '七级镇', '张秋镇', '寿张镇'],
    landmarks: ['景阳冈', '狮子楼'],
  },
  {
    slug: 'chiping',
    name: '茌平区',
    towns: ['振兴街道', '信发街道', '博平镇', '杜郎口镇', '乐平铺镇', '韩屯镇'],
    landmarks: [],
  },
  {
    slug: 'shenxian',
    name: '莘县',
    towns: ['莘州街道', '莘亭街道', '燕店镇', '朝城镇', '十八里铺镇', '张鲁回族镇'],
    landmarks: [],
  },
  {
    slug: 'donge',
    name: '东阿县',
    towns: ['铜城街道', '新城街道', '刘集镇', '姜楼镇', '鱼山镇', '牛角店镇'],
    landmarks: ['东阿阿胶城', '鱼山曹植墓'],
  },
  {
    slug: 'guanxian',
    name: '冠县',
    towns: ['清泉街道', '崇文街道', '烟庄街道', '辛集镇', '梁堂镇', '贾镇'],
    landmarks: ['武训纪念馆'],
  },
  {
    slug: 'gaotang',
    name: '高唐县',
    towns: ['鱼邱湖街道', '汇鑫街道', '人和街道', '清平镇', '琉璃寺镇', '尹集镇'],
    landmarks: ['李苦禅纪念馆'],
  },
];

/** Development zones appear as places in city news but have no channel of their own. */
export const ZONES: readonly string[] = ['聊城经济技术开发区', '聊城高新技术产业开发区', '江北水城旅游度假区'];

/** Every sight in the city, for stories about 聊城 as a whole. */
export const LANDMARKS: readonly string[] = COUNTIES.flatMap((c) => c.landmarks);

export const SHANDONG_CITIES: readonly string[] = [
  '济南市',
  '青岛市',
  '淄博市',
  '枣庄市',
  '东营市',
  '烟台市',
  '潍坊市',
  '济宁市',
  '泰安市',
  '威海市',
  '日照市',
  '临沂市',
  '德州市',
  '滨州市',
  '菏泽市',
];

export const PROVINCES: readonly string[] = [
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '四川省',
  '陕西省',
  '甘肃省',
  '云南省',
];

export const COUNTRIES: readonly string[] = [
  '俄罗斯',
  '哈萨克斯坦',
  '德国',
  '法国',
  '匈牙利',
  '塞尔维亚',
  '新加坡',
  '马来西亚',
  '印度尼西亚',
  '泰国',
  '越南',
  '韩国',
  '沙特阿拉伯',
  '阿联酋',
  '巴西',
  '南非',
];

/** Where visiting tourists say they come from. */
export const ORIGINS: readonly string[] = ['济南', '北京', '天津', '河北邯郸', '河南濮阳', '江苏徐州', '上海', '德州'];

export type DeptKey =
  | 'agriculture'
  | 'approval'
  | 'culture'
  | 'education'
  | 'health'
  | 'transport'
  | 'ecology'
  | 'civil'
  | 'emergency'
  | 'commerce'
  | 'science'
  | 'urban'
  | 'foreign';

/** Each department as named in the city, the province and the State Council. */
export const DEPARTMENTS: Record<DeptKey, readonly [local: string, province: string, national: string]> = {
  agriculture: ['市农业农村局', '省农业农村厅', '农业农村部'],
  approval: ['市行政审批服务局', '省政府办公厅', '国务院办公厅'],
  culture: ['市文化和旅游局', '省文化和旅游厅', '文化和旅游部'],
  education: ['市教育局', '省教育厅', '教育部'],
  health: ['市卫生健康委', '省卫生健康委', '国家卫生健康委'],
  transport: ['市交通运输局', '省交通运输厅', '交通运输部'],
  ecology: ['市生态环境局', '省生态环境厅', '生态环境部'],
  civil: ['市民政局', '省民政厅', '民政部'],
  emergency: ['市应急管理局', '省应急管理厅', '应急管理部'],
  commerce: ['市商务局', '省商务厅', '商务部'],
  science: ['市科技局', '省科技厅', '科技部'],
  urban: ['市城市管理局', '省住房城乡建设厅', '住房城乡建设部'],
  foreign: ['市外办', '省外办', '外交部'],
};

/** Posts by the last character of the department's name: 局 has a 局长, 委 and 办 have a 主任. */
export const OFFICIAL_POSTS: Record<string, readonly string[]> = {
  局: ['党组书记、局长', '局长', '副局长', '党组成员、副局长'],
  委: ['党组书记、主任', '主任', '副主任'],
  办: ['主任', '副主任'],
};

/** Outlets per scope; the first ones are the likeliest. */
export const SOURCES: Record<Scope, readonly string[]> = {
  local: ['聊城新闻网', '聊城新闻网', '聊城日报', '聊城晚报', '聊城广播电视台', '大众日报', '齐鲁晚报'],
  province: ['大众日报', '大众报业·大众日报客户端', '齐鲁晚报', '闪电新闻', '齐鲁壹点'],
  national: ['新华社', '人民日报', '央视新闻', '中国新闻网'],
  international: ['新华社', '新华社', '人民日报', '央视新闻'],
};

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姜崔';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂文辉鑫宇浩晨欣婷雪慧琳鹏博帅佳冉凯瑞玉兰建国红英海燕志华庆春';

export const surnames: readonly string[] = [...SURNAMES];
export const givenChars: readonly string[] = [...GIVEN];

export const EDITORS: readonly string[] = [
  '王晓燕',
  '李静',
  '张宁',
  '刘洋',
  '陈晨',
  '杨帆',
  '赵敏',
  '孙丽',
  '周婷',
  '马超',
];

export const KICKERS: readonly string[] = [
  '奋进新征程 建功新时代',
  '一线见闻',
  '高质量发展调研行',
  '记者蹲点',
  '关注民生',
  '项目建设进行时',
];

export const HEADINGS: readonly string[] = [
  '坚持高位推动 凝聚工作合力',
  '聚焦群众关切 办好民生实事',
  '创新工作机制 激发发展活力',
  '强化要素保障 推动项目落地',
  '补齐短板弱项 提升服务水平',
  '坚持久久为功 擦亮特色品牌',
];

/** Generic sentences any domestic topic can use; `{topic}` is the topic's name. */
export const COMMON_SENTENCES: readonly string[] = [
  '{official}介绍，今年以来，{place}围绕{topic}出台了一系列政策措施，取得了阶段性成效。',
  '下一步，{place}将持续在{topic}上下功夫，推动各项任务落地见效，让群众有更多获得感。',
  '据了解，{place}已将{topic}纳入年度重点工作，实行清单化管理、项目化推进。',
  '{place}坚持问题导向，建立定期调度、督导检查机制，确保{topic}各项工作落到实处。',
  '各级各部门主动作为、协同配合，形成了推进{topic}的强大合力。',
  '“我们要把群众满意作为工作的出发点和落脚点。”{official}说。',
  '同时，{place}注重总结推广典型经验，以点带面推动{topic}整体提升。',
];

/** Titles and sentences for 锐评 commentaries. */
export const COMMENTARY_TITLES: readonly string[] = [
  '以{topic}新成效回应群众新期待',
  '{topic}既要“快”更要“实”',
  '把{topic}这篇大文章做好',
  '让{topic}成果更多惠及百姓',
];

export const COMMENTARY_SENTENCES: readonly string[] = [
  '{topic}事关发展全局，也事关群众切身利益。',
  '做好{topic}，关键在于把握好“进”与“稳”的关系，既要积极作为，又要久久为功。',
  '抓{topic}，不能只看数字好不好看，更要看群众是否真正得到实惠。',
  '从{place}的实践来看，只有把功夫下在平时、把工作做在基层，才能赢得群众的认可。',
  '各级干部要多到一线走一走、看一看，真正把群众的需求摸清楚、把问题解决好。',
  '说一千道一万，不如干一件是一件。',
  '期待更多地方在{topic}上拿出实招、硬招，以实干实绩书写高质量发展新篇章。',
];

/** Tags that are not tied to one topic. */
export const SCOPE_TAGS: Record<Scope, readonly string[]> = {
  local: ['聊城', '高质量发展'],
  province: ['山东', '高质量发展'],
  national: ['全国', '高质量发展'],
  international: ['国际'],
};

/** Invented company names: a local-sounding brand plus a trade. */
export const COMPANY_BRANDS: readonly string[] = [
  '水城',
  '运河',
  '凤凰',
  '金穗',
  '昌润',
  '华宇',
  '东岳',
  '瑞丰',
  '鲁聊',
  '泰和',
];
export const COMPANY_TRADES: readonly string[] = [
  '新材料科技',
  '智能装备',
  '生物科技',
  '食品',
  '新能源',
  '汽车零部件',
  '精密轴承',
  '纺织',
];

/** Common photo sizes, landscape and portrait. */
export const IMAGE_SIZES: readonly (readonly [number, number])[] = [
  [1080, 720],
  [1280, 720],
  [1200, 800],
  [960, 640],
  [1080, 1440],
];
