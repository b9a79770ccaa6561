## Товары и склад (PRODUCT.md §3.2) — русский

field-product = Товар
field-sku = Артикул
field-unit-price = Цена за единицу
field-on-hand = На складе
field-minimum = Минимум
field-maximum = Максимум
field-reason = Причина

product-heading = { $sku }: { $name }
product-line = { $sku } · { $name } · { $price } · на складе { $on_hand }
product-list = { $count ->
    [0] Товаров нет
    [one] { $count } товар
    [few] { $count } товара
    [many] { $count } товаров
   *[other] { $count } товара
}
product-usage = Команды для товаров:
help-product = /product list [текст] · /product show артикул (в Slack: /deal product …)
help-stock = /stock артикул — остаток на складе и его движения (в Slack: /deal stock артикул)
stock-heading = Остаток { $sku } ({ $name }): { $on_hand }
stock-movements = { $count ->
    [0] Движений пока нет
   *[other] Последние движения ({ $count }):
}
stock-movement-line = { $at } · { $quantity } → { $after } · { $actor } · { $reason }
stock-actor-system = dealbot
stock-reason-import = импорт из CSV-файла
stock-below-minimum = (ниже минимума)
stock-above-maximum = (выше максимума)

error-product-unknown = Товара с артикулом «{ $sku }» нет.
error-stock-below-zero = Остаток не может стать меньше нуля (движение { $quantity }).
error-stock-needs-sku = Укажите товар, например: /stock PUMP-50
error-import-count = «{ $value }» — не целое число от 0.
error-import-sku = «{ $value }» — не артикул: только латинские буквы, цифры и . _ / -, не длиннее 64.
error-import-currency-needed = для unit_price нужна валюта.
error-import-price = «{ $value }» — не цена, например 1200 или 1200.50.
error-import-price-needed = для валюты нужен unit_price.
error-import-max-below-min = максимум ({ $maximum }) меньше минимума ({ $minimum }).
error-import-product-new = для нового товара нужно поле { $field }.
