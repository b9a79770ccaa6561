"""`dealbot import customers|products FILE.csv` (PRODUCT.md §3.1), on SQLite and PostgreSQL,
from a fresh database: what is imported, what is refused and how it is reported."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dealbot.bot import import_cli
from dealbot.bot.cli import main
from dealbot.bot.csv_file import FileRefused
from dealbot.bot.settings import Settings
from dealbot.domain.core.store import make_engine, make_session_factory
from dealbot.domain.customers.imports import COLUMNS
from dealbot.domain.customers.models import Contract, Customer
from dealbot.domain.products.models import Product, StockMovement
from support.csv_files import HEADER, customer_file
from support.slack_bot import DIRECTORY
from support.store import PG_URL, FakeClock, fresh_postgres

TWO_TEAMS = (
    DIRECTORY
    + """
[[teams]]
name = "Other Sales"
leader = "ole"

[[members]]
handle = "ole"
name = "Ole Other"
team = "Other Sales"
roles = ["leader"]
"""
)


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """A database nothing was migrated in yet: the import does it."""
    config = tmp_path / "dealbot.toml"
    config.write_text(DIRECTORY, encoding="utf-8")
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    else:
        fresh_postgres().dispose()
        url = PG_URL
    yield Settings(_env_file=None, DATABASE_URL=url, DEALBOT_CONFIG=str(config))


def run(
    settings: Settings, kind: str, path: Path, team: str | None = None
) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = import_cli.run(settings, kind, str(path), team, out, FakeClock())
    return code, out.getvalue().splitlines()


def count(settings: Settings, model: type) -> int:
    engine = make_engine(settings.sqlalchemy_url)
    try:
        with make_session_factory(engine).begin() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        engine.dispose()


@pytest.mark.parametrize(("separator", "rows"), [(";", 10_000), (",", 2_500)])
def test_thousands_of_rows_in_many_scripts_with_every_bad_row_reported_by_its_line(
    settings: Settings, tmp_path: Path, separator: str, rows: int
) -> None:
    made = customer_file(rows, separator=separator, bad_every=250, bom=separator == ";")
    good = rows - rows // 250
    path = tmp_path / "customers.csv"
    path.write_text(made.text, encoding="utf-8")

    code, report = run(settings, "customers", path)

    refused = [re.match(r"line (\d+): (\w+): (.+)", line) for line in report[:-1]]
    assert all(refused), report[:5]
    assert {int(m.group(1)): m.group(2) for m in refused if m} == made.bad
    assert len(made.bad) == rows // 250 and len(set(made.bad.values())) >= 8
    assert report[-1] == f"{good} imported, 0 updated, {rows // 250} refused"
    assert code == 1
    assert count(settings, Customer) == good

    again_code, again = run(settings, "customers", path)

    assert again[-1] == f"0 imported, {good} updated, {rows // 250} refused" and again_code == 1
    assert count(settings, Customer) == good
    assert count(settings, Contract) == sum(1 for i in range(3, rows + 1, 3) if i % 250)


def test_quoting_line_breaks_and_scripts_are_kept_as_typed(
    settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "Name,Contact_Address,industry,company_size,owner\n"
        '"Smith; Sons, ""Ltd""","Line 1\nLine 2",IT and software,10–49 employees,sam\n'
        "東京ポンプ株式会社,東京都,manufacturing,1000+,\n"
        "ООО «Ромашка» 😀,,Retail,,kim\n",
        encoding="utf-8",
    )

    assert run(settings, "customers", path) == (0, ["3 imported, 0 updated, 0 refused"])
    engine = make_engine(settings.sqlalchemy_url)
    with make_session_factory(engine).begin() as session:
        rows = {c.name: c for c in session.scalars(select(Customer))}
        smith = rows['Smith; Sons, "Ltd"']
        assert (smith.contact_address, smith.industry, smith.company_size) == (
            "Line 1\nLine 2",
            "software",
            "10-49",
        )
        assert rows["東京ポンプ株式会社"].company_size == "1000+"
        assert rows["ООО «Ромашка» 😀"].industry == "retail"
    engine.dispose()


