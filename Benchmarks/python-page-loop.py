#!/usr/bin/env python3
"""The baseline of issue 23: a plain loop that fetches and parses the same order pages
Aftercart syncs, with the standard library only (urllib, json). It stores nothing and
checks nothing; it is the floor any sync of the wire could be compared with.

Usage: python-page-loop.py woocommerce BASE_URL CONSUMER_KEY CONSUMER_SECRET
       python-page-loop.py shopify BASE_URL ACCESS_TOKEN [API_VERSION]
Prints one JSON line: {"records": N, "pages": P, "seconds": S, "cpu_seconds": C} (C: this
process's user + system time).
"""
import base64
import json
import re
import sys
import time
import urllib.request


def fetch(url, headers):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=120) as response:
        return response.read(), response.headers


def woocommerce(base, key, secret):
    auth = base64.b64encode(f"{key}:{secret}".encode()).decode()
    headers = {"Authorization": "Basic " + auth, "X-Forwarded-Proto": "https"}
    records = pages = 0
    page = 1
    while True:
        body, response_headers = fetch(
            f"{base}/wp-json/wc/v3/orders?per_page=100&page={page}&orderby=id&order=asc", headers)
        records += len(json.loads(body))
        pages += 1
        # WooCommerce answers 400 for a page past the last one, so stop at X-WP-TotalPages.
        if page >= int(response_headers.get("X-WP-TotalPages") or 0):
            return records, pages
        page += 1


def shopify(base, token, version="2026-07"):
    headers = {"X-Shopify-Access-Token": token}
    url = f"{base}/admin/api/{version}/orders.json?limit=250&status=any"
    records = pages = 0
    while url:
        body, response_headers = fetch(url, headers)
        records += len(json.loads(body)["orders"])
        pages += 1
        match = re.search(r'<([^>]+)>;\s*rel="next"', response_headers.get("Link") or "")
        url = match.group(1) if match else None
    return records, pages


def main():
    platform, arguments = sys.argv[1], sys.argv[2:]
    started, cpu = time.perf_counter(), time.process_time()
    records, pages = woocommerce(*arguments) if platform == "woocommerce" else shopify(*arguments)
    print(json.dumps({"records": records, "pages": pages, "seconds": time.perf_counter() - started,
                      "cpu_seconds": time.process_time() - cpu}))


if __name__ == "__main__":
    main()
