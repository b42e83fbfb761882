import { describe, expect, test } from 'vitest';
import { PublishOrder } from './publish-order.js';

describe('live messages go out in seq order even when their commits are answered out of order', () => {
  test('a send that committed first waits for the lower seq still in flight, then both go out in order', () => {
    const order = new PublishOrder();
    const out: number[] = [];
    const a = order.claim('chat_a', 7);
    const b = order.claim('chat_a', 8);
    const c = order.claim('chat_a', 9);
    order.release(c, () => out.push(9));
    order.release(b, () => out.push(8));
    expect(out).toEqual([]);
    order.release(a, () => out.push(7));
    expect(out).toEqual([7, 8, 9]);
  });

  test('a rolled-back send stops holding back the ones behind it, even when its seq was handed out again', () => {
    const order = new PublishOrder();
    const out: string[] = [];
    const failed = order.claim('chat_a', 3);
    const retried = order.claim('chat_a', 3); // the number came free when `failed` rolled back
    const next = order.claim('chat_a', 4);
    order.release(next, () => out.push('4'));
    order.release(retried, () => out.push('3'));
    expect(out).toEqual([]);
    order.abandon(failed);
    expect(out).toEqual(['3', '4']);
  });

  test('chats do not wait for each other, and a failing publisher does not block the line', () => {
    const order = new PublishOrder();
    const out: string[] = [];
    const slow = order.claim('chat_a', 1);
    const other = order.claim('chat_b', 1);
    order.release(other, () => out.push('b1'));
    expect(out).toEqual(['b1']);
    const after = order.claim('chat_a', 2);
    order.release(after, () => out.push('a2'));
    order.release(slow, () => {
      throw new Error('hub down');
    });
    expect(out).toEqual(['b1', 'a2']);
  });
});
