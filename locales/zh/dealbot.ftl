## dealbot — 简体中文。消息与占位符须与英文版 (locales/en/dealbot.ftl) 完全一致。

language-name-in-sentence = 简体中文
language-name = 简体中文

## 表单字段 (PRODUCT.md §9)
field-customer = 客户
field-title = 商机名称
field-industry = 行业
field-company-size = 企业规模
field-amount = 金额
field-currency = 币种
field-expected-close = 预计成交日期
field-source = 来源
field-notes = 备注
field-deal = 商机
field-activity = 活动
field-status = 状态
field-lost-reason = 丢单原因
field-advice = 建议
field-comment = 评论
field-owner = 负责人
hint-amount = 正数，例如 12000 或 12,000.50
hint-currency = 三位字母的币种代码，例如 USD、EUR 或 JPY
hint-expected-close = 格式为 YYYY-MM-DD，例如 2026-12-31

## 表单
form-deal-new-title = 新建商机
form-deal-update-title = 进展汇报
form-advice-title = 对 { $ref } 的建议
form-submit = 保存
form-cancelled = 已取消，未保存任何内容。

## 选项
industry-manufacturing = 制造业
industry-retail = 零售业
industry-software = IT 与软件
industry-finance = 金融与保险
industry-healthcare = 医疗健康
industry-construction = 建筑业
industry-logistics = 物流
industry-public = 公共部门
industry-education = 教育
industry-other = 其他
size-1-9 = 1–9 人
size-10-49 = 10–49 人
size-50-249 = 50–249 人
size-250-999 = 250–999 人
size-1000plus = 1000 人及以上
activity-visit = 拜访
activity-call = 电话
activity-meeting = 会议
activity-quote = 已提交报价
activity-email = 邮件
activity-other = 其他
status-log-only = 仅记录
status-negotiation = 谈判中
status-won = 赢单
status-lost = 丢单
deal-status-open = 新建
deal-status-negotiation = 谈判中
deal-status-won = 赢单
deal-status-lost = 丢单

## 按钮
button-give-advice = 提供建议
button-approve = 批准
button-reject = 驳回
button-open-report = 打开汇报

## 错误
error-heading = 抱歉——
error-generic = 出了点问题，未做任何更改。
error-not-found = 未找到。
error-not-allowed = 您无权执行此操作。
error-invalid = 输入无效。
error-conflict = 此操作已完成。
error-required = “{ $field }”为必填项。
error-too-long = “{ $field }”最多 { $limit } 个字符，当前为 { $length } 个。
error-choice = “{ $value }”不是“{ $field }”的可选项。请从以下选项中选择：{ $choices }。
error-amount-not-number = “{ $value }”不是有效金额。请输入数字，例如 { $example }。
error-amount-not-positive = 金额必须大于零。
error-amount-precision = { $currency } 金额最多保留 { $digits } 位小数。
error-currency-unknown = “{ $currency }”不是币种代码。请输入 USD、EUR 或 JPY 等代码。
error-date-format = “{ $value }”不是 YYYY-MM-DD 格式的日期，例如 2026-12-31。
error-date-invalid = “{ $value }”不是有效日期。请检查日和月。
error-not-on-team = 您尚未加入任何团队。请联系管理员将您添加到 dealbot.toml。
error-deal-unknown = 没有您可以查看的商机 { $ref }。
error-ref-bare-number = 仅“{ $value }”无法指定：请输入其编号，例如 { $ref } 或 #{ $value }。
error-cannot-open-deals = 只有销售人员和主管可以创建商机。
error-task-unknown = 该任务已不存在。
error-advice-not-yours = 只有受邀的主管才能对 { $ref } 提出建议。
error-advice-done = 已对 { $ref } 提出过建议。
error-not-your-deal = 只有 { $ref } 的负责人才能汇报其进展。
error-deal-closed = { $ref } 已关闭。
error-unknown-command = “{ $command }”不是命令。输入 /deal help 查看全部命令。
error-lang-unknown = dealbot 不支持“{ $value }”这种语言。请选择{ $choices }。
error-filter = “{ $value }”不是 { $filter } 的有效值。请从以下选项中选择：{ $choices }。

