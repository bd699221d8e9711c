/** A series aired in a slot: the episode advances every day (`perDay` airings a day). */
export interface Series {
  title: string;
  episodes: number;
  /** Which airing of the day this slot is (0, 1, …) and how many there are. */
  airing: number;
  perDay: number;
  /** A rerun shows the previous day's episodes. */
  rerun?: boolean;
  synopsis: string;
}

/** One slot of a channel's day, in Beijing time; it ends where the next begins. */
export interface Slot {
  at: string;
  title: string;
  english?: string;
  categories: string[];
  description: string;
  /** Subjects of the day for magazines and news: one is picked per day. */
  subjects?: readonly string[];
  series?: Series;
  /** Off air from here until the next slot (公共频道 at night). */
  offAir?: boolean;
}

const LOCAL_NEWS = [
  '市委常委会召开会议 研究部署冬季安全生产工作',
  '聊城高新区签约12个重点项目 总投资86亿元',
  '江北水城冬季供暖全面启动 热源保障稳定',
  '东阿阿胶入选省级非遗工坊名单',
  '临清市推进古城保护更新 运河街区焕新颜',
  '冠县鸭梨深加工项目投产 带动千户增收',
  '聊城至济南城际公交开通满月 客流稳步增长',
  '全市中小学开展冬季防溺水防火安全教育',
  '阳谷县蔬菜大棚喜获丰收 冬菜供应京津',
  '莘县香瓜产业园获评国家级农业产业强镇',
  '茌平区新材料产业集群产值突破千亿',
  '高唐县举办书画艺术节 百余幅作品展出',
] as const;

const LIVELIHOOD = [
  '老旧小区加装电梯难在哪',
  '暖气不热怎么办？记者陪您找热力公司',
  '冬季菜价走势调查',
  '城区停车难 新增泊位何时投用',
  '农村客运班线延伸到村口',
  '医保电子凭证使用答疑',
  '小区物业费上涨引争议',
  '背街小巷路灯亮起来了',
] as const;

const HEALTH = [
  '冬季心脑血管疾病预防',
  '老年人防跌倒',
  '儿童流感高发期怎么护理',
  '膝关节炎的中医调理',
  '科学控糖',
] as const;
const OPERA = [
  '豫剧《花木兰》选段',
  '京剧《锁麟囊》选段',
  '山东梆子《墙头记》',
  '吕剧《李二嫂改嫁》选段',
  '东路梆子《打面缸》',
] as const;
const FARM = ['大棚蔬菜冬季管理', '小麦越冬期田间管理', '生猪养殖疫病防控', '食用菌种植技术', '果树冬季修剪'] as const;

