from datetime import date

import pytest

from geodata.corpus import ArticleError, decode_article, is_excluded, load_corpus


def test_seeds_load_with_manifest(seeds_result):
    arts = {r.article.file: r.article for r in seeds_result.articles}
    assert len(arts) == 5
    a = arts["003_c8bff5b50b9638ad.txt"]
    assert a.published == date(2020, 2, 11) and a.published_from == "manifest"
    assert a.source == "The Moscow Times"


def test_boilerplate_is_marked_not_cut(seeds_result):
    a = next(r.article for r in seeds_result.articles if r.article.file.startswith("000_"))
    assert a.text.startswith("Support The Moscow Times!")  # text is kept as read: offsets stay true
    appeal = a.text.index("Dear readers")
    assert is_excluded(a, appeal, appeal + 5)
    newsletter = a.text.index("Sign up for our free weekly newsletter")
    assert is_excluded(a, newsletter, newsletter + 5)
    report = a.text.index("Russian troops have requested")
    assert not is_excluded(a, report, report + 10)



def test_news_using_an_appeals_words_is_not_boilerplate():
    from geodata.corpus import boilerplate_spans
    news = ("Troops will be deployed in Bosnia to support our partners.\n"
            "Italy's contribution to the mission is 400 soldiers.\n"
            "The United States donated armoured vehicles to the army.")
    assert boilerplate_spans(news) == ()
    appeals = "Please support our journalism.\nEvery contribution counts.\nDonate now to keep us going."
    assert len(boilerplate_spans(appeals)) == 3

def test_article_missing_from_manifest_is_dated_from_its_text(tmp_path):
    (tmp_path / "a.txt").write_text("Published 2024-12-09. Russian ships left Tartus.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Russian ships left Tartus on Sunday.", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    by = {a.file: a for a in corpus.articles}
    assert by["a.txt"].published == date(2024, 12, 9) and by["a.txt"].published_from == "text"
    assert by["b.txt"].published is None and by["b.txt"].undated
    assert any("undated" in w for w in corpus.warnings)


def test_bad_files_are_reported_not_raised(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 in Damascus".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Ships left Tartus.", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [a.file for a in corpus.articles] == ["ok.txt"]
    errors = {e.file: e.error for e in corpus.errors}
    assert "not UTF-8" in errors["latin1.txt"]
    assert "binary" in errors["binary.txt"]
    assert "empty" in errors["empty.txt"]


def test_huge_article_is_refused_with_a_clear_error():
    with pytest.raises(ArticleError, match="limit"):
        decode_article(b"a" * 3_000_000, "huge.txt")


def test_malformed_manifest_is_reported(tmp_path):
    (tmp_path / "articles.csv").write_text("name,date\nx.txt,2024\n", encoding="utf-8")
    (tmp_path / "x.txt").write_text("Ships left Tartus.", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.articles and corpus.errors and "file" in corpus.errors[0].error


def test_uploaded_names_cannot_escape_or_overwrite(tmp_path):
    from geodata.corpus import add_article, load_corpus, read_manifest, safe_filename

    assert safe_filename("../../etc/passwd") == "passwd.txt"
    assert safe_filename("..\\..\\win.ini") == "win.txt"
    assert safe_filename("C:\\Users\\x\\a.txt") == "a.txt"
    assert safe_filename(".hidden.txt") == "hidden.txt"
    assert safe_filename("Ŝyria report (1).TXT") == "yria_report_1.txt"
    assert safe_filename("") == "article.txt"
    a = add_article(tmp_path, "../../report.txt", b"Ships left Tartus on Sunday.",
                    {"title": "T1", "source": "S", "published": "2024-12-09"})
    b = add_article(tmp_path, "report.txt", b"Troops left Damascus.", {"title": "T2"})
    assert a.parent == b.parent == tmp_path.resolve() and a.name == "report.txt" and b.name == "report-2.txt"
    assert a.read_text() == "Ships left Tartus on Sunday."
    rows, _ = read_manifest(tmp_path)
    assert rows["report.txt"]["published"] == "2024-12-09" and rows["report-2.txt"]["title"] == "T2"
    assert [x.file for x in load_corpus(tmp_path).articles] == ["report-2.txt", "report.txt"]
    with pytest.raises(ArticleError):
        add_article(tmp_path, "bad.txt", b"\x00\x01binary")
    with pytest.raises(ArticleError):
        add_article(tmp_path, "bad.txt", b"text", {"published": "last week"})
    assert not (tmp_path / "bad.txt").exists() and not list(tmp_path.glob(".*.tmp"))
