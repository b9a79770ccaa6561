## 产品与库存（PRODUCT.md §3.2）— 简体中文

field-product = 产品
field-sku = SKU
field-unit-price = 单价
field-on-hand = 现有库存
field-minimum = 最低库存
field-maximum = 最高库存
field-reason = 原因

product-heading = { $sku }：{ $name }
product-line = { $sku } · { $name } · { $price } · 库存 { $on_hand }
product-list = { $count ->
    [0] 没有产品
   *[other] 共 { $count } 个产品
}
product-usage = 产品命令：
help-product = /product list [文字] · /product show SKU（在 Slack 中：/deal product …）
help-stock = /stock SKU — 现有库存及出入库记录（在 Slack 中：/deal stock SKU）
stock-heading = { $sku }（{ $name }）的库存：{ $on_hand }
stock-movements = { $count ->
    [0] 尚无出入库记录
   *[other] 最近 { $count } 条出入库记录：
}
stock-movement-line = { $at } · { $quantity } → { $after } · { $actor } · { $reason }
stock-actor-system = dealbot
stock-reason-import = 从 CSV 文件导入
stock-below-minimum = （低于最低库存）
stock-above-maximum = （高于最高库存）

error-product-unknown = 没有 SKU 为“{ $sku }”的产品。
error-stock-below-zero = 库存不能低于零（变动 { $quantity }）。
error-stock-needs-sku = 请指定产品，例如：/stock PUMP-50
error-import-count = “{ $value }”不是大于等于 0 的整数。
error-import-sku = “{ $value }”不是 SKU：只能包含字母、数字和 . _ / -，最多 64 个字符。
error-import-currency-needed = unit_price 需要填写币种。
error-import-price = “{ $value }”不是价格，例如 1200 或 1200.50。
error-import-price-needed = 币种需要对应的 unit_price。
error-import-max-below-min = 最高库存（{ $maximum }）低于最低库存（{ $minimum }）。
error-import-product-new = 新产品需要填写 { $field }。
