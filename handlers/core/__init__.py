"""What every front end shares: forms, the form walk, messages, the registry, the router, i18n."""
