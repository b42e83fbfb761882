import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqlite } from '../platform/server/db/sqlite-driver.js';
import { pinyin } from 'pinyin-pro';
import { orgModule } from '../modules/org/module.js';
import { createDepartment, createMember, type NewMember } from '../modules/org/server/index.js';
import { searchMembersUseCase } from '../modules/org/server/search-members.js';
import { normalizeQuery } from '../modules/org/server/search-text.js';
import { escapeLike } from '../modules/org/server/sql-like.js';
import { openDatabase } from '../platform/server/db/database.js';
import { migrate } from '../platform/server/db/migrator.js';
import type { Caller } from '../platform/server/permissions.js';
import type { UserId } from '../platform/shared/ids.js';
import { type Bench, type Measurement, onlySqlite, percentile } from './report.js';

/*
 * org.directory_search: directory search latency at 10,000 members with mixed Chinese,
 * English and Japanese names, through the real search use case (LIKE over search_text,
 * ranking, keyset page, member views), against a bare LIKE scan of the same column.
 */

const BENCH = 'org.directory_search';

/** Deterministic PRNG (mulberry32): every run builds the same directory. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZH_SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵钱严武戴孔汤',
];
const ZH_GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚英华建文辉力鹏宇浩晨雪琳婷佳欣怡子涵博然思睿轩梓萱诗雨嘉琪'];
const EN_FIRST = [
  'James',
  'Mary',
  'John',
  'Patricia',
  'Robert',
  'Jennifer',
  'Michael',
  'Linda',
  'William',
  'Elizabeth',
  'David',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Charles',
  'Karen',
  'Emily',
  'Daniel',
  'Anna',
  'Lukas',
  'Sophie',
  'Jonas',
  'Lena',
  'Felix',
  'Olivia',
  'Noah',
];
const EN_LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Schulz',
  'Klein',
];
const JA_SURNAMES: [string, string, string][] = [
  ['佐藤', 'さとう', 'Sato'],
  ['鈴木', 'すずき', 'Suzuki'],
  ['高橋', 'たかはし', 'Takahashi'],
  ['田中', 'たなか', 'Tanaka'],
  ['伊藤', 'いとう', 'Ito'],
  ['渡辺', 'わたなべ', 'Watanabe'],
  ['山本', 'やまもと', 'Yamamoto'],
  ['中村', 'なかむら', 'Nakamura'],
  ['小林', 'こばやし', 'Kobayashi'],
  ['加藤', 'かとう', 'Kato'],
  ['吉田', 'よしだ', 'Yoshida'],
  ['山田', 'やまだ', 'Yamada'],
  ['山口', 'やまぐち', 'Yamaguchi'],
  ['松本', 'まつもと', 'Matsumoto'],
];
const JA_GIVEN: [string, string, string][] = [
  ['健', 'けん', 'Ken'],
  ['美咲', 'みさき', 'Misaki'],
  ['大輔', 'だいすけ', 'Daisuke'],
  ['翔', 'しょう', 'Sho'],
  ['陽菜', 'ひな', 'Hina'],
  ['蓮', 'れん', 'Ren'],
  ['結衣', 'ゆい', 'Yui'],
  ['悠真', 'ゆうま', 'Yuma'],
  ['一郎', 'いちろう', 'Ichiro'],
];

const pick = <T>(r: () => number, list: T[]): T => list[Math.floor(r() * list.length)];

/** One generated person: roughly 55% Chinese, 30% English/German, 15% Japanese names. */
function generatePerson(r: () => number, i: number): Omit<NewMember, 'departmentIds'> {
  const kind = r();
  if (kind < 0.55) {
    const given = pick(r, ZH_GIVEN) + (r() < 0.6 ? pick(r, ZH_GIVEN) : '');
    const name = pick(r, ZH_SURNAMES) + given;
    const py = pinyin(name, { toneType: 'none', type: 'array', surname: 'head' });
    return {
      displayName: name,
      email: `${py[0]}.${py.slice(1).join('')}.${i}@bench.test`,
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
    };
  }
  if (kind < 0.85) {
    const first = pick(r, EN_FIRST);
    const last = pick(r, EN_LAST);
    return {
      displayName: `${first} ${last}`,
      email: `${first}.${last}.${i}@bench.test`.toLowerCase().replace('ü', 'ue'),
      locale: 'en-US',
      timezone: 'Europe/Berlin',
    };
  }
  const [sk, skana, sro] = pick(r, JA_SURNAMES);
  const [gk, gkana, gro] = pick(r, JA_GIVEN);
  return {
    displayName: `${sk}${gk}`,
    names: { 'ja-JP': `${skana} ${gkana}`, 'en-US': `${gro} ${sro}` },
    email: `${gro}.${sro}.${i}@bench.test`.toLowerCase(),
    locale: 'ja-JP',
    timezone: 'Asia/Tokyo',
  };
}

