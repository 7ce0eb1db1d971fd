def price(items, customer=None, coupon=None):
    total = 0
    for it in items:
        if it.get("qty", 1) <= 0:
            continue
        p = it["price"] * it.get("qty", 1)
        if customer and customer.get("tier") == "gold":
            p = p * 0.9
        total += p
    if coupon:
        if coupon.startswith("SAVE"):
            try:
                total -= int(coupon[4:])
            except ValueError:
                pass
        elif coupon == "HALF" and total > 100:
            total = total / 2
    if total < 0:
        total = 0
    return round(total, 2)
