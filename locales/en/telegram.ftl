## dealbot on Telegram — English. Every other catalog has exactly these messages and placeholders.

telegram-menu-new = Report a new deal
telegram-menu-update = Report progress on a deal
telegram-menu-won = Close a deal as won
telegram-menu-lost = Close a deal as lost
telegram-menu-show = A deal, a quote or an order, e.g. /show D-12, /show Q-3
telegram-menu-list = Open deals
telegram-menu-search = Search deals
telegram-menu-stats = Win rate, counts, amounts and funnel, with charts
telegram-menu-lang = The language dealbot speaks to you
telegram-menu-help = All commands
telegram-menu-approvals = What waits for your decision
telegram-menu-customer = Customers: new, show, edit, search, contract
telegram-menu-product = Products: list, show
telegram-menu-stock = Stock of a product and its movements
telegram-menu-cancel = Stop the form you are filling in
telegram-welcome = Hello, { $name }! You are on { $team }.
telegram-start-help = Type /new to report a deal, /update to report progress, /help for everything else.
telegram-open-private = Forms and answers come in a private chat with me. Open it and press Start: { $link }
telegram-nothing-to-cancel = There is no form to cancel.
telegram-no-form = No form is open. Type /help to see the commands.
telegram-optional = optional
telegram-choose = Choose below, or type it.
telegram-choose-or-type = Choose below, or type a new one.
telegram-button-skip = Skip
telegram-button-back = ◀ Back
telegram-button-cancel = ✖ Cancel
telegram-confirm = Check your answers, then save.
telegram-form-gone = That form is no longer open.
note-person_unreachable = { $person } (@{ $handle }) has not started the dealbot bot on { $platform }, so their notifications are waiting. Ask them to open a private chat with the bot and press Start.

telegram-menu-chart = One chart: funnel, industry or size