/** 聊城综合频道: news, the CCTV relay, dramas day and night. */
export const LCTV1: readonly Slot[] = [
  {
    at: '00:00',
    title: '人世间',
    categories: ['电视剧'],
    description: '重播。',
    series: {
      title: '人世间',
      episodes: 58,
      airing: 0,
      perDay: 2,
      rerun: true,
      synopsis: '以北方城市周家三兄妹的人生轨迹，展现半个世纪的社会变迁与百姓生活。',
    },
  },
  {
    at: '00:50',
    title: '人世间',
    categories: ['电视剧'],
    description: '重播。',
    series: {
      title: '人世间',
      episodes: 58,
      airing: 1,
      perDay: 2,
      rerun: true,
      synopsis: '以北方城市周家三兄妹的人生轨迹，展现半个世纪的社会变迁与百姓生活。',
    },
  },
  { at: '01:40', title: '精彩节目回顾', categories: ['综艺'], description: '聊城综合频道精彩节目集锦。' },
  {
    at: '06:00',
    title: '早安聊城',
    english: 'Good Morning Liaocheng',
    categories: ['新闻'],
    description: '天气、路况与本地早新闻。',
  },
  {
    at: '07:00',
    title: '聊城新闻',
    english: 'Liaocheng News',
    categories: ['新闻'],
    description: '重播昨晚的《聊城新闻》。',
    subjects: LOCAL_NEWS,
  },
  {
    at: '07:30',
    title: '健康大讲堂',
    categories: ['健康'],
    description: '三甲医院专家讲解常见病的预防与治疗。',
    subjects: HEALTH,
  },
  {
    at: '08:20',
    title: '大江大河',
    categories: ['电视剧'],
    description: '上午剧场。',
    series: {
      title: '大江大河',
      episodes: 47,
      airing: 0,
      perDay: 3,
      synopsis: '改革开放初期，宋运辉、雷东宝、杨巡三人在时代浪潮中奋斗的故事。',
    },
  },
  {
    at: '09:10',
    title: '大江大河',
    categories: ['电视剧'],
    description: '上午剧场。',
    series: {
      title: '大江大河',
      episodes: 47,
      airing: 1,
      perDay: 3,
      synopsis: '改革开放初期，宋运辉、雷东宝、杨巡三人在时代浪潮中奋斗的故事。',
    },
  },
  {
    at: '10:00',
    title: '大江大河',
    categories: ['电视剧'],
    description: '上午剧场。',
    series: {
      title: '大江大河',
      episodes: 47,
      airing: 2,
      perDay: 3,
      synopsis: '改革开放初期，宋运辉、雷东宝、杨巡三人在时代浪潮中奋斗的故事。',
    },
  },
  {
    at: '10:50',
    title: '乡村振兴在聊城',
    categories: ['农业'],
    description: '种养技术、致富经验与乡村新貌。',
    subjects: FARM,
  },
  { at: '11:30', title: '水城少儿', categories: ['少儿'], description: '动画片与少儿才艺展示。' },
  {
    at: '12:00',
    title: '午间新闻',
    english: 'Noon News',
    categories: ['新闻'],
    description: '本地及国内外午间新闻。',
    subjects: LOCAL_NEWS,
  },
  { at: '12:30', title: '民生直通车', categories: ['新闻', '民生'], description: '重播。', subjects: LIVELIHOOD },
  {
    at: '13:00',
    title: '父母爱情',
    categories: ['电视剧'],
    description: '午后剧场。',
    series: {
      title: '父母爱情',
      episodes: 44,
      airing: 0,
      perDay: 3,
      synopsis: '海军军官江德福与资本家小姐安杰跨越半个世纪的婚姻生活。',
    },
  },
  {
    at: '13:50',
    title: '父母爱情',
    categories: ['电视剧'],
    description: '午后剧场。',
    series: {
      title: '父母爱情',
      episodes: 44,
      airing: 1,
      perDay: 3,
      synopsis: '海军军官江德福与资本家小姐安杰跨越半个世纪的婚姻生活。',
    },
  },
  {
    at: '14:40',
    title: '父母爱情',
    categories: ['电视剧'],
    description: '午后剧场。',
    series: {
      title: '父母爱情',
      episodes: 44,
      airing: 2,
      perDay: 3,
      synopsis: '海军军官江德福与资本家小姐安杰跨越半个世纪的婚姻生活。',
    },
  },
  { at: '15:30', title: '法治聊城', categories: ['法治'], description: '以案说法，普及与百姓生活相关的法律知识。' },
  { at: '16:00', title: '精彩节目回顾', categories: ['综艺'], description: '聊城综合频道精彩节目集锦。' },
  { at: '17:30', title: '农业气象', categories: ['天气', '农业'], description: '未来三天农业气象与农事建议。' },
  { at: '17:40', title: '乡村振兴在聊城', categories: ['农业'], description: '重播。', subjects: FARM },
  {
    at: '18:20',
    title: '民生直通车',
    categories: ['新闻', '民生'],
    description: '聚焦群众身边的急难愁盼问题，记者追踪办理结果。',
    subjects: LIVELIHOOD,
  },
  {
    at: '18:50',
    title: '聊城新闻',
    english: 'Liaocheng News',
    categories: ['新闻'],
    description: '聊城市委市政府重要活动与全市新闻。',
    subjects: LOCAL_NEWS,
  },
  {
    at: '19:00',
    title: '新闻联播',
    english: 'Xinwen Lianbo',
    categories: ['新闻'],
    description: '转播中央广播电视总台综合频道《新闻联播》。',
  },
  {
    at: '19:31',
    title: '天气预报',
    english: 'Weather Forecast',
    categories: ['天气'],
    description: '转播中央广播电视总台天气预报。',
  },
  { at: '19:38', title: '聊城天气', categories: ['天气'], description: '全市及各县（市、区）未来24小时天气。' },
  {
    at: '19:45',
    title: '山海情',
    categories: ['电视剧'],
    description: '黄金剧场。',
    series: {
      title: '山海情',
      episodes: 23,
      airing: 0,
      perDay: 2,
      synopsis: '西海固移民在福建对口帮扶下，将飞沙走石的戈壁滩建设成“金沙滩”。',
    },
  },
  {
    at: '20:35',
    title: '山海情',
    categories: ['电视剧'],
    description: '黄金剧场。',
    series: {
      title: '山海情',
      episodes: 23,
      airing: 1,
      perDay: 2,
      synopsis: '西海固移民在福建对口帮扶下，将飞沙走石的戈壁滩建设成“金沙滩”。',
    },
  },
  {
    at: '21:25',
    title: '聊城新闻',
    english: 'Liaocheng News',
    categories: ['新闻'],
    description: '重播。',
    subjects: LOCAL_NEWS,
  },
  { at: '21:45', title: '民生直通车', categories: ['新闻', '民生'], description: '重播。', subjects: LIVELIHOOD },
  { at: '22:15', title: '午夜影院', categories: ['电影'], description: '经典国产电影。' },
];

