"""Judges run-slack-bench.sh's rounds against the target: ChatOps's acknowledgement p99 at or below the peer's.
Rounds are paired (same round, same rate: one after the other); a rate's line gives how many rounds ChatOps was at
or below, and the median p99 of each side over the rounds.
usage: slack-bench-summary.py peer.jsonl chatops.jsonl"""
import json
import statistics
import sys


def rounds(path):
    by_rate = {}
    with open(path) as lines:
        for line in lines:
            if line.strip():
                result = json.loads(line)
                by_rate.setdefault(result["rate"], []).append(result)
    return by_rate


peer, chatops = rounds(sys.argv[1]), rounds(sys.argv[2])
for rate in sorted(peer):
    pairs = list(zip(peer[rate], chatops.get(rate, [])))
    at_or_below = sum(1 for p, c in pairs if c["p99_ms"] <= p["p99_ms"])
    peer_median = statistics.median(p["p99_ms"] for p, _ in pairs)
    chatops_median = statistics.median(c["p99_ms"] for _, c in pairs)
    print(f"{rate}/s: ChatOps p99 at or below the peer's in {at_or_below} of {len(pairs)} rounds; "
          f"median p99 peer {peer_median:.2f} ms, ChatOps {chatops_median:.2f} ms; "
          f"errors peer {sum(p['errors'] for p, _ in pairs)}, ChatOps {sum(c['errors'] for _, c in pairs)}")
