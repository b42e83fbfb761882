/*
 * The demo's last working week, written out by hand: the groups and direct chats that make the
 * README's accounts (admin, hr, hrbp, zhang.wei) open a messenger with several live chats, not
 * just the company channel. Speakers are demo-org person keys; `{@key}` mentions that person.
 */

export interface WeekLine {
  /** Workday of the past week, 0 (the oldest) to 4 (the day before the demo was loaded). */
  day: number;
  /** Beijing time, HH:MM. */
  time: string;
  from: string;
  text: string;
  /** Index (in the same chat) of the message this one quotes. */
  replyTo?: number;
  /** Index of the thread root this reply belongs to. */
  thread?: number;
  reactions?: { emoji: string; by: string[] }[];
  /** Pinned by the chat's owner after the week was written. */
  pinned?: boolean;
}

export type WeekChat =
  | { kind: 'group'; name: string; description: string; owner: string; members: string[]; lines: WeekLine[] }
  | { kind: 'direct'; between: [string, string]; lines: WeekLine[] };

export const RND_GROUP: WeekChat = {
  kind: 'group',
  name: '研发中心 R&D Center',
  description: '研发中心日常沟通：周会、设计评审、X3 新平台。Daily R&D coordination across Hangzhou, Jinyun and Stuttgart.',
  owner: 'cto',
  members: ['pe_lead', 'pr_lead', 'ae_lead', 'pe1', 'pe2', 'pe3', 'pe4', 'pe5', 'pr1', 'pr4', 'ae1'],
  lines: [
    {
      day: 0,
      time: '09:05',
      from: 'cto',
      text: '本周研发周会纪要：① X2 量产问题全部关闭；② X3 平台立项评审周四下午；③ 欧洲客户提的 ISO 15118 需求，{@ae_lead} 本周给出评估。',
      pinned: true,
      reactions: [{ emoji: '👍', by: ['pe_lead', 'pr_lead', 'pe1', 'pe3'] }],
    },
    {
      day: 0,
      time: '09:20',
      from: 'ae_lead',
      text: 'I will have the ISO 15118 estimate ready by Wednesday. Main open point is the PLC modem supplier.',
    },
    { day: 0, time: '10:42', from: 'pe3', text: '固件 v1.3.3 今天提测，修复了 OCPP 重连时偶发的心跳丢失。' },
    { day: 0, time: '10:50', from: 'pe_lead', text: '{@pr4} 提测版本的回归用例请在周二前跑完。', replyTo: 2 },
    { day: 0, time: '11:03', from: 'pr4', text: '好的李工，回归 126 条用例，周二中午前给报告。' },
    {
      day: 1,
      time: '14:15',
      from: 'pe4',
      text: 'X3 外观方案 A/B 两版已上传到设计评审文件夹，欢迎大家在这条消息的话题里提意见。',
    },
    { day: 1, time: '14:40', from: 'pe1', text: 'B 版散热格栅更好做模具，A 版好看但要多一套滑块。', thread: 5 },
    { day: 1, time: '15:02', from: 'pr_lead', text: '从工艺角度支持 B 版，A 版的曲面喷涂良率会比较难。', thread: 5 },
    { day: 1, time: '16:30', from: 'cto', text: '评审会上两版都带样件，让客户代表也看一下。', thread: 5 },
    { day: 2, time: '10:10', from: 'pr4', text: 'v1.3.3 回归通过：126 条用例全部通过，长稳测试 72 小时无异常。' },
    {
      day: 2,
      time: '10:12',
      from: 'pe_lead',
      text: '很好，v1.3.3 下周一推送到缙云产线。',
      reactions: [{ emoji: '🎉', by: ['pe3', 'pe5', 'cto'] }],
    },
    {
      day: 2,
      time: '17:45',
      from: 'ae1',
      text: 'Stuttgart lab: the X2 passed the -25 °C cold-start test, report attached to the certification tracker.',
    },
    { day: 3, time: '13:30', from: 'cto', text: 'X3 立项评审 14:00 开始，三楼大会议室，Stuttgart 的同事走线上会议。' },
    {
      day: 3,
      time: '17:20',
      from: 'cto',
      text: '立项通过 ✅ X3 目标明年 Q2 样机。{@pe_lead} 下周把人员和里程碑排出来。',
      reactions: [{ emoji: '💪', by: ['pe_lead', 'pe1', 'pe2', 'pe4', 'ae_lead'] }],
    },
    {
      day: 4,
      time: '09:40',
      from: 'pe5',
      text: '来週から X3 の通信モジュール選定を始めます。候補リストを金曜までに共有します。',
    },
    { day: 4, time: '09:55', from: 'pe2', text: '电源板的 BOM 成本初估 410 元，比 X2 低 12%，明细下午发。' },
  ],
};