/** 聊城公共频道: service, law and dramas; off air in the small hours. */
export const LCTV2: readonly Slot[] = [
  { at: '00:00', title: '生活帮', categories: ['生活服务'], description: '重播。', subjects: LIVELIHOOD },
  { at: '00:40', title: '停播检修', categories: [], description: '', offAir: true },
  {
    at: '06:00',
    title: '公共早新闻',
    categories: ['新闻'],
    description: '一杯茶的工夫，知晓天下事。',
    subjects: LOCAL_NEWS,
  },
  {
    at: '07:00',
    title: '生活帮',
    categories: ['生活服务'],
    description: '帮您解决生活中的烦心事。',
    subjects: LIVELIHOOD,
  },
  {
    at: '08:00',
    title: '幸福到万家',
    categories: ['电视剧'],
    description: '公共剧场。',
    series: {
      title: '幸福到万家',
      episodes: 40,
      airing: 0,
      perDay: 4,
      synopsis: '农村姑娘何幸福为了公平和正义不断抗争，带领乡亲们走向富裕。',
    },
  },
  {
    at: '08:50',
    title: '幸福到万家',
    categories: ['电视剧'],
    description: '公共剧场。',
    series: {
      title: '幸福到万家',
      episodes: 40,
      airing: 1,
      perDay: 4,
      synopsis: '农村姑娘何幸福为了公平和正义不断抗争，带领乡亲们走向富裕。',
    },
  },
  {
    at: '09:40',
    title: '幸福到万家',
    categories: ['电视剧'],
    description: '公共剧场。',
    series: {
      title: '幸福到万家',
      episodes: 40,
      airing: 2,
      perDay: 4,
      synopsis: '农村姑娘何幸福为了公平和正义不断抗争，带领乡亲们走向富裕。',
    },
  },
  {
    at: '10:30',
    title: '幸福到万家',
    categories: ['电视剧'],
    description: '公共剧场。',
    series: {
      title: '幸福到万家',
      episodes: 40,
      airing: 3,
      perDay: 4,
      synopsis: '农村姑娘何幸福为了公平和正义不断抗争，带领乡亲们走向富裕。',
    },
  },
  { at: '11:20', title: '百姓健康', categories: ['健康'], description: '名医坐诊，答疑解惑。', subjects: HEALTH },
  { at: '12:00', title: '公共午新闻', categories: ['新闻'], description: '午间资讯。', subjects: LOCAL_NEWS },
  { at: '12:30', title: '戏曲大观园', categories: ['戏曲'], description: '名家名段欣赏。', subjects: OPERA },
  { at: '13:30', title: '精彩节目回顾', categories: ['综艺'], description: '公共频道精彩节目集锦。' },
  { at: '17:30', title: '法治在线', categories: ['法治'], description: '真实案例，以案释法。' },
  {
    at: '18:00',
    title: '生活帮',
    categories: ['生活服务'],
    description: '帮您解决生活中的烦心事。',
    subjects: LIVELIHOOD,
  },
  { at: '18:50', title: '天气预报', categories: ['天气'], description: '聊城及周边天气。' },
  {
    at: '19:00',
    title: '新闻联播',
    english: 'Xinwen Lianbo',
    categories: ['新闻'],
    description: '转播中央广播电视总台综合频道《新闻联播》。',
  },
  {
    at: '19:30',
    title: '警察荣誉',
    categories: ['电视剧'],
    description: '黄金剧场。',
    series: {
      title: '警察荣誉',
      episodes: 39,
      airing: 0,
      perDay: 2,
      synopsis: '四名见习警察在八里河派出所处理百姓琐事、在磨砺中成长。',
    },
  },
  {
    at: '20:20',
    title: '警察荣誉',
    categories: ['电视剧'],
    description: '黄金剧场。',
    series: {
      title: '警察荣誉',
      episodes: 39,
      airing: 1,
      perDay: 2,
      synopsis: '四名见习警察在八里河派出所处理百姓琐事、在磨砺中成长。',
    },
  },
  { at: '21:10', title: '公共新闻', categories: ['新闻'], description: '当天本地新闻汇总。', subjects: LOCAL_NEWS },
  { at: '21:40', title: '电影', categories: ['电影'], description: '精选国产电影。' },
  { at: '23:30', title: '法治在线', categories: ['法治'], description: '重播。' },
];

