#!/usr/bin/env python3
"""Generates minutes texts for the ingest benchmark from the real samples.

Deterministic for a given --seed. Each file is one meeting: a header line, then
items made from the Norddjurs sample items (with fresh case numbers and dates),
and every tenth file is a copy of the Aarhus Byråd meeting. Output is not committed.
"""
import argparse
import os
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMITTEES = [
    "Børne- og ungdomsudvalget", "Voksen- og plejeudvalget", "Økonomiudvalget", "Kommunalbestyrelsen",
    "Kultur- og udviklingsudvalget", "Miljø- og teknikudvalget", "Teknisk Udvalg", "Social- og Beskæftigelsesudvalget",
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--megabytes", type=int, default=110)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    samples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples/norddjurs").glob("*.txt"))]
    aarhus = (ROOT / "tests/fixtures/aarhus-byraad-2025-08-27.txt").read_text(encoding="utf-8")
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.megabytes * 1_000_000
    written, n = 0, 0
    while written < target:
        if n % 10 == 9:
            text = aarhus
        else:
            committee = rng.choice(COMMITTEES)
            y, m, d = rng.randint(2014, 2025), rng.randint(1, 12), rng.randint(1, 28)
            parts = [f"{committee} {d:02d}-{m:02d}-{y}\n\n"]
            for _ in range(12):
                body = rng.choice(samples)
                case = f"{y % 100:02d}/{rng.randint(1, 99999)}"
                parts.append(f"Punkt {len(parts)}: Sag om {rng.choice(['budget', 'skoler', 'veje', 'ældre'])}\n{case} Åben Sag\n\n{body}\n")
            text = "".join(parts)
        data = text.encode("utf-8")
        (args.out / f"moede-{n:05d}.txt").write_bytes(data)
        written += len(data)
        n += 1
    print(f"wrote {n} files, {written / 1e6:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
