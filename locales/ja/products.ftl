## 商品と在庫（PRODUCT.md §3.2）— 日本語

field-product = 商品
field-sku = SKU
field-unit-price = 単価
field-on-hand = 在庫数
field-minimum = 最小在庫
field-maximum = 最大在庫
field-reason = 理由

product-heading = { $sku }: { $name }
product-line = { $sku } · { $name } · { $price } · 在庫 { $on_hand }
product-list = { $count ->
    [0] 商品はありません
   *[other] 商品 { $count } 件
}
product-usage = 商品のコマンド:
help-product = /product list [文字列] · /product show SKU（Slack では /deal product …）
help-stock = /stock SKU — 在庫数と入出庫の履歴（Slack では /deal stock SKU）
stock-heading = { $sku }（{ $name }）の在庫: { $on_hand }
stock-movements = { $count ->
    [0] 入出庫はまだありません
   *[other] 直近の入出庫 { $count } 件:
}
stock-movement-line = { $at } · { $quantity } → { $after } · { $actor } · { $reason }
stock-actor-system = dealbot
stock-reason-import = CSV ファイルから取り込み
stock-below-minimum = （最小在庫を下回っています）
stock-above-maximum = （最大在庫を上回っています）

error-product-unknown = SKU「{ $sku }」の商品はありません。
error-stock-below-zero = 在庫はゼロ未満にできません（{ $quantity } の移動）。
error-stock-needs-sku = 商品を指定してください（例：/stock PUMP-50）
error-import-count = 「{ $value }」は 0 以上の整数ではありません。
error-import-sku = 「{ $value }」は SKU ではありません（英数字と . _ / - のみ、64 文字まで）。
error-import-currency-needed = unit_price には通貨が必要です。
error-import-price = 「{ $value }」は 1200 や 1200.50 のような価格ではありません。
error-import-price-needed = 通貨には unit_price が必要です。
error-import-max-below-min = 最大在庫（{ $maximum }）が最小在庫（{ $minimum }）を下回っています。
error-import-product-new = 新しい商品には { $field } が必要です。