## 配置错误（面向运维人员）
config-route-audience = “{ $route }”未指定有效的接收对象（audience）；请使用 { $allowed } 之一。
config-route-placement = “{ $route }”未指定有效的发布位置（placement）；请使用 { $allowed } 之一。
config-route-mismatch = “{ $route }”不匹配；该接收对象只接受 { $allowed }。
config-route-event = “{ $event }”不是事件；请使用 { $allowed } 之一。
config-route-list = { $event } 的路由必须是字符串列表，例如 "feed:post"。
config-route-lost-feed = { $event } 绝不能发送到团队动态：丢单信息只通知主管。

## 通知
note-deal_opened-feed = 新商机 { $ref }：{ $title }
note-deal_opened-leader = 请为 { $ref } 提供建议：{ $title }
note-deal_opened = 新商机 { $ref }：{ $title }
note-advice_given = { $actor } 对 { $ref } 提出了建议
note-progress_shared = { $ref } 有新进展：谈判中（{ $actor }）
note-progress_logged = { $ref } 有新进展（{ $actor }）
note-deal_won-feed = 我们赢单了！{ $ref }：{ $title }
note-deal_won = { $owner } 赢下了 { $ref }：{ $title }
note-deal_lost = { $ref } 已丢单：{ $title }
advice-task-ask = 此商机由 { $owner } 创建。您的建议将发送给 { $owner }，并发布到该商机的讨论串中。

## 商机
deal-heading = { $ref }：{ $title }
deal-line = { $ref } · { $title } · { $customer } · { $amount } · { $owner } · { $status }
timeline-heading = 时间线：
timeline-opened = 由 { $actor } 创建
timeline-advice = 来自 { $actor } 的建议
timeline-progress = { $actor } 的进展汇报
timeline-won = 赢单，由 { $actor } 汇报
timeline-lost = 丢单，由 { $actor } 汇报
list-mine = { $count ->
    [0] 您没有进行中的商机
   *[other] 您进行中的商机（{ $count }）
}
list-team = { $count ->
    [0] 团队没有进行中的商机
   *[other] 团队进行中的商机（{ $count }）
}
list-empty = 暂无内容。
search-found = { $count ->
    [0] 未找到商机
   *[other] 找到 { $count } 个商机
}
stats-heading = { $count ->
   *[other] { $count } 个商机的统计
}
stats-total = 全部商机
stats-by-industry = 按行业：
stats-by-size = 按企业规模：
stats-funnel = 销售漏斗：
stats-line = { $label }：{ $count ->
   *[other] { $count } 个商机
}，赢单 { $won }，丢单 { $lost }，赢单率 { $rate }，金额 { $amount }
stats-funnel-step = { $stage }：{ $count }

## 回复
deal-opened-reply = 已保存 { $ref }：{ $title }。已发布到团队动态，并已请您的主管提供建议。
progress-reply-log_only = 已记录到 { $ref } 的时间线，未通知任何人。
progress-reply-negotiation = 已保存，并在 { $ref } 的讨论串中与团队共享。
progress-reply-won = 恭喜！{ $ref } 已赢单，已通知团队和您的主管。
progress-reply-lost = { $ref } 已按丢单关闭。仅通知了您的主管，并附上原因。
advice-reply = 谢谢！您对 { $ref } 的建议已发送给 { $owner }，并发布到该商机的讨论串中。

## 帮助
help-heading = dealbot 命令
help-new = /deal new — 汇报新商机
help-update = /deal update [D-12] — 汇报商机进展
help-won = /deal won [D-12] — 将商机关闭为赢单
help-lost = /deal lost [D-12] — 将商机关闭为丢单（原因仅发送给您的主管）
help-show = /deal show D-12、Q-3 或 O-4 — 查看商机及其时间线、报价、订单
help-list = /deal list — 进行中的商机
help-search = /deal search [industry:…] [size:…] [status:…] [owner:…] [from:YYYY-MM-DD] [to:YYYY-MM-DD] [关键词]
help-stats = /deal stats [与 search 相同的筛选条件] — 赢单率、数量、金额和销售漏斗，图表发到您的私信
help-help = /deal help — 显示此列表
help-lang = /deal lang [en|ja|zh|ru] — 设置 dealbot 与您交流的语言
help-refs = 每个商机都有一个编号，例如 D-12；所有需要指定商机的命令都可以使用该编号。
lang-current = dealbot 当前使用{ $locale }与您交流。可用 /deal lang 加上{ $choices }更改。
lang-set = 今后 dealbot 将使用{ $locale }与您交流。

