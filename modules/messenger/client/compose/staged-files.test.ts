import { describe, expect, test } from 'vitest';
import { isImageFile, type StagedFile, stageFiles } from './staged-files.js';

const file = (name: string, type = 'application/pdf', body = 'abc') =>
  new File([body], name, { type, lastModified: 1_700_000_000_000 });
let n = 0;
const make = (f: File): StagedFile => ({ id: `s${++n}`, file: f, url: isImageFile(f) ? `blob:${f.name}` : null });

describe('the attachment tray', () => {
  test('files and images wait side by side, in the order picked', () => {
    const { tray } = stageFiles([], [file('plan.pdf'), file('a.png', 'image/png')], make);
    expect(tray.map((s) => [s.file.name, s.url !== null])).toEqual([
      ['plan.pdf', false],
      ['a.png', true],
    ]);
  });

  test('picking the same file again keeps one copy; a different file of the same name is added', () => {
    const first = stageFiles([], [file('plan.pdf')], make).tray;
    const again = stageFiles(first, [file('plan.pdf'), file('plan.pdf')], make);
    expect(again.tray).toHaveLength(1);
    expect(again.tray[0]).toBe(first[0]);
    expect(stageFiles(first, [file('plan.pdf', 'application/pdf', 'other content')], make).tray).toHaveLength(2);
  });

  test('beyond the limit nothing more fits, and the caller hears of it', () => {
    const { tray, overflow } = stageFiles([], [file('1'), file('2'), file('3')], make, 2);
    expect(tray.map((s) => s.file.name)).toEqual(['1', '2']);
    expect(overflow).toBe(true);
    expect(stageFiles(tray, [file('1')], make, 2).overflow).toBe(false);
  });
});
