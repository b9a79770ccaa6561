"""A broken dealbot.toml gives one clear error naming the entry, the field and the problem."""

from __future__ import annotations

import pytest

from dealbot.bot.directory_file import ConfigError, load_directory, parse_directory
from support.store import TEAMS


def _error(text: str) -> str:
    with pytest.raises(ConfigError) as broken:
        parse_directory(text)
    return str(broken.value)


def test_the_example_of_the_product_page_is_accepted() -> None:
    teams, members = parse_directory(TEAMS)
    assert [t.name for t in teams] == ["Tokyo Sales", "Moscow Sales"]
    assert members[0].roles == ("leader",)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('roles = ["sales"]', 'roles = ["salesman"]'),
            "dealbot.toml: members[1] (\"kenji\"): field 'roles.0': 'salesman' is not one of",
        ),
        (
            ('timezone = "Asia/Tokyo"', 'timezone = "Mars/Olympus"'),
            "teams[0] (\"Tokyo Sales\"): field 'timezone': 'Mars/Olympus' is not an IANA",
        ),
        (
            ('currency = "JPY"', 'currency = "YEN"'),
            "field 'currency': 'YEN' is not an ISO 4217 currency code",
        ),
        (
            ('leader = "sato"', 'leader = "satoh"'),
            "teams[0] (\"Tokyo Sales\"): field 'leader': no member has the handle 'satoh'",
        ),
        (
            ('team = "Moscow Sales"\nroles = ["sales"]', 'team = "Osaka Sales"\nroles = ["sales"]'),
            "members[4] (\"olga\"): field 'team': no team is named 'Osaka Sales'",
        ),
        (('handle = "yui"', 'handle = "kenji"'), "field 'handle': 'kenji' is used twice"),
        (('locale = "ru"', 'locale = "fr"'), "field 'locale': 'fr' is not one of en, ja, zh, ru"),
        (('slack_channel = "C0TOKYO01"', 'slak_channel = "C0TOKYO01"'), "'slak_channel': is not"),
    ],
)
def test_each_broken_entry_is_named(change: tuple[str, str], message: str) -> None:
    assert message in _error(TEAMS.replace(*change, 1))


def test_routing_overrides_are_checked_and_lost_deals_never_go_to_the_feed() -> None:
    base = TEAMS.replace('slack_channel = "C0TOKYO01"', 'slack_channel = "C0TOKYO01"\n{routing}', 1)

    ok = base.format(routing='routing = { deal_won = ["feed:post", "owner:dm"] }')
    teams, _ = parse_directory(ok)
    assert teams[0].routing == {"deal_won": ["feed:post", "owner:dm"]}
    assert "may never go to the team feed" in _error(
        base.format(routing='routing = { deal_lost = ["feed:post"] }')
    )
    assert "“leader:post” does not fit" in _error(
        base.format(routing='routing = { deal_won = ["leader:post"] }')
    )


def test_not_toml_at_all() -> None:
    assert "not valid TOML" in _error("[[teams]\nname=")


def test_without_a_file_the_sample_team_is_used(tmp_path) -> None:  # type: ignore[no-untyped-def]
    teams, members, sample = load_directory(str(tmp_path / "dealbot.toml"))
    assert sample and teams[0].leader == "lena"
    assert sorted(m.handle for m in members) == ["kim", "lena", "sam"]