## 命令行
shell-welcome = dealbot 命令行 — 输入 /help 查看命令，/as <handle> 切换为其他人，/quit 退出。
shell-you-are = 您是 { $name }（@{ $handle }），{ $team }。
shell-help = 命令行：/as <handle> 切换人员，/who 列出所有人，输入数字即点击对应按钮，/cancel 退出表单，/back 返回上一个问题，/quit 退出。
shell-unknown = “{ $text }”在此处不是命令。请输入 /help。
shell-no-such-person = 没有用户名为“{ $handle }”的人。输入 /who 查看所有人。
shell-no-such-button = 没有按钮 [{ $number }]。
shell-optional = 选填，按 Enter 跳过
shell-choose = 请输入列表中的编号或名称。
shell-choose-or-type = 请输入列表中的编号，或输入新名称。
shell-cancel-hint = /cancel 取消，/back 返回
shell-to-dm = 私信给 { $name }（@{ $handle }）
shell-to-feed = 团队动态 · { $team }
shell-to-thread = { $ref } 的讨论串 · { $team } 动态
shell-to-thread-broadcast = { $ref } 的讨论串 · { $team } 动态，同时发送到频道

## Pickers, review, roles and delivery notices
error-amount-too-large = 金额最多为 { $limit }。
error-date-past = { $value } 已经过去。请填写今天或以后的日期。
error-task-deal-closed = { $ref } 已关闭，因此此任务也已关闭。
error-choice-range = 列表中没有第 { $value } 项；请输入 1 到 { $last } 之间的编号。
error-name-is-number = “{ $value }”是编号，不是名称：请直接输入{ $field }，或从列表中选择。
error-name-only-number = “{ $value }”只是一个数字：请用文字输入{ $field }，例如公司名称。
error-button-unknown = 这个按钮已失效。
error-owner-unknown = 没有用户名为“{ $owner }”的成员。
hint-deal = 按列表编号选择商机，或输入其编号，例如 D-12。
form-use-review-controls = 所有问题都已回答。请保存、返回修改或取消。
form-stale = 这个问题已经回答过了。
form-no-match = 没有与“{ $value }”匹配的项。请换几个字试试。
form-new-value = 新建：{ $value }
form-pick-match = 以下与“{ $value }”匹配：请选择一项，或重新输入。
shell-review = 请确认您的回答：
shell-review-how = 输入 y 保存，/back 修改上一个回答，/cancel 全部放弃。
role-sales = 销售
role-leader = 主管
role-finance = 财务
role-warehouse = 仓库
role-admin = 管理员
note-delivery_parked = 发往 { $platform } 上 { $place } 的一条消息未能送达，正在等待您处理。
note-delivery_parked-what = 最后一次错误：{ $error }。重新发送：dealbot outbox retry { $delivery }
note-lane_parked = { $platform } 拒绝向 { $place } 发送消息：问题解决之前不再向那里发送。
note-lane_parked-what = 错误：{ $error }。请先解决（例如重新添加机器人），然后运行：dealbot outbox retry { $delivery }
note-person_unreachable-what = 对方一点击“开始”，所有等待中的消息就会送达。
note-chat_moved = { $platform } 上 { $place } 的群聊已迁移到新 ID（{ $old } → { $new }），机器人会跟随发送。
note-chat_moved-what = 请在 dealbot.toml 中填写新 ID { $new }，以便下次启动时使用。

## Cards that change
card-task-done = { $ref } 的建议已给出：{ $title }
card-task-done-by = { $actor } 给出了建议。
card-task-closed = { $ref } 已关闭：{ $title }
card-task-closed-why = 在此任务完成之前 { $ref } 已关闭（{ $status }），因此此任务也已关闭。
shell-card-changed = 卡片已更新 · { $where }