def test_a_later_row_updates_an_empty_cell_keeps_and_contracts_add_up(
    settings: Settings, tmp_path: Path
) -> None:
    first = tmp_path / "first.csv"
    first.write_text(
        "name;industry;contact_name;contract_title;contract_start;contract_end\n"
        "Acme;retail;Anna;Service;2026-01-01;2026-12-31\n"
        "Acme;;;Support;2026-02-01;\n"
        "Beta;software;Bob;;;\n"
        "Beta;retail;;;;\n",
        encoding="utf-8",
    )

    code, report = run(settings, "customers", first)

    assert report == [
        "line 4: industry: the same name again on line 5 with a different industry; "
        "line 5 is imported instead.",
        "2 imported, 1 updated, 1 refused",
    ]
    assert code == 1
    second = tmp_path / "second.csv"
    second.write_text("name,contact_name,contract_title,contract_end\nAcme,,Support,2027-01-31\n")
    assert run(settings, "customers", second) == (0, ["0 imported, 1 updated, 0 refused"])
    engine = make_engine(settings.sqlalchemy_url)
    with make_session_factory(engine).begin() as session:
        acme = session.scalars(select(Customer).where(Customer.name == "Acme")).one()
        assert (acme.industry, acme.contact_name) == ("retail", "Anna")
        contracts = {c.title: (str(c.starts_on), str(c.ends_on)) for c in acme.contracts}
        assert contracts == {
            "Service": ("2026-01-01", "2026-12-31"),
            "Support": ("2026-02-01", "2027-01-31"),
        }
        beta = session.scalars(select(Customer).where(Customer.name == "Beta")).one()
        assert beta.industry == "retail"
    engine.dispose()


def test_a_file_that_is_not_utf8_is_refused_whole(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("name\nAcme\nMüller GmbH\n".encode("latin-1"))

    with pytest.raises(FileRefused, match="line 3: the file is not UTF-8"):
        run(settings, "customers", path)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "the file is empty"),
        ("nom,industry\nAcme,retail\n", "column 'nom' is not one of"),
        ("industry\nretail\n", "the column 'name' is required"),
        ("name,name\nA,B\n", "named twice"),
    ],
)
def test_a_wrong_header_is_one_clear_line_and_exit_2(
    settings: Settings, tmp_path: Path, text: str, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.csv"
    path.write_text(text, encoding="utf-8")
    config = settings.config_path
    env = {"DATABASE_URL": settings.database_url, "DEALBOT_CONFIG": config}
    with pytest.MonkeyPatch.context() as patch:
        for key, value in env.items():
            patch.setenv(key, value)
        assert main(["import", "customers", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and problem in err[0] and err[0].startswith("dealbot: ")


def test_with_several_teams_the_team_must_be_named(settings: Settings, tmp_path: Path) -> None:
    Path(settings.config_path).write_text(TWO_TEAMS, encoding="utf-8")
    path = tmp_path / "c.csv"
    path.write_text("name,owner\nAcme,ole\nBeta,sam\n", encoding="utf-8")

    with pytest.raises(FileRefused, match="say which with --team"):
        run(settings, "customers", path)
    with pytest.raises(FileRefused, match="no team is named 'Nobody'"):
        run(settings, "customers", path, "Nobody")
    code, report = run(settings, "customers", path, "Other Sales")
    assert report == [
        "line 3: owner: “sam” is not the handle of a member of this team.",
        "1 imported, 0 updated, 1 refused",
    ]
    assert code == 1


def test_products_with_their_stock_recorded_as_movements(
    settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "products.csv"
    path.write_text(
        "sku;name;unit_price;currency;on_hand;minimum;maximum\n"
        "PUMP-50;Pump 50 l/min;1200.50;EUR;40;10;100\n"
        "VALVE-1;Клапан;300;RUB;5;;\n"
        "BAD SKU;x;1;EUR;;;\n"
        "NEW-1;;;;3;;\n"
        "CHEAP;Cheap;0.001;EUR;;;\n"
        "LOW;Low;1;EUR;-1;;\n"
        "RANGE;Range;1;EUR;5;10;2\n",
        encoding="utf-8",
    )

    code, report = run(settings, "products", path)

    assert [line.split(":")[:2] for line in report[:-1]] == [
        ["line 4", " sku"],
        ["line 5", " name"],
        ["line 6", " unit_price"],
        ["line 7", " on_hand"],
        ["line 8", " maximum"],
    ]
    assert report[-1] == "2 imported, 0 updated, 5 refused" and code == 1
    update = tmp_path / "update.csv"
    update.write_text("sku,on_hand\nPUMP-50,35\n", encoding="utf-8")
    assert run(settings, "products", update) == (0, ["0 imported, 1 updated, 0 refused"])
    engine = make_engine(settings.sqlalchemy_url)
    with make_session_factory(engine).begin() as session:
        pump = session.scalars(select(Product).where(Product.sku == "PUMP-50")).one()
        assert (pump.name, pump.unit_price_minor, pump.on_hand) == ("Pump 50 l/min", 120050, 35)
        moves = session.scalars(
            select(StockMovement.quantity)
            .where(StockMovement.product_id == pump.id)
            .order_by(StockMovement.id)
        ).all()
        assert moves == [40, -5]
    engine.dispose()


def test_the_header_names_every_column_the_product_lists() -> None:
    assert HEADER == COLUMNS
