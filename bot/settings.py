"""Settings from the environment and a `.env` file (PRODUCT.md §6)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    database_url: str = Field("sqlite:///dealbot.sqlite3", alias="DATABASE_URL")
    config_path: str = Field("dealbot.toml", alias="DEALBOT_CONFIG")
    slack_bot_token: str | None = Field(None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: str | None = Field(None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: str | None = Field(None, alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field("https://slack.com/api/", alias="SLACK_API_URL")
    telegram_bot_token: str | None = Field(None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_url: str = Field("https://api.telegram.org/bot", alias="TELEGRAM_API_URL")
    telegram_webhook_url: str | None = Field(None, alias="TELEGRAM_WEBHOOK_URL")
    telegram_webhook_secret: str | None = Field(None, alias="TELEGRAM_WEBHOOK_SECRET")
    http_port: int = Field(3000, alias="DEALBOT_HTTP_PORT")
    intake_token: str | None = Field(None, alias="DEALBOT_INTAKE_TOKEN")
    # How long a process holds a delivery it claimed; another takes over once it passes.
    delivery_lease_seconds: float = Field(20.0, gt=0, alias="DEALBOT_DELIVERY_LEASE_SECONDS")
    # Transient failures (429, 5xx, network) are retried this long before a delivery parks.
    delivery_retry_hours: float = Field(24.0, gt=0, alias="DEALBOT_DELIVERY_RETRY_HOURS")
    delivery_max_attempts: int = Field(60, ge=1, alias="DEALBOT_DELIVERY_MAX_ATTEMPTS")

    @property
    def sqlalchemy_url(self) -> str:
        """psycopg 3 for PostgreSQL whichever way the URL names the driver."""
        url = self.database_url
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url
