"""Loading a corpus: a folder of ``.txt`` articles with an optional ``articles.csv`` manifest.

Article text is kept exactly as read (so every offset points into the file's text); what is not
the article (newsletter and donation appeals, photo credits, share buttons, paragraphs repeated
across articles of one source) is marked as *excluded spans* rather than cut out.
Files that cannot be read (not UTF-8, binary, too large) are reported as ``LoadError``s, never raised.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from geodata.fsio import atomic_write, locked
from geodata.models import Article

MAX_ARTICLE_BYTES = 2_000_000
MANIFEST = "articles.csv"
MANIFEST_FIELDS = ("file", "title", "source", "url", "published", "notes")


@dataclass(frozen=True)
class LoadError:
    file: str
    error: str


class ArticleError(ValueError):
    """An article file that cannot be used, with a message fit for an analyst."""


def decode_article(data: bytes, name: str = "article") -> str:
    """Bytes -> text, or ArticleError with a clear reason."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{name}: {len(data):,} bytes is over the {MAX_ARTICLE_BYTES:,}-byte limit for one article")
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{name}: looks like a binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{name}: not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8") from None
    if not text.strip():
        raise ArticleError(f"{name}: empty article")
    return text


def read_manifest(folder: Path) -> tuple[dict[str, dict[str, str]], list[LoadError]]:
    path = folder / MANIFEST
    if not path.exists():
        return {}, []
    errors: list[LoadError] = []
    try:
        raw = decode_article(path.read_bytes(), MANIFEST)
    except (ArticleError, OSError) as exc:
        return {}, [LoadError(MANIFEST, str(exc))]
    rows: dict[str, dict[str, str]] = {}
    reader = csv.DictReader(io.StringIO(raw))
    if not reader.fieldnames or "file" not in reader.fieldnames:
        return {}, [LoadError(MANIFEST, "manifest has no 'file' column; expected " + ",".join(MANIFEST_FIELDS))]
    for n, row in enumerate(reader, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            errors.append(LoadError(MANIFEST, f"line {n}: no file name"))
            continue
        rows[name] = {k: (row.get(k) or "").strip() for k in MANIFEST_FIELDS}
    return rows, errors


def parse_iso_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10]) if value and value.strip() else None
    except ValueError:
        return None


