# practice/domain/legacy/invoice.py
from legacy_pricing import price

def invoice_line(order):
    return f"{order['id']}: {price(order['items']):.2f}"
