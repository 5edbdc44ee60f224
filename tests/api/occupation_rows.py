"""Reading /api/v1/occupations answers, for the API tests."""

ROW_FIELDS = {
    "soc",
    "title",
    "median_annual",
    "median_hourly",
    "top_coded",
    "hourly_only",
    "annual_only",
    "area_code",
    "area_name",
    "area_fallback",
    "annual_openings",
    "openings_is_estimate",
    "growth_percent",
    "typical_education",
    "job_zone",
}


def rows(client, query: str = "") -> list[dict]:
    answer = client.get(f"/api/v1/occupations{query}")
    assert answer.status_code == 200, answer.content
    return answer.json()


def row(client, soc: str, query: str) -> dict:
    return next(r for r in rows(client, query) if r["soc"] == soc)
