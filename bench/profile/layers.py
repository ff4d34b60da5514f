#!/usr/bin/env python3
"""Where the API's CPU goes per request, by layer, from a `perf record -g` profile (bench/profile.sh).

  layers.py PERF_DATA REQUESTS_DURING_THE_PROFILE

Each sample is charged to the innermost layer on its stack: the frame nearest the leaf that belongs to one of the
layers below. After an await the stack starts at the I/O completion, so code that runs after the database answers is
still charged to the middleware or handler whose continuation it is. "outside a request" is everything with no such
frame: the thread pool, socket polling, the GC and the kernel's scheduling (on a 2-core VM, a large share).
"""
import re
import subprocess
import sys
from collections import Counter

LAYERS = [  # (name, pattern on a frame): more specific names first
    ("JSON response", r"System\.Text\.Json|HttpResultsHelper|WriteAsJson"),
    ("Npgsql (command, reader, pool)", r"\[Npgsql\]"),
    ("EF Core", r"\[Microsoft\.EntityFrameworkCore"),
    ("repositories and readers", r"\[NakamuraMisaki\.Infrastructure\]"),
    ("validation step", r"ValidationBehaviour|\[FluentValidation\]"),
    ("mediator", r"\[Mediator|Mediator\.Mediator|RequestHandlerWrapper"),
    ("handlers", r"\[NakamuraMisaki\.Application\]"),
    ("ETag filter", r"ETagFilter"),
    ("endpoint methods", r"NakamuraMisaki\.Api\.Endpoints"),
    ("routing and parameter binding", r"RequestDelegateFactory|dynamicClass|EndpointMiddleware|\[Microsoft\.AspNetCore\.Routing\]"),
    ("authorization", r"\[Microsoft\.AspNetCore\.Authorization"),
    ("rate limiter", r"RateLimiting|System\.Threading\.RateLimiting"),
    ("authentication (API key)", r"\[Microsoft\.AspNetCore\.Authentication|ApiKeyAuthenticationHandler|ApiKeyStore|libcrypto"),
    ("idempotency middleware", r"IdempotencyMiddleware"),
    ("dependency injection (request scope, services)", r"\[Microsoft\.Extensions\.DependencyInjection"),
    ("unstorable-text guard", r"UnstorableTextGuard"),
    ("request body limit", r"RequestBodyLimit"),
    ("problem details, status code pages", r"StatusCodePagesMiddleware|ExceptionHandlerMiddleware"),
    ("metrics (OpenTelemetry)", r"\[OpenTelemetry|System\.Diagnostics\.Metrics"),
    ("hosting (activity, log scope, metrics)", r"\[Microsoft\.AspNetCore\.Hosting\]"),
    ("Kestrel (HTTP parsing, response writing)", r"\[Microsoft\.AspNetCore\.Server\.Kestrel"),
]
COMPILED = [(name, re.compile(pattern)) for name, pattern in LAYERS]
OUTSIDE = "outside a request (thread pool, sockets, GC, kernel scheduling)"


def samples(perf_data):
    script = subprocess.Popen(["perf", "script", "-i", perf_data, "-F", "ip,sym,dso"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    stack = []
    for line in script.stdout:
        if line.strip():
            frame = re.match(r"\s*[0-9a-f]+\s+(.*)", line)
            if frame:
                stack.append(frame.group(1))
        elif stack:
            yield stack
            stack = []
    if stack:
        yield stack


def layer_of(stack):
    for frame in stack:  # leaf first
        for name, pattern in COMPILED:
            if pattern.search(frame):
                return name
    return OUTSIDE


def main(perf_data, requests):
    counts = Counter(layer_of(stack) for stack in samples(perf_data))
    total = sum(counts.values())
    frequency = 499  # bench/profile.sh records at 499 Hz
    us_per_sample = 1e6 / frequency / requests
    print(f"{total} samples at {frequency} Hz over {requests} requests: "
          f"{total * us_per_sample:.1f} µs of API CPU per request\n")
    print("| layer | µs per request | share |")
    print("|---|---|---|")
    for name, n in counts.most_common():
        print(f"| {name} | {n * us_per_sample:.1f} | {100 * n / total:.1f}% |")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
