/*
 * The demo chats' content: who says what, generated from templates with a fixed-seed PRNG so
 * every run writes the same history. Speakers are demo-org person keys (modules/org demo);
 * `{@key}` in a line becomes a mention of that person.
 */

export interface Line {
  from: string;
  text: string;
  /** Index (in the same chat's script) of the message this one quotes. */
  replyTo?: number;
  /** Index of the thread root this reply belongs to. */
  thread?: number;
  /** Rich text (`post`) with this title instead of plain text. */
  title?: string;
  reactions?: { emoji: string; by: string[] }[];
  /** Minutes after the chat's first message. */
  at: number;
}

export function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 24 * 60;

/**
 * Builds a script day by day: `say` appends a line at the day's clock and returns its index.
 * `sayFresh` draws text from a generator until it finds one not said before in this script (or
 * gives up and says nothing, returning -1): a real chat does not repeat itself word for word.
 */
function scriptBuilder(seed: number) {
  const r = rng(seed);
  const lines: Line[] = [];
  const said = new Set<string>();
  let day = 0;
  let clock = 0;
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const say = (from: string, text: string, extra: Omit<Line, 'from' | 'text' | 'at'> = {}): number => {
    clock += 2 + Math.floor(r() * 25);
    said.add(text);
    lines.push({ from, text, at: clock, ...extra });
    return lines.length - 1;
  };
  return {
    r,
    pick,
    lines,
    newDay(startMinute = 8 * 60 + 30) {
      day++;
      clock = day * DAY + startMinute + Math.floor(r() * 20);
    },
    say,
    sayFresh(from: string, make: () => string, extra: Omit<Line, 'from' | 'text' | 'at'> = {}): number {
      for (let attempt = 0; attempt < 12; attempt++) {
        const text = make();
        if (!said.has(text)) return say(from, text, extra);
      }
      return -1;
    },
    react(index: number, emoji: string, by: string[]) {
      const line = lines[index];
      if (!line) return;
      line.reactions = [...(line.reactions ?? []), { emoji, by }];
    },
  };
}

// ── 缙云工厂新产线项目组 ───────────────────────────────────────────────────────────────

export const PROJECT_GROUP = {
  name: '缙云工厂新产线项目组',
  description: '缙云工厂 X2 充电桩总装新产线：设备、工艺、试产与爬坡。项目资料、决策和问题清单都在这里。',
  owner: 'coo',
  members: [
    'jy_lead',
    'jy_sup',
    'jy1',
    'jy2',
    'jy3',
    'jy4',
    'jy5',
    'jy8',
    'pr_lead',
    'pr1',
    'pr2',
    'pe_lead',
    'pe1',
    'pe3',
    'fin2',
    'cn4',
    'admin',
  ],
  announcement:
    '项目目标：6 月底前新产线达产，日产 400 台，一次良率 ≥ 97%。\n每日 8:45 早会（二楼会议室 / 线上），问题清单见置顶消息。',
};

const PARTS = ['主控板', '功率模块', '外壳组件', '线束', '散热风扇', '显示屏', '密封圈', '接触器'];
const STATIONS = ['OP10 上壳装配', 'OP20 锁付', 'OP30 线束插接', 'OP40 灌胶', 'OP50 老化测试', 'OP60 终检', 'OP70 包装'];
const ISSUES = ['扭矩偏低', '插接不到位', '标签错贴', '外观划伤', '气密测试失败', '固件版本不一致', '螺丝漏打'];
const ACKS = [
  '收到',
  '好的，马上处理',
  '明白 👌',
  '收到，今天下班前反馈',
  '已安排',
  '可以，按这个来',
  '同意',
  '辛苦了！',
  '收到，我去现场看一下',
  '好，午饭后过去',
  '👌 已记录到问题清单',
  '收到，夜班交接时再提醒一次',
  '明白，今天内闭环',
  '好的，我跟供应商确认',
  '收到，数据我晚点补上',
  '了解，先按临时方案走',
];

