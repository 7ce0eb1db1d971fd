# practice/domain/legacy/checkout.py
from legacy_pricing import price

def checkout_total(cart, customer):
    return price(cart["items"], customer, cart.get("coupon"))