export const LEADERSHIP_GROUP: WeekChat = {
  kind: 'group',
  name: '经营管理层',
  description: '公司经营管理层周会与决策沟通。',
  owner: 'ceo',
  members: ['cto', 'coo', 'cso', 'cfo', 'hrd'],
  lines: [
    { day: 0, time: '08:30', from: 'ceo', text: '本周经营会周二上午 10 点。请各位周一下班前把月度数据更新到经营看板。' },
    {
      day: 0,
      time: '17:50',
      from: 'cfo',
      text: '5 月经营数据已更新：营收 1.26 亿，毛利率 31.4%，海外回款偏慢，{@cso} 需要关注一下德国的两笔账期。',
    },
    { day: 0, time: '18:05', from: 'cso', text: '德国两笔是年框客户，月底前能回，我周三和 Anna 一起再跟一次。', replyTo: 1 },
    { day: 1, time: '11:40', from: 'coo', text: '广州工厂复制缙云新产线的方案初稿已完成，设备投资约 860 万，建议 8 月启动。' },
    { day: 1, time: '11:52', from: 'cfo', text: '860 万在年度预算内，走投资评审流程即可。' },
    { day: 1, time: '12:10', from: 'ceo', text: '同意 8 月启动。{@hrd} 广州需要提前储备班组长，请和 HRBP 一起出一个招聘计划。' },
    { day: 1, time: '12:16', from: 'hrd', text: '好的陈总，周四前给出广州的人员需求和到岗节奏。' },
    { day: 2, time: '16:20', from: 'cto', text: 'X3 立项材料已发到各位邮箱，周四评审，欢迎提前看。' },
    {
      day: 3,
      time: '18:30',
      from: 'hrd',
      text: '广州招聘计划：班组长 4 人、技术员 6 人、操作员 40 人，7 月中前分批到岗，预算已和孙总对过。',
    },
    {
      day: 3,
      time: '18:42',
      from: 'ceo',
      text: '计划可以，按这个执行。',
      replyTo: 8,
      reactions: [{ emoji: '👍', by: ['coo', 'cfo', 'hrd'] }],
    },
    { day: 4, time: '09:15', from: 'cso', text: 'Intersolar 展会报名客户已有 37 家，下周把重点客户拜访表发群里。' },
  ],
};

export const HR_GROUP: WeekChat = {
  kind: 'group',
  name: 'HR 团队 HR Team',
  description: '人力资源团队：招聘、入职、绩效与薪酬。HR team across China, Germany and the USA.',
  owner: 'hrd',
  members: ['hrbp', 'hr1', 'hr_de', 'hr_us'],
  lines: [
    {
      day: 0,
      time: '09:30',
      from: 'hrd',
      text: '本周重点：① 缙云 6 名新操作员周三入职；② 年中绩效评估日历定稿；③ 广州招聘计划（周四交管理层）。Please post updates from Stuttgart and Chicago here in English.',
      pinned: true,
    },
    { day: 0, time: '10:05', from: 'hrbp', text: '缙云新员工的体检和安全培训已排好，周三上午 8:30 到厂报到。' },
    {
      day: 0,
      time: '16:10',
      from: 'hr_de',
      text: 'Stuttgart: the contract for our new application engineer is signed, start date 1 July.',
    },
    {
      day: 0,
      time: '16:25',
      from: 'hrd',
      text: 'Great, thanks Julia! Please send {@hr1} the onboarding form so IT can prepare the laptop.',
      replyTo: 2,
    },
    {
      day: 1,
      time: '09:12',
      from: 'hr1',
      text: '年中绩效评估日历初稿：6 月 24 日自评开始，7 月 12 日校准会，7 月 19 日面谈完成。',
    },
    { day: 1, time: '09:40', from: 'hrbp', text: '制造中心的校准会能否放到 7 月 15 日？12 日缙云有客户审核。', replyTo: 4 },
    { day: 1, time: '10:02', from: 'hr1', text: '可以，制造中心单独安排 15 日，日历已更新。' },
    {
      day: 1,
      time: '22:30',
      from: 'hr_us',
      text: 'Chicago: open enrollment for health benefits starts Monday. I will run two info sessions for the US team.',
    },
    {
      day: 2,
      time: '11:45',
      from: 'hrbp',
      text: '6 名新同事已全部报到 👏 安全培训通过，下午开始跟岗。',
      reactions: [{ emoji: '👏', by: ['hrd', 'hr1'] }],
    },
    { day: 3, time: '15:30', from: 'hrd', text: '广州招聘计划已提交管理层，{@hrbp} 下周开始对接招聘渠道。' },
    {
      day: 4,
      time: '16:40',
      from: 'hr_de',
      text: 'Works council meeting next Tuesday: agenda is the remote-work policy for Stuttgart.',
    },
    {
      day: 4,
      time: '17:05',
      from: 'hrd',
      text: 'Thanks — please share the agenda beforehand so we can align it with the China policy.',
    },
  ],
};