/** The project group: about three hundred messages over four weeks of ramp-up. */
export function projectScript(): Line[] {
  const s = scriptBuilder(20260601);
  const { say, sayFresh, pick, r } = s;

  s.newDay(9 * 60);
  const kickoff = say(
    'coo',
    '各位好，缙云工厂新产线项目组今天正式建群。目标：6 月底达产，日产 400 台，一次良率 97% 以上。{@jy_lead} 牵头现场，{@pr_lead} 负责工艺，{@pe_lead} 负责设计变更。',
  );
  s.react(kickoff, '👍', ['jy_lead', 'pr_lead', 'pe_lead', 'jy_sup']);
  say('jy_lead', '收到林总。今天下午把设备到货和安装计划发群里。');
  say('pr_lead', '工艺这边 SOP 初版已经在写，先覆盖 OP10 到 OP40。');
  say('admin', 'IT 这边：新产线的 MES 账号和工位终端下周一前开通，需要开账号的同事把名单发我。');
  const checklist = say('jy_sup', '设备验收问题清单（持续更新，大家在这条消息的话题里补充）');
  const checklistReplies = [
    ['jy5', 'OP20 电批扭矩校准证书还没到，供应商说周三补。'],
    ['jy2', 'OP40 灌胶机出胶量波动，±8%，需要厂家再调。'],
    ['pr1', 'OP50 老化柜 3 号仓温度偏高 2℃，已报修。'],
    ['jy8', '安全：OP40 区域缺洗眼器，已提采购申请。'],
    ['jy5', '扭矩证书已收到，归档到设备档案。'],
    ['jy2', '灌胶机厂家调整后出胶量 ±2%，可以验收。'],
    ['jy8', '洗眼器已安装，安全检查闭环。'],
  ];
  for (const [from, text] of checklistReplies.slice(0, 4)) say(from, text, { thread: checklist });
  s.react(checklist, '📌', ['jy_lead']);

  const target = (day: number) => Math.min(400, 60 + day * 25);
  const yieldOn = (day: number) => Math.min(97.6, 82 + day * 1.1 + Math.floor(r() * 10) / 10);
  let defectThread = -1;
  for (let day = 1; day <= 22; day++) {
    s.newDay();
    const report = say(
      'jy_sup',
      `【早班交接 第${day}天】昨日产量 ${target(day) - Math.floor(r() * 30)} 台（计划 ${target(day)}），一次良率 ${yieldOn(day).toFixed(1)}%，停线 ${Math.floor(r() * 50)} 分钟。主要问题：${pick(STATIONS)} ${pick(ISSUES)}。`,
    );
    s.react(report, '👍', [pick(['jy_lead', 'coo']), pick(['pr_lead', 'pr1', 'jy1'])]);
    if (day % 3 === 0)
      sayFresh('jy_lead', () => `${pick(ACKS)}。{@pr_lead} ${pick(STATIONS)} 的问题今天一起过一下。`, { replyTo: report });

    const station = pick(STATIONS);
    const issue = pick(ISSUES);
    const q = sayFresh(
      'jy1',
      () =>
        `质量日报：${station} 发现 ${2 + Math.floor(r() * 9)} 台${issue}，已隔离，8D 报告今天启动。{@pr1} 帮忙看下作业指导书是否需要更新。`,
    );
    sayFresh(
      'pr1',
      () =>
        pick([
          `收到，下午去 ${station} 现场确认。`,
          `我看了 ${station} 的录像，是工装定位销磨损，今天换。`,
          `${station} SOP 第 ${2 + Math.floor(r() * 6)} 步描述不清楚，我改一版发出来。`,
          `${issue}的样件我拿去实验室复测，明早给结论。`,
        ]),
      { replyTo: q },
    );
    if (r() < 0.5) sayFresh(pick(['jy3', 'jy2']), () => pick(ACKS));

    if (day === 2) {
      say('jy4', `物料：${pick(PARTS)} 首批 2,000 套今天到仓，IQC 抽检中。${pick(PARTS)} 供应商交期推迟 3 天。`);
      say('fin2', '新产线的设备尾款 6 月 15 日付，验收单请在 6 月 10 日前给到财务。');
      say('jy_lead', '{@jy5} 验收单这周内签完。', {});
    }
    if (day === 3) {
      for (const [from, text] of checklistReplies.slice(4)) say(from, text, { thread: checklist });
      const done = say('jy_lead', '设备验收全部闭环 ✅ 明天开始小批量试产 50 台。');
      s.react(done, '🎉', ['coo', 'pr_lead', 'jy_sup', 'jy1', 'admin']);
    }
    if (day === 5) {
      defectThread = say('jy1', '试产不良分析：OP30 线束插接不到位占不良的 46%，在这个话题里讨论对策。');
      say('pe1', '连接器公差偏紧，设计上可以把卡扣导向角从 15° 改到 25°。', { thread: defectThread });
      say('pe_lead', '设计变更 ECN-0612 今天发起，{@pe3} 固件那边同步检查插接检测逻辑。', { thread: defectThread });
      say('pe3', '固件已经加了插接到位检测，测试版本 v1.3.2 明天给产线。', { thread: defectThread });
    }
    if (day === 7 && defectThread >= 0) {
      say('pr2', '新导向角样件验证 300 次插拔，零不良。', { thread: defectThread });
      const ok = say('jy1', 'OP30 不良率从 3.1% 降到 0.4%，这个问题先关闭。', { thread: defectThread });
      s.react(ok, '👏', ['pe1', 'pe_lead', 'pr_lead']);
    }
    if (day === 8) {
      say('cn4', '客户（华东某充电运营商）想下周来参观新产线，{@jy_lead} 方便安排吗？');
      say('jy_lead', '可以，周四下午，{@jy8} 准备一下参观路线和安全帽。');
      say('jy8', '好的，参观路线避开 OP40 灌胶区。');
    }
    if (day === 10) {
      say('pr_lead', '节拍优化：OP20 拆成两个工位后，瓶颈从 OP20 转到 OP50 老化测试，单台 68 秒。');
      say('pe3', 'OP50 老化程序可以并行测两个通道，节拍能降到 45 秒左右，我今晚改。');
      say('coo', '很好。{@fin2} 如果需要加一台老化柜，预算上先预留。');
      say('fin2', '已预留 18 万，走设备追加流程。');
    }
    if (day === 12) {
      say('admin', 'MES 报工终端已全部上线，扫码追溯到单台序列号。有问题直接 @我。');
      say('jy_sup', '终端很好用，班组长都培训完了 👍');
    }
    if (day === 15) {
      const milestone = say('jy_lead', '昨天日产 402 台，一次良率 97.3%，首次达到目标！感谢大家这三周的付出。');
      s.react(milestone, '🎉', ['coo', 'pr_lead', 'pe_lead', 'jy_sup', 'jy1', 'jy2', 'jy5', 'pr1', 'cn4']);
      s.react(milestone, '💪', ['jy3', 'jy4', 'jy8']);
      say('coo', '祝贺！下一步：稳定两周，然后准备广州工厂的复制方案。{@all} 本周五晚上项目组聚餐。');
    }
    const chatter = 3 + Math.floor(r() * 3);
    for (let k = 0; k < chatter; k++) {
      const from = pick(['jy2', 'jy3', 'jy5', 'jy4', 'pr2', 'jy1', 'jy_sup']);
      sayFresh(from, () =>
        pick([
          `${pick(STATIONS)} 换型完成，开始生产。`,
          `${pick(PARTS)} 线边库存只剩半天，{@jy4} 帮忙催一下。`,
          `${pick(STATIONS)} 设备点检完成，无异常。`,
          `今天 ${pick(STATIONS)} 新来的两位操作员已完成上岗培训。`,
          `${pick(PARTS)} 来料有批次外观不良，已退回供应商。`,
          `夜班 ${pick(STATIONS)} 停机 ${10 + Math.floor(r() * 30)} 分钟，原因：${pick(ISSUES)}，已恢复。`,
        ]),
      );
      if (r() < 0.4) sayFresh(pick(['jy_sup', 'jy_lead', 'jy4']), () => pick(ACKS));
    }
    const summary = sayFresh(
      'jy_lead',
      () =>
        `今日小结：产量 ${target(day + 1) - Math.floor(r() * 20)} 台，良率 ${yieldOn(day + 1).toFixed(1)}%。明天重点：${pick(STATIONS)}。`,
    );
    if (r() < 0.5) s.react(summary, '👍', ['coo']);
  }
  return s.lines;
}

