#!/usr/bin/env python3
"""Checks data/topics.tsv and data/orgs.tsv against the synthetic-corpus generator.

The generator (../shared/tools/corpus_vocab.py, relative to the source root) writes its
ground truth with its own technique and lab vocabulary. papergraph can only agree with that
truth if its lexicon
  1. holds every generator technique under the generator's id (slug of its first English
     name) with all of its English and Korean aliases, and every generator lab under the
     slug of its display name with all of its tag spellings;
  2. adds no alias that would fire on the generator's filler text, task names, title words
     or lab names (a false mention on every synthetic post that uses the phrase), and no
     alias that steals or splits a generator alias (each generator alias, scanned with the
     whole lexicon, must find exactly its own topic);
and, when the real corpus is present (../shared/corpus), every org tag used there must be
a known lab rather than fall back to a slug.

The matching rules below mirror importers/topic_matcher.cc (see docs/lexicon.md).

Usage: check_vocab_coverage.py [--root DIR] [--shared DIR] [--verbose]
Exit status: 0 when everything is covered (or ../shared is absent: "skipped"), 1 with a
list of what is missing or conflicting otherwise.
"""
import argparse
import os
import re
import sys
import unicodedata

sys.dont_write_bytecode = True

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015"
SPACES = " \t\r\n\f\v\u00a0\u3000"


def is_hangul(c):
    o = ord(c)
    return 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F


def is_ascii_alnum(c):
    return c.isascii() and c.isalnum()


def fold(s, lower=True):
    """White space and dash runs become one space; ASCII letters lower-case."""
    out, pending = [], False
    for c in s:
        if c in SPACES or c in DASHES:
            pending = True
            continue
        if pending and out:
            out.append(" ")
        pending = False
        out.append(c.lower() if lower and c.isascii() else c)
    if pending and out:
        out.append(" ")
    return "".join(out)


def split_aliases(field):
    return [a.strip() for a in field.split(" | ") if a.strip()] if field.strip() else []


def read_tsv(path, ncols):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            cols += [""] * (ncols - len(cols))
            rows.append((n, cols))
    return rows


