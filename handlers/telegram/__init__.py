"""The Telegram front end: forms as conversations, inline keyboards, group feeds."""
