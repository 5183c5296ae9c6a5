#!/usr/bin/env python3
"""Prints N distinct, realistic questions, one per line, for load runs and the embedding ceiling.

  python3 bench/questions.py N > FILE        (N <= 96,000; deterministic: the same N gives the same file)

Each question combines a phrasing, a use case, a requirement and a team situation with a pair of frameworks:
"should we pick Django or Laravel to build a hotel booking system that must pass SOC 2 audits, with a team
of five Python developers?". No two share the words that are left once framework names are removed, and those
words are what hybrid retrieval embeds (HybridRetriever.withoutFrameworkNames): so no request of a run can hit
the server's answer cache or its query-embedding cache, and every one pays for a full MiniLM inference, as a
real new question does. Questions are visited in a scrambled order (a stride coprime to the total), so that
consecutive ones differ in every part.
"""
import sys

FRAMEWORKS = ["FastAPI", "Django", "Flask", "NestJS", "Express", "Fastify", "Spring Boot", "ASP.NET Core",
              "Laravel", "Rails", "Gin", "Phoenix", "Koa", "Fiber", "Axum", "Echo", "Actix", "Node.js", "Bun"]
USES = ["an ecommerce site", "an AI agent backend", "a real-time chat app", "a fintech startup MVP",
        "high-throughput microservices", "a content-heavy marketplace", "an internal tool",
        "a large enterprise system", "machine learning model serving", "a REST API with many integrations",
        "a healthcare records portal", "a multiplayer game backend", "an IoT telemetry pipeline",
        "a SaaS admin dashboard", "a banking API", "a social media feed", "a video streaming service",
        "a hotel booking system", "a serverless backend", "a GraphQL gateway"]
NEEDS = ["that must pass SOC 2 audits", "that needs an admin panel", "with strict latency targets",
         "that must ship in three months", "with heavy background jobs", "that takes card payments",
         "with both GraphQL and REST clients", "that must scale to a million users", "on a tight budget",
         "that streams live updates", "with complex permissions", "that runs on Kubernetes",
         "with lots of file uploads", "that must be easy to test", "with a public API for partners",
         "that needs full-text search", "with multi-tenant data", "that must run on small servers",
         "with many third-party webhooks", "that needs offline sync", "with long-running workflows",
         "that must be maintainable for years", "with spiky traffic", "that needs an ORM and migrations",
         "with strict type safety", "that calls LLM APIs", "with websockets everywhere",
         "that must support SSO", "with a tiny ops budget", "that needs good observability"]
TEAMS = ["with a team of five Python developers", "for a solo developer", "with a team of 40 engineers",
         "with mostly frontend developers", "with a Java shop", "with junior developers",
         "for a team new to backend work", "with a distributed team", "with a .NET background",
         "with Ruby veterans", "for a two-person startup", "with Go experience", "with two backend developers",
         "with an offshore agency", "with data scientists on the team", "for a team of contractors",
         "with a platform team of six", "for a nonprofit with one developer", "with PHP developers moving on",
         "with an SRE on call"]
FORMS = [
    lambda a, b, u, n, t: f"{a} vs {b} for {u} {n}, {t}?",
    lambda a, b, u, n, t: f"should we pick {a} or {b} to build {u} {n}, {t}?",
    lambda a, b, u, n, t: f"is {a} a good choice for {u} {n}, {t}?",
    lambda a, b, u, n, t: f"what are the weaknesses of {b} for {u} {n}, {t}?",
    lambda a, b, u, n, t: f"which fits {u} {n} better, {a} or {b}, {t}?",
    lambda a, b, u, n, t: f"{a} or {b}: which is easier to hire for, building {u} {n}, {t}?",
    lambda a, b, u, n, t: f"compare {a} and {b} for {u} {n}, {t}",
    lambda a, b, u, n, t: f"we need {u} {n}, {t} - would you recommend {a} or {b}?",
]
PAIRS = [(a, b) for i, a in enumerate(FRAMEWORKS) for b in FRAMEWORKS[i + 1:]]
SIZE = len(FORMS) * len(USES) * len(NEEDS) * len(TEAMS)  # 96,000 = 2^8 * 3 * 5^3
STRIDE = 7919  # prime, does not divide SIZE


def question(k):
    idx = (k * STRIDE) % SIZE
    u = idx % len(USES); idx //= len(USES)
    n = idx % len(NEEDS); idx //= len(NEEDS)
    t = idx % len(TEAMS); idx //= len(TEAMS)
    f = idx % len(FORMS)
    a, b = PAIRS[k % len(PAIRS)]
    return FORMS[f](a, b, USES[u], NEEDS[n], TEAMS[t])


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    if not 1 <= n <= SIZE:
        sys.exit(f"N must be 1..{SIZE}")
    for k in range(n):
        print(question(k))


if __name__ == "__main__":
    main()
