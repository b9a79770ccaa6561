## 客户（PRODUCT.md §3.1）— 简体中文

field-name = 全称
field-contact-name = 联系人
field-contact-position = 联系人职位
field-legal-address = 注册地址
field-contact-address = 联系地址
field-channel = 方案发送方式
field-channel-address = 发送地址
field-founded = 公司成立日
field-first-contract = 首次签约日
field-contact-birthday = 联系人生日
field-contract-title = 合同
field-contract-start = 合同开始日
field-contract-end = 合同结束日
hint-founded = 格式为 YYYY-MM-DD，例如 1998-04-01
hint-first-contract = 格式为 YYYY-MM-DD，例如 2024-10-01
hint-contact-birthday = 格式为 YYYY-MM-DD，例如 1980-07-15
hint-contract-start = 格式为 YYYY-MM-DD，例如 2026-01-01
hint-contract-end = 格式为 YYYY-MM-DD，例如 2027-12-31
hint-customer = 输入名称、联系人或地址中的几个字，或输入编号，例如 C-7。
channel-email = 电子邮件
channel-phone = 电话
channel-post = 邮寄
channel-messenger = 即时通讯
channel-visit = 上门拜访
form-customer-new-title = 新客户
form-customer-edit-title = 编辑 { $ref }
form-customer-contract-title = 新合同
form-typeahead = 输入几个字即可看到匹配项。

customer-heading = { $ref }：{ $name }
customer-contracts = { $count ->
    [0] 没有合同
   *[other] 合同（{ $count } 份）：
}
customer-contract-line = { $title }：{ $start } – { $end }
customer-deals = { $count ->
    [0] 没有商机
   *[other] 商机（{ $count } 个）：
}
customer-deal-line = { $ref } · { $title } · { $status }
customer-search-found = { $count ->
    [0] 没有与“{ $query }”匹配的客户
   *[other] 与“{ $query }”匹配的客户：{ $count } 个
}
customer-created-reply = 已保存 { $ref }：{ $name }。
customer-edited-reply = 已更新 { $ref }：{ $name }。
contract-added-reply = 已为 { $ref }：{ $name } 添加合同“{ $title }”。
customer-usage = 客户命令：
help-customer = /customer new · /customer show C-7|名称 · /customer edit C-7 · /customer search 文字 · /customer contract C-7（在 Slack 中：/deal customer …）

error-customer-unknown = 没有您可以查看的客户 { $ref }。
error-customer-exists = 您的团队已有名为“{ $name }”的客户。
error-customer-owner-unknown = “{ $owner }”不是该客户所属团队的成员。
error-cannot-keep-customers = 只有销售、负责人和管理员可以修改客户。
error-contract-ends-before = 合同结束日（{ $end }）不能早于开始日（{ $start }）。
error-contract-exists = 该客户已有合同“{ $title }”。
error-import-choice = “{ $value }”不是以下任何一项：{ $choices }。
error-import-owner = “{ $owner }”不是本团队成员的账号。
error-import-contract-ends = 合同结束日（{ $end }）早于开始日（{ $start }）。
error-import-contract-title = 合同日期需要填写 contract_title。
error-import-repeated = 第 { $later } 行再次出现相同名称，但 { $column } 不同；改为导入第 { $later } 行。
error-import-broken = 该行不是有效的 CSV（{ $reason }）。
error-import-cells = 标题行有 { $expected } 列，而该行有 { $count } 列。