// ── OKAI Global Launch (English, cross-border) ────────────────────────────────────────

export const GLOBAL_GROUP = {
  name: 'X2 Charger Global Launch — DE / US / CN',
  description: 'Launch of the X2 wallbox in Germany and the USA: certification, samples, pricing, first orders.',
  owner: 'intl_lead',
  members: [
    'eu1',
    'eu2',
    'eu4',
    'ae_lead',
    'ae1',
    'ae2',
    'na_lead',
    'na1',
    'na3',
    'fin_us',
    'pe_lead',
    'cn_lead',
    'jy_lead',
    'admin',
  ],
  announcement: 'Weekly sync: Tuesdays 15:00 CET / 08:00 CT / 21:00 CST. Launch target: Intersolar Munich.',
};

/** The cross-border group: about seventy messages over two weeks, three time zones. */
export function globalScript(): Line[] {
  const s = scriptBuilder(20260520);
  const { say, sayFresh, pick } = s;
  s.newDay(8 * 60);
  const hello = say(
    'intl_lead',
    'Welcome everyone! This group covers the X2 launch in Germany and the US. {@ae_lead} owns certification in the EU, {@na_lead} the UL side, {@pe_lead} is our contact in product engineering in Hangzhou.',
  );
  s.react(hello, '👋', ['eu1', 'na_lead', 'pe_lead', 'ae1']);
  say('pe_lead', 'Hi all, happy to help. Samples for certification ship from Jinyun next week.');
  say('na_lead', 'Great. UL 2594 test slot is booked for the 14th in Chicago.');
  const cert = say('ae_lead', 'Certification tracker — please post updates in this thread.');
  say('ae1', 'CE / RED pre-scan passed at TÜV Stuttgart, radiated emissions margin 4 dB.', { thread: cert });
  say('na3', 'UL: the lab wants the insulation diagrams in English, {@pe_lead} can you share?', { thread: cert });
  say('pe_lead', 'Uploaded to the shared folder, English version v2.', { thread: cert });

  const topics = [
    ['eu1', 'Stadtwerke München asked for 300 units for a pilot in Q3. Pricing proposal by Friday?'],
    ['fin_us', 'For the US price list I am assuming 12% import duty on top of landed cost — please confirm, {@cn_lead}.'],
    ['cn_lead', 'Confirmed, 12% for now; the HS code review is still open.'],
    ['eu4', 'A Japanese OEM visiting Stuttgart next week is interested in X2 for their dealers in Germany.'],
    ['ae2', 'Firmware 1.3.2 fixes the OCPP 1.6 heartbeat issue we saw with the backend in Berlin.'],
    ['jy_lead', 'Production update from Jinyun: new line reached 400 units/day, first export batch ready end of month.'],
    ['na1', 'Two installers in Texas want demo units for Intersolar North America.'],
    ['eu2', 'Marketing needs German product photos, can the plant send 3 units to Stuttgart?'],
    ['na_lead', 'Home Depot pro desk wants a one-pager on X2 vs. the ChargePoint Home Flex by next week.'],
    ['intl_lead', 'Intersolar booth is confirmed: hall B5, stand 330. We need two live demo units and one cut-away.'],
  ];
  const answers = [
    'Thanks, noted.',
    'Sounds good — let us discuss in Tuesday’s sync.',
    'Agreed.',
    'Great news 🎉',
    'On it.',
    'Good catch, I will add it to the launch checklist.',
    'Let me check with the plant and come back today.',
    'Perfect, that unblocks the quote.',
    'Can you put the numbers in the pricing sheet so we all see the same?',
    'Yes — I will take that one.',
  ];
  const chatter = [
    'Customer call went well, they want a quote for 50 units.',
    'Can someone confirm the lead time for orders above 500 units?',
    'Shipping from Ningbo to Hamburg is about 32 days right now.',
    'Updated the pricing sheet with the new freight rates.',
    'Installer training deck is ready for review.',
    'Reminder: time change next week, the sync moves one hour for the US.',
    '{@pe_lead} is the 22 kW version on the roadmap for this year?',
    'EnBW wants to know if X2 supports ISO 15118 plug & charge. Who can answer?',
    'The German manual has two typos on page 14, I sent the corrections to the plant.',
    'US warranty terms draft is in the shared folder: 3 years parts and labor.',
    'Our Chicago office gets the demo wall on Monday.',
    'Customs broker needs the commercial invoice in English and German.',
    'Quote sent to the installer in Austin: 120 units, delivery in August.',
    'Dealer in Lyon asked about a French version of the app.',
    'Webinar for installers is booked for the 18th, 16:00 CET.',
    'Can we get 5 more certification samples? TÜV needs spares for the salt-spray test.',
    'The cable length option (7.5 m) is very popular with German customers.',
    'Pilot site in Munich has power for 40 chargers, the rest comes in phase two.',
    'Landed cost per unit for the US is now 318 USD including freight.',
    'Price list v3 is approved by finance. Please use only this one.',
    'Sample shipment left Jinyun this morning, tracking number in the thread.',
    'The UL lab asked for one more grounding test, scheduled for Thursday.',
    'We lost the Rotterdam tender on price; the winner was 8% cheaper.',
    'New lead from a fleet operator in Ohio: 60 depot chargers.',
  ];
  for (let day = 1; day <= 10; day++) {
    s.newDay(7 * 60 + day * 13);
    const [from, text] = topics[day - 1];
    const i = say(from, text);
    sayFresh(pick(['intl_lead', 'na_lead', 'ae_lead', 'pe_lead']), () => pick(answers), { replyTo: i });
    if (day % 2 === 0) s.react(i, pick(['👍', '🎉', '🙌']), [pick(['eu1', 'ae1', 'na3']), pick(['fin_us', 'cn_lead'])]);
    if (day === 4) say('ae1', 'CE certificate received ✅', { thread: cert });
    if (day === 7) {
      say('na3', 'UL listing granted — X2 is now UL 2594 listed.', { thread: cert });
      const done = say('na_lead', 'Both certifications done. We can take orders in the US and the EU.');
      s.react(done, '🎉', ['intl_lead', 'eu1', 'eu2', 'ae_lead', 'pe_lead', 'cn_lead', 'jy_lead']);
    }
    const extra = 2 + (day % 3);
    for (let k = 0; k < extra; k++)
      sayFresh(pick(['eu1', 'eu2', 'na1', 'na3', 'ae1', 'ae2', 'fin_us', 'eu4']), () => pick(chatter));
  }
  return s.lines;
}

