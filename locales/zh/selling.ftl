## 销售：报价、订单、回款计划、回款、出库（PRODUCT.md §3.2, §9）— 简体中文

field-quantity = 数量
field-discount = 折扣
field-valid-until = 有效期至
field-first-due-date = 首期到期日
field-installments = 分期
field-amount-received = 回款金额
field-received-on = 回款日期
field-total = 合计
field-order = 订单
field-quote = 报价
field-paid = 已回款
field-left = 待回款
field-waiting = 待审批
hint-quantity = 整数，例如 3
hint-unit-price = 留空则使用产品单价
hint-discount = 百分比，例如 10 或 12.5；无折扣请留空
hint-valid-until = 格式为 YYYY-MM-DD，例如 2026-12-31
hint-installments = 每月等额分期的期数，例如 3；或每行一期，格式为 YYYY-MM-DD 金额，例如 2026-12-01 400000
hint-first-due-date = 首期到期日，格式为 YYYY-MM-DD；之后每月一期
hint-received-on = 收到款项的日期，格式为 YYYY-MM-DD

form-quote-title = { $deal ->
    [none] 新建报价
   *[other] 为 { $deal } 新建报价
}
form-quote-revise-title = { $deal } 的 { $quote } 第 { $number } 版
form-plan-title = { $ref } 的回款计划
form-payment-title = { $ref } 的回款
form-more-items = 继续添加明细吗？
button-add-item = 添加明细
button-new-quote = 新建报价
button-submit-quote = 提交审批
button-approve-shipment = 确认出库

## 销售审批
approval-what-quote = { $deal } 的报价 { $ref }
approval-what-order = { $deal } 的订单 { $ref }
approval-what-payment = { $ref } 的回款（{ $deal }）
approval-what-shipment = { $ref } 的出库（{ $deal }）
approval-card-approved-shipment = { $what }：已由 { $by } 确认
approval-told-approved-shipment = { $what }已由 { $by } 确认

## 回复
quote-made-reply = 已保存 { $deal } 的 { $ref }（{ $amount }），并已提交主管审批。
quote-sent-reply = 已将 { $ref } 标记为已发送给客户。
quote-accepted-reply = 客户已接受 { $ref }。可用 /deal order { $quote } 创建订单。
order-made-reply = 已保存 { $deal } 的订单 { $ref }（{ $amount }），并已提交主管审批。
plan-set-reply = { $ref } 的回款计划：共 { $count } 期
payment-made-reply = 已记录 { $ref } 的回款 { $amount }，并已提交财务审批。
shipment-asked-reply = 已请仓库为 { $ref } 出库。
invoiced-reply = 已将 { $ref } 标记为已开票。

## 报价与订单
quote-heading = { $deal } 的报价 { $ref }
quote-lines-heading = 明细：
quote-line = { $number }. { $sku } { $name }：{ $quantity } × { $price }{ $discount } = { $amount }
quote-line-discount = −{ $discount }%
quote-revisions-heading = 版本：
quote-revision-line = { $ref } · { $at } · { $by } · { $total } · { $state } · { $decided }
quote-state-pending = 待审批
quote-state-approved = 已批准
quote-state-rejected = 已驳回
quote-state-sent = 已发送给客户
quote-state-accepted = 客户已接受
quote-state-revised = 已修订
quote-state-closed = 随商机关闭
decision-open = 待决定
decision-closed = 随商机关闭
decision-approved-by = 已由 { $by } 批准
decision-confirmed-by = 已由 { $by } 确认
decision-rejected-by = 已被 { $by } 驳回
decision-with-comment = { $decision }：{ $comment }
order-heading = { $deal } 的订单 { $ref }
order-state-pending = 待审批
order-state-approved = 已批准
order-state-rejected = 已驳回
shipping-requested = 已申请仓库出库
shipping-shipped = 已出库
order-invoiced = 已开票
order-paid = 已结清
order-plan-heading = 回款计划：
order-no-plan = 尚无回款计划：/deal plan { $ref }
installment-line = { $number }. { $due } · { $amount } · { $state }
installment-paid = 已回款
installment-part-paid = 待回款 { $left }
installment-open = 未回款
order-payments-heading = 回款：
payment-line = { $received } · { $amount } · { $by } · { $decided }
order-shipments-heading = 出库：
shipment-line = { $at } · 申请人 { $by } · { $decided }
order-decisions = 订单：{ $decided }
stock-reason-shipment = { $ref } 出库

