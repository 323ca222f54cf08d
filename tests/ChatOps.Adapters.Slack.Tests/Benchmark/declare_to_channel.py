#!/usr/bin/env python3
"""Time from a signed `/incident declare` to the bot's conversations.create reaching a Slack stand-in.

Starts a minimal loopback stand-in for slack.com/api (answers ok:true like Slack), sends N signed declares at a fixed
rate to the bot's slash-command endpoint, and prints p50/p99 of (create call received - declare sent) as JSON.
The bot must run with Slack__ApiBaseUrl=http://127.0.0.1:<stand-in port>/api/ and the same signing secret.

usage: declare_to_channel.py BOT_COMMANDS_URL SECRET STANDIN_PORT COUNT RATE
"""
import hashlib, hmac, http.server, json, re, sys, threading, time, urllib.parse, urllib.request

url, secret, port, count, rate = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
created, sent, lock = {}, {}, threading.Lock()
counter = [0]


class StandIn(http.server.BaseHTTPRequestHandler):
    # Keep-alive like slack.com: with HTTP/1.0 every call closes its connection, and the bot's pooled connections
    # are then sometimes found closed, which adds a retry to the measurement.
    protocol_version = 'HTTP/1.1'
    # Headers and body leave in two writes; with Nagle on, the body waits for the client's delayed ACK (~40 ms).
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def read_body(self):
        if self.headers.get('transfer-encoding', '').lower() != 'chunked':
            return self.rfile.read(int(self.headers.get('content-length', 0) or 0))
        body = b''
        while True:
            size = int(self.rfile.readline().split(b';')[0].strip(), 16)
            chunk = self.rfile.read(size + 2)  # the chunk and its CRLF
            if size == 0:
                return body
            body += chunk[:-2]

    def do_POST(self):
        method = self.path.rsplit('/', 1)[-1]
        body = self.read_body()
        try:
            args = json.loads(body) if self.headers.get('content-type', '').startswith('application/json') else dict(urllib.parse.parse_qsl(body.decode()))
        except ValueError:
            args = {}  # response_url replies are JSON of another shape; their content is not needed here
        now = time.perf_counter()
        answer = {'ok': True}
        with lock:
            counter[0] += 1
            n = counter[0]
            if method == 'conversations.create':
                m = re.search(r'bench-(\d+)', args.get('name', ''))
                if m:
                    created.setdefault(int(m.group(1)), now)
                answer['channel'] = {'id': f'C{n}', 'name': args.get('name')}
            elif method in ('chat.postMessage', 'chat.update'):
                answer.update(channel=args.get('channel'), ts=args.get('ts') or f'1700000000.{n:06d}')
            elif method == 'users.info':
                answer['user'] = {'id': args.get('user'), 'name': 'bench', 'profile': {'display_name': 'Bench'}}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header('content-type', 'application/json; charset=utf-8')
        self.send_header('content-length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)


server = http.server.ThreadingHTTPServer(('127.0.0.1', port), StandIn)
threading.Thread(target=server.serve_forever, daemon=True).start()


def declare(i):
    body = urllib.parse.urlencode({'team_id': 'T0BARS', 'channel_id': 'C0OPS', 'channel_name': 'ops', 'user_id': f'U0DECL{i % 10}',
                                   'user_name': 'bench', 'command': '/incident', 'text': f'declare Bench {i} outage --sev 3',
                                   'response_url': f'http://127.0.0.1:{port}/hooks/x', 'trigger_id': f'{i}.{time.time()}.bench'}).encode()
    ts = str(int(time.time()))
    sig = 'v0=' + hmac.new(secret.encode(), f'v0:{ts}:'.encode() + body, hashlib.sha256).hexdigest()
    req = urllib.request.Request(url, data=body, headers={'content-type': 'application/x-www-form-urlencoded',
                                                          'x-slack-request-timestamp': ts, 'x-slack-signature': sig})
    with lock:
        sent[i] = time.perf_counter()
    urllib.request.urlopen(req, timeout=5).read()


start = time.perf_counter()
for i in range(count):
    time.sleep(max(0, start + i / rate - time.perf_counter()))
    threading.Thread(target=declare, args=(i,)).start()
deadline = time.perf_counter() + 30
while len(created) < count and time.perf_counter() < deadline:
    time.sleep(0.05)
lat = sorted((created[i] - sent[i]) * 1000 for i in created if i in sent)
p = lambda q: round(lat[min(len(lat) - 1, int(q * len(lat)))], 2) if lat else None
print(json.dumps({'declares': count, 'rate': rate, 'channels_created': len(created), 'p50_ms': p(0.5), 'p99_ms': p(0.99), 'max_ms': round(lat[-1], 2) if lat else None}))
server.shutdown()