// ── OKAI Frontline 欧凯前线 (announcement channel) ─────────────────────────────────────

export const CHANNEL = {
  name: 'OKAI Frontline 欧凯前线',
  description: '公司官方公告频道：战略、业务进展、人事与制度。Company announcements for every employee.',
  owner: 'admin',
  editors: ['ceo', 'hrd'],
};

/** Posts (rich text with a title) by the channel's editors, comments in threads by anyone. */
export function channelScript(): Line[] {
  const s = scriptBuilder(20260401);
  const { say } = s;
  s.newDay(9 * 60);
  const welcome = say(
    'ceo',
    '欢迎来到「欧凯前线」。公司的重要消息会第一时间在这里发布。Welcome to OKAI Frontline — company news, first.',
    {
      title: '欢迎 Welcome',
    },
  );
  s.react(welcome, '👍', ['cto', 'coo', 'cso', 'cfo', 'hrd', 'jy_lead', 'intl_lead']);
  s.newDay(10 * 60);
  const q2 = say(
    'ceo',
    'Q2 经营回顾：营收同比增长 23%，海外占比首次超过 30%。缙云新产线 6 月达产，X2 充电桩取得 CE 与 UL 认证。感谢每一位同事！',
    { title: 'Q2 经营回顾 Q2 review' },
  );
  s.react(q2, '🎉', ['coo', 'cso', 'jy_lead', 'gz_lead', 'intl_lead', 'na_lead', 'pe_lead', 'jy1', 'cn1']);
  say('jy_lead', '缙云工厂全体同事会继续努力！', { thread: q2 });
  say('intl_lead', 'Proud of the team — see you all at Intersolar!', { thread: q2 });
  s.newDay(14 * 60);
  const policy = say('hrd', '自 7 月 1 日起，全员可申请每周一天远程办公（产线岗位除外），流程见 HR 系统。', {
    title: '远程办公制度 Remote work policy',
  });
  s.react(policy, '👏', ['pe1', 'pe3', 'fin1', 'cn3', 'eu2']);
  say('pe4', '请问研发岗需要主管审批吗？', { thread: policy });
  say('hrd', '需要直属主管在系统中审批，一般一个工作日内。', { thread: policy });
  s.newDay(11 * 60);
  const safety = say('hrd', '6 月是安全生产月：各工厂将开展消防演练和安全知识竞赛，获胜班组有奖励。', {
    title: '安全生产月 Safety month',
  });
  s.react(safety, '💪', ['jy8', 'jy_sup', 'gz_sup']);
  s.newDay(16 * 60);
  say('ceo', '欢迎新同事加入德国应用工程团队和北美销售团队！Welcome to our new colleagues in Stuttgart and Chicago.', {
    title: '新同事 New colleagues',
  });
  return s.lines;
}