class Matcher:
    """Leftmost-longest alias matcher with the boundary rules of topic_matcher.cc."""

    def __init__(self):
        self.keys = {}          # folded key -> list of (exact surface or None, payload)
        self.by_first = {}

    def add(self, alias, payload):
        exact = alias.startswith("=")
        surface = alias[1:] if exact else alias
        surface = unicodedata.normalize("NFKC", surface)
        key = fold(surface).strip()
        if not key:
            return
        self.keys.setdefault(key, []).append((fold(surface, lower=False).strip() if exact else None, payload))
        self.by_first.setdefault(key[0], set()).add(key)

    def finalize(self):
        self.sorted = {c: sorted(ks, key=len, reverse=True) for c, ks in self.by_first.items()}

    def find(self, text):
        text = unicodedata.normalize("NFC", text)
        low, raw = fold(text), fold(text, lower=False)
        out, i = [], 0
        while i < len(low):
            hit = None
            for key in self.sorted.get(low[i], ()):
                if not low.startswith(key, i):
                    continue
                end = i + len(key)
                prev = low[i - 1] if i else " "
                nxt = low[end] if end < len(low) else " "
                if is_ascii_alnum(key[0]) and is_ascii_alnum(prev):
                    continue
                if is_hangul(key[0]) and is_hangul(prev):
                    continue
                if is_ascii_alnum(key[-1]) and is_ascii_alnum(nxt):
                    continue
                ok = [p for exact, p in self.keys[key] if exact is None or raw[i:end] == exact]
                if ok:
                    hit = (i, end, ok[0])
                    break
            if hit:
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default=os.path.dirname(here), help="source root (holds data/)")
    ap.add_argument("--shared", default=None, help="the shared folder (default: ROOT/../shared)")
    ap.add_argument("--verbose", action="store_true", help="also list aliases contained in others")
    args = ap.parse_args()
    shared = args.shared or os.path.join(args.root, "..", "shared")
    tools = os.path.join(shared, "tools")
    if not os.path.isfile(os.path.join(tools, "corpus_vocab.py")):
        print("skipped: ../shared not found")
        return 0
    sys.path.insert(0, tools)
    import corpus_vocab as V
    from corpus_text import slug_id

    problems = []
    topics_path = os.path.join(args.root, "data", "topics.tsv")
    orgs_path = os.path.join(args.root, "data", "orgs.tsv")

    # --- the lexicon ------------------------------------------------------------------------
    topics = {}
    order = []
    for n, cols in read_tsv(topics_path, 4):
        tid, name, parent, aliases = cols[0].strip(), cols[1].strip(), cols[2].strip(), split_aliases(cols[3])
        if tid in topics:
            problems.append(f"topics.tsv:{n}: topic {tid} defined twice")
        topics[tid] = dict(name=name, parent=parent, aliases=[name] + aliases, line=n)
        order.append(tid)
    for tid, t in topics.items():
        if t["parent"] and t["parent"] not in topics:
            problems.append(f"topics.tsv:{t['line']}: {tid}: unknown parent {t['parent']}")
    matcher, owner = Matcher(), {}
    for tid in order:
        for a in topics[tid]["aliases"]:
            key = fold(unicodedata.normalize("NFKC", a.lstrip("="))).strip()
            if key in owner and owner[key] != tid:
                problems.append(f"topics.tsv:{topics[tid]['line']}: alias {a!r} of {tid} is also an alias of {owner[key]}")
            owner.setdefault(key, tid)
            matcher.add(a, tid)
    matcher.finalize()

    # --- 1. generator techniques --------------------------------------------------------------
    gen_topics = []
    for line in V.TOPICS.strip().splitlines():
        cols = [[x.strip() for x in c.split(";") if x.strip()] for c in line.split("|")]
        en, ko = cols[0] + cols[1], cols[2]
        gen_topics.append((slug_id(en[0]), en, ko))
    for gid, en, ko in gen_topics:
        t = topics.get(gid)
        if not t:
            problems.append(f"missing topic {gid} ({en[0]})")
            continue
        have = {a.lstrip("=").casefold() for a in t["aliases"]}
        for a in en + ko:
            if a.casefold() not in have:
                problems.append(f"topic {gid}: missing alias {a!r}")

    # --- 2. generator agreement ---------------------------------------------------------------
    for gid, en, ko in gen_topics:
        for a in en + ko:
            found = {p for _, _, p in matcher.find(a)}
            if found != {gid}:
                problems.append(f"generator alias {a!r} of {gid} finds {sorted(found)} with the whole lexicon")
    try:
        import gen_corpus as G
        words = G.vocabulary_words()
    except Exception as e:  # the generator itself is optional; its word lists are not
        print(f"note: gen_corpus.vocabulary_words() unavailable ({e}); using corpus_vocab lists")
        words = (V.KO_TOPIC + V.EN_TOPIC + V.KO_FILLER + V.EN_FILLER + V.F3_INTRO + V.TITLE_PATTERNS
                 + V.ADJ + V.ADJ2 + V.NOUN + V.NOUN2 + V.NOUN3 + V.VERB + V.MODELS + V.KO_ADJ
                 + V.FALSE_FRIENDS + [x for task in V.TASKS for x in task])
    for w in words:
        text = re.sub(r"\{[^}]*\}", " | ", w)
        for i, j, p in matcher.find(text):
            problems.append(f"alias {text[i:j]!r} of {p} fires on generator text {w!r}")
    # Technique names next to the words the generator puts beside them: an adjective
    # before a title's technique ("Stable" + "Diffusion Transformers") must not form
    # a longer alias of another topic.
    title_case = getattr(sys.modules.get("corpus_text"), "title_case", lambda x: x)
    for gid, en, ko in gen_topics:
        for a in en:
            for form in {a, a.lower(), title_case(a)}:
                for adj in V.ADJ + V.ADJ2 + V.VERB + ["Towards", "Rethinking", "via", "Meets", "of", "Need", "on", "with"]:
                    for text in (f"X: {adj} {form} for Y", f"{form} {adj} Y"):
                        found = {p for _, _, p in matcher.find(text)}
                        if found != {gid}:
                            problems.append(f"generator title text {text!r} finds {sorted(found)}, not {gid}")

    # --- 3. labs ---------------------------------------------------------------------------------
    orgs, org_keys = {}, {}
    compact = lambda s: "".join(c for c in unicodedata.normalize("NFKC", s).casefold() if c.isalnum())
    for n, cols in read_tsv(orgs_path, 5):
        oid, name = cols[0].strip(), cols[1].strip()
        names = [name] + split_aliases(cols[2]) + [p.lstrip("=") for p in split_aliases(cols[3])]
        if oid in orgs:
            problems.append(f"orgs.tsv:{n}: lab {oid} defined twice")
        orgs[oid] = dict(name=name, names=names, line=n)
        for a in names:
            k = compact(a)
            if k and k in org_keys and org_keys[k] != oid:
                problems.append(f"orgs.tsv:{n}: {a!r} of {oid} is also a spelling of {org_keys[k]}")
            org_keys.setdefault(k, oid)
    for line in V.ORGS.strip().splitlines():
        name, surfaces = [c.strip() for c in line.split("|")]
        oid = slug_id(name)
        o = orgs.get(oid)
        if not o:
            problems.append(f"missing lab {oid} ({name})")
            continue
        have = {a.casefold() for a in o["names"]}
        for s in [name] + [x.strip() for x in surfaces.split(";") if x.strip()]:
            if s.casefold() not in have:
                problems.append(f"lab {oid}: missing spelling {s!r}")

    corpus = os.path.join(shared, "corpus", "tomatosaurus")
    if os.path.isdir(corpus):
        tags = set()
        for dirpath, _, files in os.walk(corpus):
            for fn in files:
                if not fn.endswith((".md", ".mdx")):
                    continue
                with open(os.path.join(dirpath, fn), encoding="utf-8", errors="replace") as f:
                    for line in f:
                        if line.startswith("##"):
                            tags.update(m.strip() for m in re.findall(r"`([^`]*)`", line))
                        m = re.match(r"\*\*기관:\*\*\s*([^|]+)", line)
                        if m:
                            tags.add(m.group(1).strip())
        for tag in sorted(t for t in tags if t):
            if compact(tag) not in org_keys:
                problems.append(f"real corpus tag {tag!r} is not a known lab spelling (add it to orgs.tsv)")

    def ancestors(tid):
        seen = []
        while tid in topics and topics[tid]["parent"] and topics[tid]["parent"] not in seen:
            tid = topics[tid]["parent"]
            seen.append(tid)
        return seen

    if args.verbose:  # containment of a broader topic's alias is the intended nesting
        keys = {fold(unicodedata.normalize("NFKC", a.lstrip("="))).strip(): tid
                for tid in order for a in topics[tid]["aliases"]}
        for outer, otid in keys.items():
            for inner, itid in keys.items():
                if itid == otid or len(inner) >= len(outer) or itid in ancestors(otid):
                    continue
                m = Matcher()
                m.add(inner, itid)
                m.finalize()
                if m.find(outer):
                    print(f"note: alias {outer!r} of {otid} contains {inner!r} of {itid}")

    if problems:
        print(f"check_vocab_coverage: {len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        return 1
    print(f"check_vocab_coverage: ok: {len(topics)} topics, {len(orgs)} labs; "
          f"{len(gen_topics)} generator techniques and every lab spelling covered")
    return 0


if __name__ == "__main__":
    sys.exit(main())
