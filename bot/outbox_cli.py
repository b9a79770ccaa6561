"""`dealbot outbox`: what waits to be delivered and what is parked; `retry` sends it again."""

from __future__ import annotations

from dealbot.bot.settings import Settings
from dealbot.bot.wiring import open_store
from dealbot.domain.outbox.desk import OutboxDesk


def show(settings: Settings) -> int:
    desk = OutboxDesk(open_store(settings))
    waiting = desk.waiting()
    if not waiting:
        print("nothing waits: every notification was delivered")
        return 0
    print(f"{'id':>6}  {'state':8} {'lane':7} {'platform':9} {'to':28} {'tries':>5}  kind / error")
    for row in waiting:
        error = f" / {row.last_error[:60]}" if row.last_error else ""
        print(
            f"{row.id:>6}  {row.state:8} {row.lane_state:7} {row.platform:9} "
            f"{row.place[:28]:28} {row.attempts:>5}  {row.kind}{error}"
        )
    return 0


def retry(settings: Settings, delivery_id: int | None) -> int:
    deliveries, lanes = OutboxDesk(open_store(settings)).retry(delivery_id)
    print(f"{deliveries} deliveries will be sent again; {lanes} parked places reopened")
    return 0 if deliveries or lanes else 1