/** 聊城新闻综合广播 FM 96.8. */
export const LCFM1: readonly Slot[] = [
  { at: '00:00', title: '夜空不寂寞', categories: ['情感'], description: '深夜谈心，陪伴夜归人。' },
  { at: '02:00', title: '音乐不间断', categories: ['音乐'], description: '轻音乐陪您到天明。' },
  { at: '06:00', title: '早安聊城', categories: ['新闻'], description: '晨间资讯与天气路况。' },
  {
    at: '06:30',
    title: '新闻和报纸摘要',
    english: 'News and Newspaper Digest',
    categories: ['新闻'],
    description: '转播中央人民广播电台中国之声。',
  },
  { at: '07:00', title: '聊城新闻早班车', categories: ['新闻'], description: '本地新闻早知道。', subjects: LOCAL_NEWS },
  {
    at: '08:00',
    title: '行风热线',
    categories: ['民生'],
    description: '市直部门负责人做客直播间，现场答复听众来电。',
    subjects: LIVELIHOOD,
  },
  {
    at: '09:00',
    title: '健康直通车',
    categories: ['健康'],
    description: '医生在线解答听众健康问题。',
    subjects: HEALTH,
  },
  {
    at: '10:00',
    title: '戏曲大观',
    categories: ['戏曲'],
    description: '豫剧、京剧、山东梆子名段欣赏。',
    subjects: OPERA,
  },
  { at: '11:00', title: '三农直通车', categories: ['农业'], description: '农技专家讲解种养技术。', subjects: FARM },
  { at: '12:00', title: '午间新闻', categories: ['新闻'], description: '午间资讯。', subjects: LOCAL_NEWS },
  {
    at: '12:30',
    title: '评书连播：隋唐演义',
    categories: ['评书'],
    description: '单田芳播讲。',
    series: {
      title: '隋唐演义',
      episodes: 120,
      airing: 0,
      perDay: 1,
      synopsis: '隋末英雄秦琼、程咬金等瓦岗群雄的传奇故事。',
    },
  },
  { at: '13:00', title: '音乐下午茶', categories: ['音乐'], description: '午后经典歌曲。' },
  { at: '15:00', title: '法律帮帮团', categories: ['法治'], description: '律师在线解答法律疑问。' },
  { at: '16:00', title: '水城故事', categories: ['文化'], description: '讲述江北水城的历史文化与百姓故事。' },
  { at: '17:00', title: '下班路上', categories: ['交通', '音乐'], description: '晚高峰路况与轻松音乐。' },
  { at: '18:00', title: '晚间新闻', categories: ['新闻'], description: '当天本地新闻汇总。', subjects: LOCAL_NEWS },
  {
    at: '18:30',
    title: '评书连播：隋唐演义',
    categories: ['评书'],
    description: '重播。',
    series: {
      title: '隋唐演义',
      episodes: 120,
      airing: 0,
      perDay: 1,
      synopsis: '隋末英雄秦琼、程咬金等瓦岗群雄的传奇故事。',
    },
  },
  {
    at: '19:00',
    title: '新闻联播',
    english: 'Xinwen Lianbo',
    categories: ['新闻'],
    description: '同步转播中央广播电视总台《新闻联播》。',
  },
  { at: '19:30', title: '聊城之声', categories: ['新闻'], description: '深度报道与评论。', subjects: LOCAL_NEWS },
  { at: '20:00', title: '点歌台', categories: ['音乐'], description: '听众点歌，传递祝福。' },
  { at: '22:00', title: '夜空不寂寞', categories: ['情感'], description: '深夜谈心，陪伴夜归人。' },
];

/** 聊城交通音乐广播 FM 103.8. */
export const LCFM2: readonly Slot[] = [
  { at: '00:00', title: '音乐不打烊', categories: ['音乐'], description: '通宵音乐。' },
  {
    at: '06:30',
    title: '交通早高峰',
    english: 'Morning Rush',
    categories: ['交通'],
    description: '实时路况、出行提示。',
  },
  { at: '09:00', title: '音乐早餐', categories: ['音乐'], description: '流行金曲。' },
  { at: '11:00', title: '汽车生活', categories: ['汽车'], description: '用车养车知识与车市资讯。' },
  { at: '12:00', title: '午间路况', categories: ['交通'], description: '午间路况与天气。' },
  { at: '12:30', title: '怀旧金曲', categories: ['音乐'], description: '八九十年代经典歌曲。' },
  { at: '15:00', title: '流行风', categories: ['音乐'], description: '华语流行榜单。' },
  {
    at: '17:00',
    title: '交通晚高峰',
    english: 'Evening Rush',
    categories: ['交通'],
    description: '实时路况、事故快报与绕行建议。',
  },
  { at: '19:00', title: '音乐故事', categories: ['音乐'], description: '一首歌背后的故事。' },
  { at: '21:00', title: '夜色温柔', categories: ['音乐'], description: '舒缓音乐伴您入眠。' },
];
