/** Words the demo stories are made of; a county and a place fill the blanks of each template. */
const COUNTIES = ['东昌府区', '临清市', '阳谷县', '茌平区', '莘县', '东阿县', '冠县', '高唐县'];
const PLACES = ['东昌湖畔', '古运河沿岸', '高新区', '经开区', '度假区', '江北水城旅游度假区', '农业示范园'];
const REPORTERS = ['王琳', '张伟', '刘洋', '李静', '赵磊', '孙悦', '周航', '吴迪', '郑楠', '马骁'];

export interface StoryTemplate {
  kicker?: string;
  title: string;
  subtitle?: string;
}

/** Headlines by page name; `{county}` and `{place}` are filled in per story. */
export const STORIES: Record<string, readonly StoryTemplate[]> = {
  要闻: [
    { title: '市委常委会召开会议 研究部署重点工作', subtitle: '坚持稳中求进 推动高质量发展' },
    { kicker: '奋力开创新时代社会主义现代化强市建设新局面', title: '{county}重点项目集中开工' },
    { title: '全市优化营商环境工作会议召开' },
    { title: '我市召开春季农业生产工作会议', subtitle: '抓好粮食生产 确保不误农时' },
    { title: '市政府与省内高校签署战略合作协议' },
  ],
  县域: [
    { title: '{county}：特色产业串起致富链' },
    { kicker: '一线见闻', title: '{county}村级集体经济持续壮大' },
    { title: '{county}农村人居环境整治见实效' },
    { title: '{county}“一站式”服务让群众少跑腿' },
    { title: '{county}设施蔬菜种植喜迎丰收' },
  ],
  经济: [
    { title: '{place}新签约项目投资超百亿元' },
    { title: '我市外贸进出口实现开门红' },
    { kicker: '企业一线', title: '智能化改造跑出发展加速度' },
    { title: '{county}装备制造产业集群加快成长' },
  ],
  民生: [
    { title: '{place}新建口袋公园陆续开放' },
    { title: '全市新增城镇就业岗位持续扩大', subtitle: '招聘活动走进社区' },
    { title: '{county}老旧小区改造惠及千户居民' },
    { title: '社区食堂让老人吃上“暖心饭”' },
  ],
  文化: [
    { title: '运河文化主题展在{place}开展' },
    { title: '{county}非遗传承人走进校园' },
    { kicker: '书香聊城', title: '全民阅读活动走深走实' },
  ],
  综合: [
    { title: '我市开展春季消防安全检查' },
    { title: '{county}“河长制”护水见成效' },
    { title: '全市中小学春季开学准备就绪' },
  ],
  水城副刊: [{ title: '春到东昌湖' }, { title: '运河边的老街' }, { title: '故乡的枣花' }],
  周末: [
    { title: '周末去哪儿：{place}踏青正当时' },
    { title: '水城美食地图：一碗呱嗒的讲究' },
    { title: '{county}乡村民宿迎来客流' },
  ],
  城事: [
    { title: '{place}夜市人气旺' },
    { title: '公交新线路开通 方便市民出行' },
    { title: '{county}便民服务中心正式启用' },
  ],
  文体: [
    { title: '全民健身运动会在{place}开幕' },
    { title: '聊城籍选手全国赛场再创佳绩' },
    { title: '{county}群众文化活动精彩纷呈' },
  ],
};

const OPENINGS = ['记者近日从{county}获悉，', '连日来，', '近日，', '今年以来，', '3月的{place}，处处是忙碌的景象。'];
const MIDDLES = [
  '当地坚持问题导向、目标导向，把各项任务细化为具体措施，逐项明确责任单位和完成时限。',
  '相关部门主动对接、靠前服务，及时协调解决项目推进中遇到的困难和问题。',
  '群众参与热情高涨，纷纷表示看得见变化、得到了实惠。',
  '下一步，当地将持续巩固成果，推动各项工作提质增效。',
  '据介绍，这项工作覆盖面广、带动性强，已成为当地发展的新亮点。',
];

/** A story's text: an opening naming the subject, then two or three sentences of context. */
export function storyBody(title: string, pick: <T>(items: readonly T[]) => T, fill: (text: string) => string) {
  const opening = `${fill(pick(OPENINGS))}${title.replace(/[：:].*$/, '')}相关工作取得积极进展。`;
  const middle = [pick(MIDDLES), pick(MIDDLES)].filter((line, index, lines) => lines.indexOf(line) === index);
  return [opening, middle.join(''), pick(MIDDLES)];
}

export const VOCABULARY = { counties: COUNTIES, places: PLACES, reporters: REPORTERS };
