## Products and stock (PRODUCT.md §3.2) — English. Every other catalog has exactly these messages.

field-product = Product
field-sku = SKU
field-unit-price = Unit price
field-on-hand = On hand
field-minimum = Minimum
field-maximum = Maximum
field-reason = Reason

product-heading = { $sku }: { $name }
product-line = { $sku } · { $name } · { $price } · on hand { $on_hand }
product-list = { $count ->
    [0] No products
    [one] 1 product
   *[other] { $count } products
}
product-usage = Product commands:
help-product = /product list [text] · /product show SKU (on Slack: /deal product …)
help-stock = /stock SKU — stock on hand and its movements (on Slack: /deal stock SKU)
stock-heading = Stock of { $sku } ({ $name }): { $on_hand } on hand
stock-movements = { $count ->
    [0] No movements yet
    [one] The last movement:
   *[other] The last { $count } movements:
}
stock-movement-line = { $at } · { $quantity } → { $after } · { $actor } · { $reason }
stock-actor-system = dealbot
stock-reason-import = imported from a CSV file
stock-below-minimum = (below the minimum)
stock-above-maximum = (above the maximum)

error-product-unknown = There is no product with the SKU “{ $sku }”.
error-stock-below-zero = Stock cannot go below zero (a move of { $quantity }).
error-stock-needs-sku = Say which product, for example: /stock PUMP-50
error-import-count = “{ $value }” is not a whole number of 0 or more.
error-import-sku = “{ $value }” is not an SKU: letters, digits and . _ / - only, at most 64.
error-import-currency-needed = a unit_price needs its currency.
error-import-price = “{ $value }” is not a price such as 1200 or 1200.50.
error-import-price-needed = a currency needs a unit_price.
error-import-max-below-min = the maximum ({ $maximum }) is below the minimum ({ $minimum }).
error-import-product-new = a new product needs { $field }.
