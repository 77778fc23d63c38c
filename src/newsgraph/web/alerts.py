"""The page of recent alert matches: what ``watch`` reported, newest first, each linked to the
sentence in its article."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsgraph.alerts import recent_matches
from newsgraph.store import id_list
from newsgraph.web.database import Cursor

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/alerts", response_class=HTMLResponse)
def alerts(
    request: Request,
    cur: Cursor,
    alert: Annotated[str | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> HTMLResponse:
    chosen = alert.strip() or None if alert else None
    names = [row[0] for row in cur.execute("SELECT name FROM alerts ORDER BY name").fetchall()]
    matches = recent_matches(cur, alert=chosen, limit=limit)
    actor_ids = {
        actor_id
        for match in matches
        for actor_id in match.get("source_actor_ids", []) + match.get("target_actor_ids", []) + [match.get("speaker_actor_id")]
        if actor_id
    }
    rows = cur.execute("SELECT id, name FROM actors WHERE id IN (SELECT unnest(?::JSON::VARCHAR[]))", [id_list(sorted(actor_ids))]).fetchall()
    html = request.app.state.pages.render(
        "alerts.html", path=request.url.path, matches=matches, alerts=names, chosen=chosen, names=dict(rows)
    )
    return HTMLResponse(html)
