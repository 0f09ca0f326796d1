#!/usr/bin/env python3
"""One line per figure of a tracuu-bench JSON answer read on stdin, for bench/typing-queries.

    typing_report.py quality CORPUS VARIANT BUILD    |    typing_report.py latency MIX BUILD
"""
import json
import sys

j = json.loads(sys.stdin.read())
if sys.argv[1] == 'quality':
    corpus, variant, build = sys.argv[2:5]
    print(f"quality {corpus:8} {variant:7} {build:6} nDCG@10 {j['ndcg10']:.3f}  "
          f"MRR@10 {j['mrr10']:.3f}  ({j['found_in_top10']}/{j['queries']} in top 10)")
else:
    mix, build = sys.argv[2:4]

    def line(name, p):
        return (f"latency {mix:18} {build:6} {name:10} p50 {p['p50_ms']:7.2f} ms  "
                f"p95 {p['p95_ms']:7.2f} ms  p99 {p['p99_ms']:7.2f} ms  ({p['samples']} searches)")
    print(line('all', j['latency']))
    for kind, p in sorted(j['by_kind'].items()):
        print(line(kind, p))
