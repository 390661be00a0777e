#!/usr/bin/env python3
"""Builds the fuzz targets' seed corpora from the repository and, when present, ../shared.

usage: make_seeds.py OUT_DIR SOURCE_DIR [SHARED_DIR]

OUT_DIR/<target>/ gets one file per seed, named by the SHA-1 of its bytes (as libFuzzer names
corpus files), so that seeds are never committed and never duplicated:
  post          every post of SHARED_DIR/corpus and examples/
  front_matter  the head of each post (front matter and a few lines), file names, dates
  link          "url\\nlinking_doc[\\nsite_root]" for the links the posts contain
  query         the queries of README.md, docs/, scripts/demo.sh, tests/data/query_errors.txt
                and the query tests
"""
import hashlib
import os
import re
import sys

POST_EXTENSIONS = (".md", ".mdx", ".markdown", ".txt")
MAX_LINK_SEEDS = 3000


def write_seeds(out_dir, target, seeds):
    path = os.path.join(out_dir, target)
    os.makedirs(path, exist_ok=True)
    names = set()
    for seed in seeds:
        data = seed.encode("utf-8") if isinstance(seed, str) else seed
        name = hashlib.sha1(data).hexdigest()
        if name in names:
            continue
        names.add(name)
        with open(os.path.join(path, name), "wb") as f:
            f.write(data)
    return len(names)


def posts(roots):
    """(path relative to its root, bytes) for every post file under the roots."""
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(POST_EXTENSIONS):
                    full = os.path.join(dirpath, name)
                    with open(full, "rb") as f:
                        yield os.path.relpath(full, root), f.read()


def head(text):
    """The front matter block and three lines after it, or the first ten lines."""
    lines = text.split(b"\n")
    if lines and lines[0].strip() == b"---":
        for i in range(1, min(len(lines), 200)):
            if lines[i].strip() in (b"---", b"..."):
                return b"\n".join(lines[: i + 4])
    return b"\n".join(lines[:10])


LINK = re.compile(rb"\]\(\s*<?([^)\s>]+)|href=\"([^\"]+)\"")
DATE_VALUE = re.compile(rb"^date:\s*(.+)$", re.M)


def link_seeds(post_list):
    seeds = []
    for i, (rel, data) in enumerate(post_list):
        for m in LINK.finditer(data):
            url = m.group(1) or m.group(2)
            seed = url + b"\n" + rel.encode()
            if len(seeds) % 4 == 3:  # some with --site-root, as the importer may be told
                seed += b"\n" + rel.encode().split(b"/")[0]
            seeds.append(seed)
    # Keep the distinct ones, spread over every post.
    unique = list(dict.fromkeys(seeds))
    step = max(1, len(unique) // MAX_LINK_SEEDS)
    return unique[::step][:MAX_LINK_SEEDS]


QUERY_IN_TEXT = re.compile(r"(?:papergraph query|ask query) '([^']+)'")
CPP_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def query_seeds(source):
    seeds = []
    for rel in ["README.md", "scripts/demo.sh"] + [
        os.path.join("docs", n) for n in sorted(os.listdir(os.path.join(source, "docs"))) if n.endswith(".md")
    ]:
        with open(os.path.join(source, rel), encoding="utf-8") as f:
            text = f.read()
        seeds += QUERY_IN_TEXT.findall(text)
        # Inline code in the query guide: `paper -mentions-> topic`.
        if rel.endswith("query.md"):
            seeds += [q for q in re.findall(r"`([^`\n]+)`", text) if re.search(r"paper|org|topic|post|\|", q)]
    with open(os.path.join(source, "tests/data/query_errors.txt"), encoding="utf-8") as f:
        seeds += [line[2:].rstrip("\n") for line in f if line.startswith("> ")]
    for rel in ("tests/query_parser_test.cc", "tests/query_eval_test.cc"):
        with open(os.path.join(source, rel), encoding="utf-8") as f:
            for s in CPP_STRING.findall(f.read()):
                s = s.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")
                if re.search(r"paper|org|topic|post|path|related|neighbors|why", s):
                    seeds.append(s)
    return seeds


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    out_dir, source = sys.argv[1], sys.argv[2]
    roots = [os.path.join(source, "examples")]
    if len(sys.argv) == 4 and os.path.isdir(os.path.join(sys.argv[3], "corpus")):
        roots.append(os.path.join(sys.argv[3], "corpus"))
    post_list = list(posts(roots))

    fm = [head(data) for _, data in post_list]
    fm += [os.path.basename(rel).encode() for rel, _ in post_list]
    fm += [m.group(1) for _, data in post_list for m in DATE_VALUE.finditer(head(data))]

    counts = {
        "post": write_seeds(out_dir, "post", [data for _, data in post_list]),
        "front_matter": write_seeds(out_dir, "front_matter", fm),
        "link": write_seeds(out_dir, "link", link_seeds(post_list)),
        "query": write_seeds(out_dir, "query", query_seeds(source)),
    }
    print("seeds: " + ", ".join(f"{t} {n}" for t, n in counts.items()) + f" (from {', '.join(roots)})")


if __name__ == "__main__":
    main()