/** People the correctness check must find, each by several spellings. */
const KNOWN: { person: NewMember; queries: string[] }[] = [
  {
    person: { displayName: '欧阳娜娜', email: 'nana.ouyang@bench.test', locale: 'zh-CN', timezone: 'Asia/Shanghai' },
    queries: ['欧阳娜娜', 'ouyangnana', 'ouyang nana', 'oynn', 'nana.ouyang@'],
  },
  {
    person: {
      displayName: '勅使河原百合子',
      names: { 'ja-JP': 'てしがわら ゆりこ', 'en-US': 'Yuriko Teshigawara' },
      email: 'yuriko.t@bench.test',
      locale: 'ja-JP',
      timezone: 'Asia/Tokyo',
    },
    queries: ['てしがわら', 'テシガワラ', 'teshigawara', 'Yuriko Tesh'],
  },
  {
    person: { displayName: 'Bartholomew Quincey', email: 'bq@bench.test', locale: 'en-US', timezone: 'America/Chicago' },
    queries: ['bartholomew', 'Bartholomew Q', 'quincey', 'bq@bench'],
  },
];

/** Typical directory queries: characters, pinyin full and initials, kana and romaji, English prefixes, email fragments. */
const QUERIES = [
  '王',
  '张伟',
  'zhangwei',
  'wangfang',
  'zw',
  'lj',
  'さとう',
  'sato',
  'tanaka',
  'emi',
  'john',
  'schmidt.',
  '.li.',
  '佐藤',
];

export const orgDirectorySearch: Bench = async ({ quick, db }) => {
  onlySqlite('org.directory_search', db);
  const members = quick ? 500 : 10_000;
  const rounds = quick ? 3 : 25;
  const limit = 20;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skein-bench-org-'));
  const handle = openDatabase({ dataDir });
  try {
    await migrate(handle.db, [orgModule.migrations]);
    const r = rng(20261121);

    // A small tree: 5 divisions × 3 teams.
    const departments: string[] = [];
    for (let d = 0; d < 5; d++) {
      const division = await createDepartment(handle.db, { name: `Division ${d}` });
      departments.push(division);
      for (let team = 0; team < 3; team++)
        departments.push(await createDepartment(handle.db, { name: `Team ${d}.${team}`, parentId: division }));
    }

    const buildStart = performance.now();
    const batch = 500;
    for (let start = 0; start < members; start += batch) {
      await handle.db.transaction().execute(async (tx) => {
        for (let i = start; i < Math.min(members, start + batch); i++) {
          await createMember(tx, { ...generatePerson(r, i), departmentIds: [pick(r, departments)] });
        }
      });
    }
    const knownIds = new Map<string, string>();
    for (const k of KNOWN)
      knownIds.set(k.person.email, await createMember(handle.db, { ...k.person, departmentIds: [departments[0]] }));
    const buildMs = performance.now() - buildStart;

    const caller: Caller = { userId: 'usr_bench' as UserId, roles: ['member'], scopePaths: [], locale: 'en-US', timezone: 'UTC' };
    const search = (q: string) => searchMembersUseCase(handle.db, caller, { q, limit, status: 'active' });

    // Correctness: each known person is on the first page for every spelling.
    let misses = 0;
    for (const k of KNOWN) {
      for (const q of k.queries) {
        const page = await search(q);
        if (!page.items.some((m) => m.id === knownIds.get(k.person.email))) {
          misses++;
          console.error(`miss: "${q}" did not find ${k.person.displayName}`);
        }
      }
    }

    // Warm both paths once, then interleave them so drift affects both equally.
    const raw = openSqlite(path.join(dataDir, 'skein.db'), { readonly: true });
    const bare = raw.prepare("select id, display_name from org_members where search_text like ? escape '\\'");
    const bareScan = (q: string) => bare.all(`%${escapeLike(normalizeQuery(q))}%`);
    for (const q of QUERIES) {
      await search(q);
      bareScan(q);
    }
    const real: number[] = [];
    const baseline: number[] = [];
    let hits = 0;
    for (let round = 0; round < rounds; round++) {
      for (const q of QUERIES) {
        let t0 = performance.now();
        const page = await search(q);
        real.push(performance.now() - t0);
        hits += page.items.length;
        t0 = performance.now();
        bareScan(q);
        baseline.push(performance.now() - t0);
      }
    }
    raw.close();
    if (hits === 0) misses++;

    const params = { members, queries: QUERIES.length, rounds, limit, dialect: 'sqlite' };
    const p50 = percentile(real, 50);
    const p95 = percentile(real, 95);
    const b50 = percentile(baseline, 50);
    const b95 = percentile(baseline, 95);
    const out: Measurement[] = [
      {
        bench: BENCH,
        metric: 'p50_ms',
        value: p50,
        unit: 'ms',
        params,
        baseline: 'raw-sql-like',
        baseline_value: b50,
        ratio: p50 / Math.max(b50, 1e-6),
      },
      {
        bench: BENCH,
        metric: 'p95_ms',
        value: p95,
        unit: 'ms',
        params,
        baseline: 'raw-sql-like',
        baseline_value: b95,
        ratio: p95 / Math.max(b95, 1e-6),
      },
      { bench: BENCH, metric: 'members_built_per_s', value: (members / buildMs) * 1000, unit: '1/s', params },
      { bench: BENCH, metric: 'misses', value: misses, unit: 'count', params },
    ];
    return out;
  } finally {
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};
