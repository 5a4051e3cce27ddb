"""``Queries.page(mine=True)``: an Agen's own households ("Punya saya"), whoever last
edited them; everybody else's stay out, and the other filters still apply."""

from __future__ import annotations

from .conftest import Village


def test_mine_lists_the_records_the_actor_created(village: Village) -> None:
    records = village.store.records
    own = [records.create(village.enumerator, "ddk", village.other_household()).id
           for _ in range(2)]
    other = records.create(village.enumerator2, "ddk", village.other_household()).id
    # the operator corrects one of agen1's: still agen1's household
    records.save(village.admin, own[0], records.load(village.admin, own[0]).answers,
                 "dikoreksi operator")
    queries = village.store.queries

    mine = queries.page(village.enumerator, mine=True)
    assert sorted(row.id for row in mine.rows) == sorted(own) and mine.total == 2
    assert [row.id for row in queries.page(village.enumerator2, mine=True).rows] == [other]
    assert queries.page(village.enumerator, mine=False).total == 3
    assert queries.page(village.enumerator, mine=True, status="verified").total == 0
