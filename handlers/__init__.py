"""Conversations: neutral forms and messages, drawn by one renderer per front end."""
