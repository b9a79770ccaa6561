## 提醒 (PRODUCT.md §5) — 简体中文

help-mute = /deal mute payments|stock|key_dates|contracts|stagnation|digest — 关闭某一类提醒
help-unmute = /deal unmute <类别> — 重新接收某一类提醒
help-reminders = /deal reminders — 最近7天已发送、延迟和错过的提醒（管理员）
telegram-menu-mute = 关闭某一类提醒
telegram-menu-unmute = 重新接收某一类提醒
telegram-menu-reminders = 最近7天的提醒（管理员）

reminder-topic-payments = 收款
reminder-topic-stock = 库存
reminder-topic-key-dates = 重要日期
reminder-topic-contracts = 合同
reminder-topic-stagnation = 停滞的商机
reminder-topic-digest = 每周摘要
mute-done = 已关闭“{ $topic }”的提醒。
unmute-done = 已重新开启“{ $topic }”的提醒。
mute-list = 已关闭: { $topics }
mute-none = 你会收到所有类别的提醒。
mute-usage = 类别: { $choices }。/deal mute <类别>，/deal unmute <类别>
error-reminder-topic = “{ $value }”不是提醒类别。请使用以下之一: { $choices }
error-reminders-admins = 只有管理员可以查看已发出的提醒。
error-stagnant-not-yours = 只有 { $ref } 的负责人或团队主管可以这样做。

reminder-late = 延迟: 原定于 { $due } 提醒。
reminder-item-late = { $text }（延迟: 原定 { $due }）
reminder-more = ……还有 { $count } 条
reminder-no-owner = 无负责人
reminder-contact-unnamed = 联系人
reminder-heading-payments = { $count } 条收款提醒
reminder-heading-stock = { $count } 个产品超出库存上下限
reminder-heading-key-dates = { $count } 个重要日期
reminder-heading-contracts = { $count } 份合同即将到期

reminder-installment-soon = { $order } 第{ $number }期（{ $deal }，{ $customer }）: { $amount } 将在{ $days }天后到期（{ $date }）
reminder-installment-today = { $order } 第{ $number }期（{ $deal }，{ $customer }）: { $amount } 今天到期
reminder-installment-overdue = { $order } 第{ $number }期（{ $deal }，{ $customer }）: { $amount } 已逾期{ $days }天（到期日 { $date }）
reminder-installment-escalation = 已逾期{ $days }天: { $order } 第{ $number }期（{ $deal }，{ $customer }），未付 { $amount }，到期日 { $date }，负责人: { $owner }

reminder-founded-soon = { $days }天后（{ $date }）: { $customer }（{ $ref }）成立{ $years }周年
reminder-founded-today = 今天: { $customer }（{ $ref }）成立{ $years }周年
reminder-founded-past = { $date }: { $customer }（{ $ref }）成立{ $years }周年
reminder-first-contract-soon = { $days }天后（{ $date }）: 与 { $customer }（{ $ref }）首次签约{ $years }周年
reminder-first-contract-today = 今天: 与 { $customer }（{ $ref }）首次签约{ $years }周年
reminder-first-contract-past = { $date }: 与 { $customer }（{ $ref }）首次签约{ $years }周年
reminder-birthday-soon = { $days }天后（{ $date }）: { $contact }（{ $customer }，{ $ref }）的生日
reminder-birthday-today = 今天: { $contact }（{ $customer }，{ $ref }）的生日
reminder-birthday-past = { $date }: { $contact }（{ $customer }，{ $ref }）的生日

reminder-contract-end = 与 { $customer }（{ $ref }）的合同“{ $title }”将于{ $days ->
    [0] 今天
   *[other] { $days }天后
}（{ $date }）到期: 请续约，或推荐新产品。

reminder-stock-low = { $sku }（{ $name }）低于最低库存: 现有 { $on_hand }，最低 { $limit }
reminder-stock-high = { $sku }（{ $name }）高于最高库存: 现有 { $on_hand }，最高 { $limit }

reminder-stagnation = { $ref } { $title }（{ $customer }）已有{ $days }天没有进展
reminder-stagnation-ask = 请记录进展、暂缓3天，或标记为失单。
reminder-stagnation-snoozed = { $ref } { $title }: { $by } 已暂缓至 { $date }
reminder-stagnation-closed = { $ref } { $title } 已结束: { $status }
button-log-progress = 记录进展
button-snooze = 暂缓3天
button-mark-lost = 标记为失单
stagnant-snoozed-reply = { $ref } 已暂缓至 { $date }，在此之前不会再有停滞提醒。

reminder-digest = { $team } 每周摘要: { $first } – { $last }
digest-pipeline = 按阶段的销售管道:
digest-stage = { $stage }: { $count } 个商机 · { $amounts }
digest-won = 本周赢单: { $count } · { $amounts }
digest-lost = 本周失单: { $count } · { $amounts }
digest-deal-line = · { $ref } { $title }
digest-stagnant = 停滞的商机: { $count }
digest-stagnant-line = · { $ref } { $title } · { $owner } · 自 { $date } 起无进展
digest-overdue = 逾期收款: { $count } · { $amounts }
digest-overdue-line = · { $order } 第{ $number }期（{ $deal }） · { $amount } · 到期日 { $date }
digest-chart-title = 按阶段的进行中商机及本周关闭的商机

reminders-report = 最近7天的提醒: 已发送 { $sent }，延迟 { $late }，错过 { $missed }
reminders-report-kind = { $kind }: 已发送 { $sent }，延迟 { $late }，错过 { $missed }
reminders-report-line = { $state } · { $date } · { $kind } · { $label } → { $member }（{ $team }）
reminders-report-none = 最近7天没有到期的提醒。
reminder-state-sent = 已发送
reminder-state-late = 延迟
reminder-state-missed = 错过
reminder-kind-installment = 分期付款
reminder-kind-installment-escalation = 逾期付款（财务和主管）
reminder-kind-stock-low = 低于最低库存
reminder-kind-stock-high = 高于最高库存
reminder-kind-founded = 成立纪念日
reminder-kind-first-contract = 首次签约纪念日
reminder-kind-birthday = 生日
reminder-kind-contract-end = 合同到期
reminder-kind-stagnation = 停滞的商机
reminder-kind-digest = 每周摘要
