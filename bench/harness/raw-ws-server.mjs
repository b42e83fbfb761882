import http from 'node:http';
import { WebSocketServer } from 'ws';

/*
 * The baseline of messenger.fanout and messenger.idle: a bare `ws` broadcast server speaking
 * just enough of Skein's protocol for the same client fleet and senders to drive it:
 * `GET /api/ws` (subscribe → subscribed), `POST /api/chats/:id/messages` (number it, answer with
 * a message-shaped body, broadcast a frame shaped like the hub's `message.created` event).
 * No auth, no database, no validation, no logging: what a WebSocket fanout costs with nothing else.
 * Plain JavaScript run by node (no tsx loader in the process), like the bundle it is compared with.
 */

/** @type {Map<string, Set<import('ws').WebSocket>>} */
const topics = new Map();
/** @type {Map<string, number>} */
const seqs = new Map();

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.end('ok');
    return;
  }
  const match = /^\/api\/chats\/([^/]+)\/messages$/.exec(req.url ?? '');
  if (req.method !== 'POST' || !match) {
    res.statusCode = 404;
    res.end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const chatId = match[1];
    const seq = (seqs.get(chatId) ?? 0) + 1;
    seqs.set(chatId, seq);
    const now = new Date().toISOString();
    const message = {
      id: `msg_RAW${String(seq).padStart(23, '0')}`,
      chatId,
      seq,
      senderId: 'usr_RAWSENDER0000000000000000',
      clientId: body.clientId,
      kind: body.kind,
      content: body.content,
      text: body.content?.text ?? '',
      mentions: [],
      replyTo: null,
      threadRootId: null,
      threadReplyCount: 0,
      threadLastReplyAt: null,
      forwardedFrom: null,
      reactions: [],
      pinned: false,
      createdAt: now,
      editedAt: null,
      recalled: false,
    };
    const topic = `chat:${chatId}`;
    const frame = Buffer.from(JSON.stringify({ type: 'event', topic, data: { type: 'message.created', message }, seq }));
    for (const ws of topics.get(topic) ?? []) if (ws.readyState === ws.OPEN) ws.send(frame, { binary: false });
    res.statusCode = 201;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(message));
  });
});

const wss = new WebSocketServer({ server, path: '/api/ws', maxPayload: 64 * 1024 });
wss.on('connection', (ws) => {
  const mine = new Set();
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.type === 'subscribe') {
      let set = topics.get(msg.topic);
      if (!set) {
        set = new Set();
        topics.set(msg.topic, set);
      }
      set.add(ws);
      mine.add(msg.topic);
      ws.send(JSON.stringify({ type: 'subscribed', topic: msg.topic, seq: seqs.get(msg.topic.slice(5)) ?? 0 }));
    } else if (msg.type === 'ping') ws.send('{"type":"pong"}');
  });
  ws.on('close', () => {
    for (const t of mine) topics.get(t)?.delete(ws);
  });
});

server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