def _fallback_title(text: str, stem: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 120 else line[:117].rsplit(" ", 1)[0] + "…"
    return stem


def make_article(file: str, text: str, meta: dict[str, str] | None = None) -> tuple[Article, list[str]]:
    """An Article from its text and manifest row; the warnings say what was missing or assumed."""
    meta = meta or {}
    warnings: list[str] = []
    stem = Path(file).stem
    published = parse_iso_date(meta.get("published", ""))
    published_from = "manifest" if published else ""
    if meta.get("published") and not published:
        warnings.append(f"{file}: manifest date {meta['published']!r} is not YYYY-MM-DD; ignored")
    if published is None:
        from geodata.dates import find_date_in_header  # the date grammar: only when reading an article

        published = find_date_in_header(text)
        if published:
            published_from = "text"
            warnings.append(f"{file}: no manifest date; using {published.isoformat()} written in the article")
        else:
            warnings.append(f"{file}: undated (no manifest date and none written in the article)")
    article = Article(
        id=stem, file=file, title=meta.get("title") or _fallback_title(text, stem),
        source=meta.get("source") or "unknown", url=meta.get("url", ""), published=published,
        published_from=published_from, text=text, notes=meta.get("notes", ""),
    )
    return article, warnings


@dataclass
class Corpus:
    articles: list[Article]
    errors: list[LoadError]
    warnings: list[str]


def folder_signature(folder: str | Path) -> tuple[tuple[str, int, int], ...]:
    """(name, size, mtime) of every file in a corpus folder: changes whenever an article, the manifest or
    the analysts' files are added, removed or edited."""
    folder = Path(folder)
    if not folder.is_dir():
        return ()
    out = []
    for p in folder.iterdir():
        try:
            if p.is_file():
                st = p.stat()
                out.append((p.name, st.st_size, st.st_mtime_ns))
        except OSError:
            continue  # removed while we looked
    return tuple(sorted(out))


def load_corpus(folder: str | Path) -> Corpus:
    """Every ``*.txt`` in ``folder`` (sorted by name), its manifest row if any, boilerplate marked."""
    folder = Path(folder)
    manifest, errors = read_manifest(folder)
    articles: list[Article] = []
    warnings: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        try:
            text = decode_article(path.read_bytes(), path.name)
        except (ArticleError, OSError) as exc:
            errors.append(LoadError(path.name, str(exc)))
            continue
        article, warn = make_article(path.name, text, manifest.get(path.name))
        articles.append(article)
        warnings.extend(warn)
    for name in manifest:
        if not (folder / name).exists():
            warnings.append(f"{MANIFEST}: lists {name}, which is not in the folder")
    return Corpus(articles=mark_boilerplate(articles), errors=errors, warnings=warnings)


# ---- boilerplate -------------------------------------------------------------------------------

_PARA = re.compile(r"[^\n]+")
_APPEAL = re.compile(
    # (appeals, not news: "support our partners", "donated vehicles" and "Italy's contribution of troops" are news)
    r"\b(?:newsletter|subscribe|subscribers?|sign up|dear readers?|support us|support (?:our|independent) (?:journalism|work|"
    r"reporting|newsroom|media|site)|donate (?:now|today|here|to us)|make a donation|your donations?|privacy policy|cookie|"
    r"your support|remind me later|not ready to support|(?:every|your|a small|one-off|monthly|any) contribution|"
    r"all rights reserved|follow us|read more|share this|click here)\b",
    re.I,
)
# A photo credit: "Name Surname / Agency", or a bare domain at the end of a caption.
_CREDIT = re.compile(r"(?:\b[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)* / [A-Z][\w. /-]+$)|(?:\s[a-z0-9-]+\.(?:ru|com|org|net|ua|gov)\s*$)")
_TRAILING_SHARE = re.compile(r"\s+Share\s*$")
# A wire dateline: "MOSCOW (Reuters) -", "ALEPPO, Syria (AP) —": where the story was filed, not where it happened.
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{2,40}(?:, [A-Z][A-Za-z .'-]{2,30})?\s*(?:\([A-Za-z .&-]{2,30}\))?\s*[-—–]+\s*")


def _paragraphs(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _PARA.finditer(text) if m.group().strip()]


def _norm_para(p: str) -> str:
    return " ".join(p.lower().split())


def boilerplate_spans(text: str, repeated: frozenset[str] = frozenset()) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` that are site furniture, not reporting."""
    spans = []
    for s, e, p in _paragraphs(text):
        body = p.strip()
        words = body.split()
        if _norm_para(body) in repeated or _APPEAL.search(body) or _CREDIT.search(body):
            spans.append((s, e))
        elif len(words) <= 3 and not re.search(r"[.!?\"”]$", body):
            spans.append((s, e))  # buttons and labels: "Once", "Monthly", "Continue", a lone heading
        else:
            d = _DATELINE.match(p)
            if d:
                spans.append((s, s + d.end()))
            m = _TRAILING_SHARE.search(p)
            if m:
                spans.append((s + m.start(), e))
    return tuple(spans)


def mark_boilerplate(articles: list[Article]) -> list[Article]:
    """Paragraphs repeated in two or more articles of the same source are furniture, whatever they say."""
    by_source: dict[str, Counter[str]] = {}
    for a in articles:
        counts = by_source.setdefault(a.source, Counter())
        counts.update({_norm_para(p) for _, _, p in _paragraphs(a.text) if len(p.split()) >= 3})
    out = []
    for a in articles:
        counts = by_source.get(a.source, Counter())
        repeated = frozenset(p for p, c in counts.items() if c >= 2) if a.source != "unknown" else frozenset()
        out.append(replace(a, excluded=boilerplate_spans(a.text, repeated)))
    return out


def is_excluded(article: Article, start: int, end: int) -> bool:
    """True when the span [start, end) overlaps any excluded span of the article."""
    if not article.excluded:  # most articles have no furniture: asked once a place mention
        return False
    return any(s < end and start < e for s, e in article.excluded)


def excluded_share(article: Article, start: int, end: int) -> float:
    """How much of [start, end) is furniture (0..1): a sentence after a dateline is still reporting."""
    if end <= start or not article.excluded:  # most articles have no furniture: asked once a sentence
        return 0.0
    covered = sum(max(0, min(e, end) - max(s, start)) for s, e in article.excluded)
    return min(1.0, covered / (end - start))


# ---- adding articles (upload) ----------------------------------------------------------------------

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str) -> str:
    """A file name that cannot leave the corpus folder: no directories, no dot-files, ``.txt`` at the end."""
    base = name.replace("\\", "/").split("/")[-1]
    stem = _SAFE_NAME.sub("_", Path(base).stem).strip("._-")[:80] or "article"
    return f"{stem}.txt"


def add_article(folder: str | Path, name: str, data: bytes, meta: dict[str, str] | None = None) -> Path:
    """Store an uploaded article in the corpus folder (never outside it, never over another file) and
    record its title/source/url/published in ``articles.csv``. Raises ArticleError for unusable files."""
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    decode_article(data, name)  # refuse binary, non-UTF-8, empty or oversized files before writing anything
    meta = {k: (v or "").strip().replace("\n", " ") for k, v in (meta or {}).items()}
    if meta.get("published") and parse_iso_date(meta["published"]) is None:
        raise ArticleError(f"{name}: publication date {meta['published']!r} is not YYYY-MM-DD")
    with locked(folder / MANIFEST):
        target = folder / safe_filename(name)
        n = 1
        while target.exists():
            n += 1
            target = folder / f"{Path(safe_filename(name)).stem}-{n}.txt"
        if target.resolve().parent != folder:
            raise ArticleError(f"{name}: refusing a name outside the corpus folder")
        atomic_write(target, data)
        rows, _ = read_manifest(folder)
        rows[target.name] = {k: meta.get(k, "") for k in MANIFEST_FIELDS} | {"file": target.name}
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=MANIFEST_FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows.values())
        atomic_write(folder / MANIFEST, buf.getvalue().encode("utf-8"))
    return target
