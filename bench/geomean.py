#!/usr/bin/env python3
"""Geometric mean speed-ups of the first report over the others, over the query cases they share.

    python3 bench/geomean.py papergraph.json networkx.json sqlite.json

Reports are the JSON of papergraph-bench and ../shared/bench/peers/*_peer.py. Prints, per other
report, the geometric mean of other/first median times (above 1: the first is faster), the case
where the first does worst, and whether every answer was right.
"""
import json
import math
import sys


def main(paths):
    if len(paths) < 2:
        sys.exit(__doc__)
    reports = [json.load(open(p, encoding="utf-8")) for p in paths]
    first = reports[0]
    for other in reports[1:]:
        ratios = {case: other["queries"][case]["median_us"] / mine["median_us"]
                  for case, mine in first["queries"].items()
                  if case in other["queries"] and mine["median_us"] > 0}
        if not ratios:
            continue
        geo = math.exp(sum(math.log(r) for r in ratios.values()) / len(ratios))
        worst = min(ratios, key=ratios.get)
        ok = all(q["ok"] for q in first["queries"].values()) and all(q["ok"] for q in other["queries"].values())
        print(f"{first['peer']} vs {other['peer']}: {geo:.1f}x faster (geometric mean of {len(ratios)} cases); "
              f"least: {worst} {ratios[worst]:.2f}x; answers {'all right' if ok else 'NOT all right'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