## 图表（PRODUCT.md §2.5）：只发送到提问者本人的私信
help-chart = /deal chart funnel|industry|size [与 search 相同的筛选条件] — 一张图表及其数据
chart-funnel = { $count ->
   *[other] 销售漏斗（{ $count } 个商机）
}
chart-win-rate-industry = 按行业的赢单率
chart-win-rate-size = 按企业规模的赢单率
chart-axis-deals = 商机数
chart-axis-win-rate = 赢单率 = 赢单 ÷（赢单 + 丢单）
chart-nothing-to-draw = 没有图表：这些商机还没有关闭的，或者没有符合条件的商机。
error-chart-which = 要哪张图表？请在 /deal chart 后输入 { $choices }。
error-chart-unknown = 没有名为“{ $value }”的图表。请在 /deal chart 后输入 { $choices }。
shell-chart-file = 图表“{ $title }”已保存为 { $path }
shell-chart-not-drawn = 无法绘制图表“{ $title }”（原因见日志）；数据见上文。

## Approvals
field-requested-by = 申请人
approval-card = { $what }等待您审批
approval-card-approved = { $what }：已由 { $by } 批准
approval-card-rejected = { $what }：已由 { $by } 驳回
approval-card-closed = { $what }：商机已{ $status }，无需再审批
approval-comment = 备注：{ $comment }
approval-told-approved = { $what }已由 { $by } 批准
approval-told-rejected = { $what }已被 { $by } 驳回
approvals-none = 没有等待您审批的申请。
approvals-heading = { $count } 个申请等待您审批
approval-done-approved = 已批准：{ $what }。已通知申请人。
approval-done-rejected = 已驳回：{ $what }。已告知申请人原因。
help-approvals = /deal approvals — 等待您审批的申请
home-approvals = 等待我审批
form-approval-reject-title = 驳回{ $what }
timeline-approval-requested = { $approval_kind ->
    [quote] { $actor } 提交了报价 { $ref } 的审批
    [order] { $actor } 提交了订单 { $ref } 的审批
    [payment] { $actor } 记录了 { $ref } 的回款，待财务审批
    [shipment] { $actor } 申请仓库为 { $ref } 出库
   *[other] { $actor } 提交了 { $ref } 的审批
}
timeline-approval-approved = { $approval_kind ->
    [quote] { $actor } 批准了报价 { $ref }
    [order] { $actor } 批准了订单 { $ref }
    [payment] { $actor } 批准了 { $ref } 的回款
    [shipment] { $actor } 确认了 { $ref } 的出库
   *[other] { $actor } 批准了 { $ref }
}
timeline-approval-rejected = { $approval_kind ->
    [quote] { $actor } 驳回了报价 { $ref }：{ $comment }
    [order] { $actor } 驳回了订单 { $ref }：{ $comment }
    [payment] { $actor } 驳回了 { $ref } 的回款：{ $comment }
    [shipment] { $actor } 驳回了 { $ref } 的出库：{ $comment }
   *[other] { $actor } 驳回了 { $ref }：{ $comment }
}
error-approval-unknown = 该审批申请不存在。
error-approval-own = { $kind ->
    [payment] 不能审批自己的申请：{ $ref } 的回款将由他人审批。
    [shipment] 不能审批自己的申请：{ $ref } 的出库将由他人确认。
   *[other] 不能审批自己的申请：{ $ref } 将由他人审批。
}
error-approval-not-yours = { $kind ->
    [payment] 您无权审批 { $ref } 的回款。
    [shipment] 您无权确认 { $ref } 的出库。
   *[other] 您无权审批 { $ref }。
}
error-approval-closed = { $ref } 所属商机已关闭，无需再审批。
error-approval-already-approved = { $kind ->
    [payment] { $ref } 的回款已由 { $by } 批准。
    [shipment] { $ref } 的出库已由 { $by } 确认。
   *[other] { $ref } 已由 { $by } 批准。
}
error-approval-already-rejected = { $kind ->
    [payment] { $ref } 的回款已被 { $by } 驳回。
    [shipment] { $ref } 的出库已被 { $by } 驳回。
   *[other] { $ref } 已被 { $by } 驳回。
}

## Forms with repeated rows, counts and percentages
form-row-label = 第 { $row } 项 · { $label }
answer-yes = 是
answer-no = 否
error-count-not-number = “{ $value }”不是整数，例如 3。
error-count-range = 数量必须在 1 到 { $limit } 之间。
error-percent = “{ $value }”不是 0 到 100 之间的百分比，例如 10 或 12.5。
error-show-unknown = 请说明要查看什么，例如：/deal show D-12、/deal show Q-3 或 /deal show O-4