## 商机时间线
timeline-quote-sent = { $actor } 将 { $ref } 标记为已发送给客户
timeline-quote-accepted = { $actor } 记录了客户接受 { $ref }
timeline-plan-set = { $actor } 设置了 { $ref } 的回款计划：共 { $count } 期
timeline-order-paid = { $ref } 已全部回款（最后一笔由 { $actor } 批准）
timeline-order-shipped = { $ref } 已出库（仓库的 { $actor } 确认）
timeline-order-invoiced = { $actor } 将 { $ref } 标记为已开票

## 错误
error-selling-not-yours = 只有 { $deal } 的负责人、团队主管或管理员才能对 { $ref } 执行此操作。
error-selling-deal-lost = { $deal } 已输单，{ $ref } 无法继续。
error-quote-unknown = 没有您可以查看的报价 { $ref }。
error-order-unknown = 没有您可以查看的订单 { $ref }。
error-quote-no-lines = 报价至少需要一行明细。
error-quote-too-many-lines = 报价最多只能有 { $limit } 行明细。
error-quote-price-needed = { $sku } 以 { $product_currency } 定价：请用 { $currency } 输入单价。
error-quote-total-zero = 报价合计必须大于零。
error-quote-pending = { $ref } 仍在等待审批。
error-quote-approved = { $ref } 已获批准。
error-quote-rejected = { $ref } 已被驳回：请用 /deal revise { $quote } 新建版本。
error-quote-sent = { $ref } 已标记为已发送。
error-quote-accepted = 客户已接受 { $ref }。
error-quote-revised = { $ref } 已有更新的版本。
error-quote-closed = { $ref } 已随商机关闭。
error-order-needs-accepted = 客户尚未接受 { $ref }：请先用 /deal quote-accepted { $quote } 记录。
error-order-exists = { $quote } 已有订单 { $ref }。
error-order-pending = { $ref } 仍在等待主管审批。
error-order-rejected = { $ref } 已被驳回：请用 /deal order { $quote } 重新申请。
error-order-invoiced = { $ref } 已标记为已开票。
error-order-not-shipped = { $ref } 尚未出库：需先由仓库确认出库（/deal ship { $ref }）。
error-shipping-none = { $ref } 现在无法出库。
error-shipping-requested = 已请仓库为 { $ref } 出库。
error-shipping-shipped = { $ref } 已出库。
error-shipment-short = 无法确认 { $ref } 的出库：{ $sku } 库存为 { $on_hand }，出库需要 { $needed }。库存未变动。
error-payment-no-plan = { $ref } 尚无回款计划：请用 /deal plan { $ref } 创建。
error-payment-too-much = { $ref } 仅剩 { $left } { $currency } 待回款（包括待审批的回款）。
error-plan-after-payment = { $ref } 已有回款记录，回款计划保持不变。
error-plan-sum = 分期合计为 { $sum } { $currency }，但总额为 { $total } { $currency }：两者必须相等。
error-plan-line = 第 { $line } 行“{ $value }”不是 YYYY-MM-DD 金额 的格式，例如 2026-12-01 400000。
error-date-future = { $value } 还没有到。请填写今天或更早的日期。
error-needs-quote = 请指定报价，例如：/deal { $command } Q-3
error-needs-order = 请指定订单，例如：/deal { $command } O-4

## 帮助与 Telegram 菜单
help-quote = /deal quote D-12 — 带明细的报价（由主管审批）
help-quote-sent = /deal quote-sent Q-3 — 已批准的报价已发送给客户
help-quote-accepted = /deal quote-accepted Q-3 — 客户接受了报价
help-revise = /deal revise Q-3 — 客户要求修改时新建版本
help-order = /deal order Q-3 — 由已接受的报价创建订单（由主管审批）
help-plan = /deal plan O-4 — 订单的回款计划
help-payment = /deal payment O-4 — 记录回款（由财务审批）
help-ship = /deal ship O-4 — 申请仓库为订单出库
help-invoiced = /deal invoiced O-4 — 已出库的订单已开票
telegram-menu-quote = 为商机报价，例如 /quote D-12
telegram-menu-order = 由已接受的报价创建订单，例如 /order Q-3
telegram-menu-plan = 订单的回款计划，例如 /plan O-4
telegram-menu-payment = 记录回款，例如 /payment O-4
telegram-menu-ship = 申请仓库出库，例如 /ship O-4
