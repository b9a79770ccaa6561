"""The Slack front end: neutral messages and forms drawn as Block Kit, served by slack-bolt."""
