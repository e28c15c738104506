"""How search reads a query: hooks/data/<lang>/search.yml (question words to drop,
forms to search as well, ranking), checked and written next to the index by
hooks/search.py for assets/javascripts/search.js. Search itself, through the real
search box, is tested in tests/browser/test_search.py."""

from __future__ import annotations

import json
import sys

import pytest
from mkdocs.exceptions import PluginError

from sitecheck import ROOT, normalize

sys.path.insert(0, str(ROOT / "hooks"))
import guide_data  # noqa: E402
import search as search_hook  # noqa: E402


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_query_words_are_written_with_the_index(site, lang):
    words = json.loads((site.site_dir / "pagefind" / f"words.{lang}.json").read_text(encoding="utf-8"))
    assert words == search_hook.query_words(lang)
    assert len(words["stopwords"]) >= 30 and words["expand"] and words["ranking"]
    question = {"ar": ["ما", "هل", "كيف", "متي", "هي"], "en": ["what", "which", "how", "does", "the"]}[lang]
    assert set(question) <= set(words["stopwords"]), "question words must be dropped"
    # Lists are normalised as search.js normalises a query: no diacritics, folded alef/yaa/taa marbuta.
    assert all(w == normalize(w) for w in words["stopwords"])
    assert not any(ch in "أإآىة" for w in words["stopwords"] for ch in w)


def test_arabic_words_cover_broken_plurals_and_loanwords():
    expand = search_hook.query_words("ar")["expand"]
    for word, form in (("مهام", "مهمه"), ("ادوات", "أداة"), ("الفرق", "الفروق"), ("مهارات", "مهارة"), ("السوشيال ميديا", None)):
        assert word in expand or search_hook.fold(word) in expand, word
        if form:
            assert any(search_hook.fold(f) == search_hook.fold(form) for f in expand[search_hook.fold(word)]), (word, expand[search_hook.fold(word)])


@pytest.mark.parametrize("text, message", [
    ("stopwords: [ما]\nsynonyms: {}\n", "expected `stopwords:` and `conjunctions:`"),
    ("stopwords: [ما]\nexpand:\n  مهام: مسؤوليات\n", "fix ['مهام']"),
    ("stopwords: [ما]\nranking:\n  pageWeight: 2\n", "fix ['pageWeight']"),
])
def test_a_broken_word_file_fails_the_build_with_its_name(tmp_path, monkeypatch, text, message):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "search.yml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(guide_data, "DATA_DIR", tmp_path)
    guide_data.forget_hook_data()
    try:
        with pytest.raises(PluginError) as error:
            search_hook.query_words("xx")
    finally:
        guide_data.forget_hook_data()
    assert str(error.value).startswith("hooks/data/xx/search.yml:") and message in str(error.value), str(error.value)
