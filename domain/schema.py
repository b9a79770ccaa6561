"""Every table of every capability on one metadata: what the migrations describe."""

from dealbot.domain.approvals import models as approval_models
from dealbot.domain.core import models as core_models
from dealbot.domain.core import runners
from dealbot.domain.customers import models as customer_models
from dealbot.domain.customers.search import SQLITE_SEARCH_TABLE
from dealbot.domain.deals import models as deal_models
from dealbot.domain.outbox import models as outbox_models
from dealbot.domain.products import levels as product_levels
from dealbot.domain.products import models as product_models
from dealbot.domain.reminders import models as reminder_models
from dealbot.domain.selling import models as selling_models
from dealbot.domain.selling import reminders as selling_reminders

metadata = core_models.Base.metadata
MODULES = (
    core_models,
    runners,
    customer_models,
    deal_models,
    approval_models,
    outbox_models,
    product_models,
    product_levels,
    reminder_models,
    selling_models,
    selling_reminders,
)
# Tables the store keeps beside the models (SQLite's full-text index and its shadow tables):
# made by the migrations, left alone when models and migrations are compared.
UNMAPPED_TABLE_PREFIXES = (SQLITE_SEARCH_TABLE,)