export const DIRECT_CHATS: WeekChat[] = [
  {
    kind: 'direct',
    between: ['cto', 'pe_lead'],
    lines: [
      { day: 1, time: '18:20', from: 'pe_lead', text: '张总，X3 团队我想从产品工程抽 4 个人，另外需要招一位射频工程师。' },
      { day: 1, time: '18:34', from: 'cto', text: '可以，射频的 HC 我来和王芳说。佐藤那边的固件工作别受影响。' },
      { day: 1, time: '18:36', from: 'pe_lead', text: '明白，固件由佐藤继续负责 X2 维护，鈴木转 X3。' },
      { day: 4, time: '10:30', from: 'cto', text: '下周一上午对一下 X3 里程碑，你先拉个初版。' },
      { day: 4, time: '10:33', from: 'pe_lead', text: '好的，周日晚上发您。' },
    ],
  },
  {
    kind: 'direct',
    between: ['cto', 'admin'],
    lines: [
      { day: 2, time: '14:05', from: 'cto', text: '李娜，研发下个月来两位新同事，笔记本要高配的，能跑仿真。' },
      { day: 2, time: '14:20', from: 'admin', text: '好的张总，按 32G 内存的工作站配置走采购，月底前到。' },
      { day: 2, time: '14:22', from: 'cto', text: '另外 Stuttgart 实验室的 VPN 最近经常断，帮忙看看。' },
      {
        day: 3,
        time: '10:15',
        from: 'admin',
        text: 'VPN 问题找到了：德国那边的防火墙会话超时太短，已调到 8 小时，您让 Thomas 再试一下。',
      },
      { day: 3, time: '10:40', from: 'cto', text: 'Thomas 说稳定了，谢谢！' },
    ],
  },
  {
    kind: 'direct',
    between: ['hrd', 'admin'],
    lines: [
      { day: 0, time: '11:00', from: 'hrd', text: '李娜，缙云周三有 6 位新同事入职，账号和工牌能在周二前开好吗？名单已发邮件。' },
      { day: 0, time: '11:30', from: 'admin', text: '收到名单，Skein 账号今天开好，工牌周二送到缙云。' },
      { day: 3, time: '09:50', from: 'hrd', text: 'Julia 那边新人 7 月 1 日入职，也麻烦提前准备账号。' },
      { day: 3, time: '09:58', from: 'admin', text: '好的，6 月 28 日前把账号和邀请链接发给 Julia。' },
    ],
  },
  {
    kind: 'direct',
    between: ['hrd', 'hrbp'],
    lines: [
      { day: 1, time: '13:10', from: 'hrd', text: '刘洋，广州扩产要储备 4 个班组长，缙云有没有可以调过去的骨干？' },
      { day: 1, time: '13:25', from: 'hrbp', text: '高志强手下有两位班长很合适，我先私下沟通意愿，周三给您反馈。' },
      { day: 2, time: '17:30', from: 'hrbp', text: '两位都愿意去广州，一位要求 9 月后到岗（孩子开学），另一位 7 月就可以。' },
      { day: 2, time: '17:42', from: 'hrd', text: '很好，补贴按异地派驻标准走，我把方案写进招聘计划。' },
    ],
  },
  {
    kind: 'direct',
    between: ['hrbp', 'jy_lead'],
    lines: [
      { day: 0, time: '08:50', from: 'jy_lead', text: '刘洋，新产线夜班还缺 3 个操作员，这周能到岗吗？' },
      { day: 0, time: '09:10', from: 'hrbp', text: '周三到 6 个，3 个给夜班，另外 3 个先放 OP50 老化测试跟岗。' },
      { day: 2, time: '12:30', from: 'jy_lead', text: '新人上手挺快，高志强说下周就能独立上岗。' },
      { day: 4, time: '15:20', from: 'hrbp', text: '何厂长，7 月绩效校准会定在 15 日，您那天上午方便吗？' },
      { day: 4, time: '15:41', from: 'jy_lead', text: '上午可以，下午有客户审核。' },
    ],
  },
  {
    kind: 'direct',
    between: ['hrbp', 'gz_lead'],
    lines: [
      { day: 3, time: '16:00', from: 'hrbp', text: '韩厂长，广州扩产的招聘计划管理层已经同意，下周我去广州和您对一下岗位细节。' },
      { day: 3, time: '16:25', from: 'gz_lead', text: '欢迎！周二下午可以，顺便看一下新产线的场地。' },
    ],
  },
];

export const WEEK_CHATS: WeekChat[] = [RND_GROUP, LEADERSHIP_GROUP, HR_GROUP, ...DIRECT_CHATS];
