"""Robustness on real newswire: the whole pipeline runs on the first Reuters articles without a failure."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from factories import REUTERS
from newsgraph.documents import build_document
from newsgraph.pipeline import default_pipeline
from newsgraph.readers import read_file
from newsgraph.records import RawArticle


def test_the_first_forty_reuters_articles_go_through_every_stage() -> None:
    first_file = REUTERS / "reut2-000.sgm"
    if not first_file.exists():
        pytest.skip("../shared/corpus/reuters21578 not found; the newswire sample needs the shared folder")
    pipeline = default_pipeline(today=date(2026, 11, 23))
    articles = itertools.islice(read_file(first_file, max_article_bytes=10 * 1024 * 1024), 40)
    documents = [build_document(pipeline(article)) for article in articles if isinstance(article, RawArticle)]
    assert len(documents) == 40
    assert sum(len(document.actors) for document in documents) > 40
