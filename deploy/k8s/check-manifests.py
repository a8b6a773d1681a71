#!/usr/bin/env python3
"""Checks rendered Kubernetes manifests (kubectl kustomize output) against the rules of deploy/README.md and the code.

    deploy/k8s/check-manifests.py RENDERED.yaml...      check each rendered overlay; exit 1 on any violation
    deploy/k8s/check-manifests.py --self-test RENDERED.yaml
        also breaks a copy of the manifests in each way the check must catch and fails if one goes unnoticed

Rules:
  * every Deployment: readiness and liveness probes on /q/health/ready and /q/health/live of the management port
    (9000, named "management"; metrics and detailed health are never on the public port 8080), a startup probe,
    CPU and memory requests and limits, a non-root security context (runAsNonRoot, a non-zero user, no privilege
    escalation, read-only root filesystem, all capabilities dropped), a PodDisruptionBudget and a Service;
  * every container image is <registry/>etdz/<service>:<tag> for a service module of this repository, named after
    its Deployment and container;
  * every ConfigMap and Secret a Deployment or the CNPG Cluster references exists (with the keys referenced), and
    each service reads <app>-config (and <app>-config-creds when it has a database); the database credentials
    <app>-config-creds are created by the operator, never rendered from the repository;
  * no credential is a placeholder: no rendered Secret holds a value such as CHANGE-ME, placeholder, example or
    password, and no ConfigMap or container env holds a password, secret or token in clear;
  * the Ingress publishes only the console's files (/, /index.html, /console, /messages, /_static/echarts,
    /console-config.json), the API (/api/v1), the OpenAPI document, Swagger UI and /q/health, on the port
    "http"; the management port is let in only from the namespace "monitoring", and the ServiceMonitor and the
    prometheus.io annotations scrape it;
  * every topic the code uses (the topic defaults in the services' @ConfigMapping interfaces, the dead-letter topic
    <topic><suffix> of every topic a consumer subscribes to, the topics the ConfigMaps name, and scores.v1) has a
    KafkaTopic for an existing Kafka cluster; reference-data topics and scores.v1 are compacted;
  * the Kafka bootstrap address and JDBC URLs in the ConfigMaps point at the Strimzi and CNPG services rendered;
  * deploy/compose/kafka/create-topics.sh creates the same topics, compacted where they must be (the self-test
    drops a dead-letter topic from a copy of the script too).
Needs PyYAML (Debian: python3-yaml).
"""
import base64
import copy
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
SERVICES = ["indicator-service", "evaluation-service", "gateway"]
WITH_DATABASE = {"indicator-service", "evaluation-service"}
# Published score snapshots: the evaluation service will produce them; the topic exists before the code does.
EXTRA_TOPICS = {"scores.v1"}
# The database credentials: created by the operator in the namespace before the first apply (deploy/README.md,
# "Secrets"), so no overlay renders them and no password is ever in the repository.
OPERATOR_SECRETS = {"indicator-service-config-creds", "evaluation-service-config-creds"}
MANAGEMENT_PORT = 9000
MONITORING_NAMESPACE = "monitoring"
# What the Ingress may publish, with its path type: the console's files, the API, the OpenAPI document, Swagger UI and
# the status-only health. "/" only as Exact (the console's page): as a Prefix it would publish the whole public port.
PUBLIC_PATHS = {("/", "Exact"), ("/index.html", "Exact"), ("/console", "Prefix"), ("/messages", "Prefix"),
                ("/_static/echarts", "Prefix"), ("/console-config.json", "Exact"),
                ("/api/v1", "Prefix"), ("/openapi", "Exact"), ("/openapi.json", "Exact"), ("/openapi.yaml", "Exact"),
                ("/q/swagger-ui", "Prefix"), ("/q/health", "Prefix")}
PLACEHOLDER = re.compile(r"change-?me|placeholder|example|dummy|secret|password|^admin$|^postgres$|^test$|^x+$|todo",
                         re.I)
CREDENTIAL_NAME = re.compile(r"password|passwd|secret|token|credential", re.I)
COMPACTED = {"zones.v1", "indicators.v1", "scores.v1"}
TOPIC_DEFAULT = re.compile(r'@WithDefault\("([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\.v\d+(?:\.[a-z]+)*)"\)')
# A configuration method with its default: @WithDefault("zones.v1") String zonesTopic();
DEFAULT_OF = re.compile(r'@WithDefault\("([^"]*)"\)\s+\w+\s+(\w+)\(\);')
# A consumer's subscription to configured topics: subscribe(List.of(config.consumer().zonesTopic(), ...));
SUBSCRIPTION = re.compile(r'\.subscribe\(List\.of\(([^;]*?)\)\);', re.S)
CONFIGURED_TOPIC = re.compile(r'\.(\w+Topic)\(\)')


def code_topics():
    """Topic names given as defaults in the services' typed configuration, and the dead-letter topics of the consumed
    ones (each consumed topic's name and the service's deadLetterSuffix: DeadLetterWriter may write to any of them)."""
    topics = set()
    for service in SERVICES:
        sources = ROOT / service / "src" / "main" / "java"
        defaults = {}
        for source in sources.rglob("*Config.java"):
            text = source.read_text(encoding="utf-8")
            topics.update(TOPIC_DEFAULT.findall(text))
            defaults.update({method: value for value, method in DEFAULT_OF.findall(text)})
        for source in sources.rglob("*.java"):
            for subscription in SUBSCRIPTION.findall(source.read_text(encoding="utf-8")):
                for method in CONFIGURED_TOPIC.findall(subscription):
                    if method not in defaults or "deadLetterSuffix" not in defaults:
                        raise SystemExit(f"FAIL: {source.name} subscribes to {method}(), but {service}'s config "
                                         "gives no default for it or for deadLetterSuffix")
                    topics.add(defaults[method] + defaults["deadLetterSuffix"])
    return topics


def compose_problems(script, topics_in_code):
    """What deploy/compose/kafka/create-topics.sh (its text) lacks: a topic not created or not compacted."""
    compose = compose_topics(script)
    problems = [f"compose: topic {t} is not created by deploy/compose/kafka/create-topics.sh"
                for t in sorted((topics_in_code | EXTRA_TOPICS) - set(compose))]
    problems += [f"compose: topic {t} is not compacted" for t in sorted(COMPACTED & set(compose))
                 if "cleanup.policy=compact" not in compose[t]]
    return problems


def compose_topics(script):
    """The topics the script creates, each with the rest of its line (its configs)."""
    return {m.group(1): m.group(2) for m in re.finditer(r"^create (\S+)\s+\d+(.*)$", script, re.M)}


def load(path):
    with open(path, encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d]


def by_kind(docs, kind):
    return {d["metadata"]["name"]: d for d in docs if d.get("kind") == kind}


def check(docs, topics_in_code):
    """Returns the list of violations (empty when the manifests are fine)."""
    problems = []
    deployments = by_kind(docs, "Deployment")
    configmaps = by_kind(docs, "ConfigMap")
    secrets = by_kind(docs, "Secret")
    services = by_kind(docs, "Service")
    pdbs = list(by_kind(docs, "PodDisruptionBudget").values())
    kafkas = by_kind(docs, "Kafka")
    topics = {t.get("spec", {}).get("topicName", name): t for name, t in by_kind(docs, "KafkaTopic").items()}
    clusters = by_kind(docs, "Cluster")

    def secret_keys(name):
        s = secrets.get(name, {})
        return set(s.get("data", {}) or {}) | set(s.get("stringData", {}) or {})

    # credentials: never a placeholder, never in clear outside a Secret
    for name, s in secrets.items():
        values = {k: base64.b64decode(v).decode("utf-8", "replace") for k, v in (s.get("data") or {}).items()}
        values.update(s.get("stringData") or {})
        for key, value in sorted(values.items()):
            if key != "username" and PLACEHOLDER.search(value or ""):
                problems.append(f"Secret {name}: key {key} holds a placeholder credential ({value!r})")
        if name in OPERATOR_SECRETS:
            problems.append(f"Secret {name}: rendered from the repository; the operator creates it (deploy/README.md)")
    for name, cm in configmaps.items():
        for key in sorted(cm.get("data") or {}):
            if CREDENTIAL_NAME.search(key) and not key.endswith("_LOCATION"):
                problems.append(f"ConfigMap {name}: {key} is a credential in clear; put it in a Secret")

    for app in SERVICES:
        if app not in deployments:
            problems.append(f"Deployment {app}: missing")
    for name, d in deployments.items():
        where = f"Deployment {name}"
        pod = d["spec"]["template"]["spec"]
        labels = d["spec"]["template"]["metadata"].get("labels", {})
        pod_sc = pod.get("securityContext", {}) or {}
        if name not in SERVICES:
            problems.append(f"{where}: not a service of this repository ({', '.join(SERVICES)})")
        if not any(all(labels.get(k) == v for k, v in (p["spec"].get("selector", {}).get("matchLabels") or {}).items())
                   for p in pdbs):
            problems.append(f"{where}: no PodDisruptionBudget selects its pods")
        if name not in services:
            problems.append(f"{where}: no Service of the same name")
        referenced_cms, referenced_secrets = set(), set()
        annotations = d["spec"]["template"]["metadata"].get("annotations", {}) or {}
        if annotations.get("prometheus.io/scrape") == "true" and annotations.get("prometheus.io/port") != str(
                MANAGEMENT_PORT):
            problems.append(f"{where}: prometheus.io/port is not the management port {MANAGEMENT_PORT}")
        for c in pod.get("containers", []):
            cw = f"{where} container {c.get('name')}"
            ports = {p.get("name"): p.get("containerPort") for p in c.get("ports", []) or []}
            if ports.get("management") != MANAGEMENT_PORT:
                problems.append(f"{cw}: no container port \"management\" ({MANAGEMENT_PORT})")
            for env in c.get("env", []) or []:
                if CREDENTIAL_NAME.search(env.get("name", "")) and "value" in env:
                    problems.append(f"{cw}: env {env['name']} is a credential in clear; take it from a Secret")
            # probes: on the management port, where health reports in detail
            for probe, path in (("readinessProbe", "/q/health/ready"), ("livenessProbe", "/q/health/live")):
                p = c.get(probe)
                if not p:
                    problems.append(f"{cw}: no {probe}")
                elif (p.get("httpGet") or {}).get("path") != path:
                    problems.append(f"{cw}: {probe} is not an HTTP GET of {path}")
                elif p["httpGet"].get("port") not in ("management", MANAGEMENT_PORT):
                    problems.append(f"{cw}: {probe} is not on the management port")
            if not c.get("startupProbe"):
                problems.append(f"{cw}: no startupProbe")
            # resources
            res = c.get("resources") or {}
            for part in ("requests", "limits"):
                for what in ("cpu", "memory"):
                    if not (res.get(part) or {}).get(what):
                        problems.append(f"{cw}: no {what} {part[:-1]}")
            # security context
            sc = c.get("securityContext") or {}
            non_root = sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot"))
            user = sc.get("runAsUser", pod_sc.get("runAsUser"))
            if non_root is not True:
                problems.append(f"{cw}: runAsNonRoot is not true")
            if user is None or user == 0:
                problems.append(f"{cw}: runAsUser is {user!r}, not a non-zero user")
            if sc.get("allowPrivilegeEscalation") is not False:
                problems.append(f"{cw}: allowPrivilegeEscalation is not false")
            if sc.get("readOnlyRootFilesystem") is not True:
                problems.append(f"{cw}: readOnlyRootFilesystem is not true")
            if "ALL" not in ((sc.get("capabilities") or {}).get("drop") or []):
                problems.append(f"{cw}: capabilities do not drop ALL")
            # image
            image = c.get("image", "")
            m = re.fullmatch(r"(?:[^/]+/)*etdz/([a-z0-9-]+)(?::([\w.-]+))?(?:@sha256:[0-9a-f]{64})?", image)
            if not m:
                problems.append(f"{cw}: image {image!r} is not [registry/]etdz/<service>:<tag>")
            else:
                if m.group(1) != name or c.get("name") != name:
                    problems.append(f"{cw}: image {image!r}, Deployment {name} and container {c.get('name')} "
                                    "do not name the same service")
                if m.group(1) not in SERVICES:
                    problems.append(f"{cw}: image {image!r} is not built by this repository")
                if not m.group(2) and "@sha256:" not in image:
                    problems.append(f"{cw}: image {image!r} has no tag")
            # config references
            for src in c.get("envFrom", []) or []:
                if "configMapRef" in src:
                    referenced_cms.add(src["configMapRef"]["name"])
                if "secretRef" in src:
                    referenced_secrets.add(src["secretRef"]["name"])
            for env in c.get("env", []) or []:
                ref = (env.get("valueFrom") or {})
                if "configMapKeyRef" in ref:
                    cm = ref["configMapKeyRef"]
                    referenced_cms.add(cm["name"])
                    if cm["name"] in configmaps and cm["key"] not in (configmaps[cm["name"]].get("data") or {}):
                        problems.append(f"{cw}: ConfigMap {cm['name']} has no key {cm['key']}")
                if "secretKeyRef" in ref:
                    s = ref["secretKeyRef"]
                    referenced_secrets.add(s["name"])
                    if s["name"] in secrets and s["key"] not in secret_keys(s["name"]):
                        problems.append(f"{cw}: Secret {s['name']} has no key {s['key']}")
        for v in pod.get("volumes", []) or []:
            if "configMap" in v:
                referenced_cms.add(v["configMap"]["name"])
            if "secret" in v:
                referenced_secrets.add(v["secret"]["secretName"])
        for cm in sorted(referenced_cms - set(configmaps)):
            problems.append(f"{where}: references ConfigMap {cm}, which is not rendered")
        for s in sorted(referenced_secrets - set(secrets) - OPERATOR_SECRETS):
            problems.append(f"{where}: references Secret {s}, which is not rendered")
        if f"{name}-config" not in referenced_cms:
            problems.append(f"{where}: does not read ConfigMap {name}-config")
        if name in WITH_DATABASE and f"{name}-config-creds" not in referenced_secrets:
            problems.append(f"{where}: does not read Secret {name}-config-creds")

    # topics: the code's defaults, anything a ConfigMap names, and the ones coming
    wanted = set(topics_in_code) | EXTRA_TOPICS
    for cm_name, cm in configmaps.items():
        for key, value in (cm.get("data") or {}).items():
            if re.search(r"(_TOPIC|^INDICATOR_TOPICS_[A-Z_]+)$", key) and key not in (
                    "INDICATOR_TOPICS_CREATE", "INDICATOR_TOPICS_SUBMISSIONS_PARTITIONS"):
                wanted.add(value)
    for topic in sorted(wanted):
        t = topics.get(topic)
        if t is None:
            problems.append(f"topic {topic}: no KafkaTopic")
            continue
        cluster = t["metadata"].get("labels", {}).get("strimzi.io/cluster")
        if cluster not in kafkas:
            problems.append(f"KafkaTopic {topic}: label strimzi.io/cluster={cluster!r} names no rendered Kafka")
        spec = t.get("spec", {})
        if not spec.get("partitions") or not spec.get("replicas"):
            problems.append(f"KafkaTopic {topic}: partitions and replicas must be set")
        policy = (spec.get("config") or {}).get("cleanup.policy", "delete")
        if topic in COMPACTED and "compact" not in policy:
            problems.append(f"KafkaTopic {topic}: must be compacted (cleanup.policy {policy})")
    if topics.get("submissions.v1", {}).get("spec", {}).get("partitions", 0) < 2:
        problems.append("KafkaTopic submissions.v1: needs several partitions, the evaluation service scales by them")

    # where the ConfigMaps point
    for cm_name, cm in configmaps.items():
        data = cm.get("data") or {}
        if "KAFKA_BOOTSTRAP_SERVERS" in data:
            host = data["KAFKA_BOOTSTRAP_SERVERS"].split(",")[0].split(":")[0]
            if host not in {f"{k}-kafka-bootstrap" for k in kafkas}:
                problems.append(f"ConfigMap {cm_name}: KAFKA_BOOTSTRAP_SERVERS {host} is no Strimzi bootstrap service")
        if "QUARKUS_DATASOURCE_JDBC_URL" in data:
            m = re.match(r"jdbc:postgresql://([^:/]+)(?::\d+)?/(\w+)", data["QUARKUS_DATASOURCE_JDBC_URL"])
            if not m or m.group(1) not in {f"{c}-rw" for c in clusters}:
                problems.append(f"ConfigMap {cm_name}: QUARKUS_DATASOURCE_JDBC_URL does not use a CNPG -rw service")
    for app in SERVICES:
        if f"{app}-config" not in configmaps:
            problems.append(f"ConfigMap {app}-config: missing")
    for name, c in clusters.items():
        initdb = (c["spec"].get("bootstrap") or {}).get("initdb") or {}
        refs = [initdb.get("secret", {}).get("name")] + [
            r.get("passwordSecret", {}).get("name") for r in (c["spec"].get("managed") or {}).get("roles", [])]
        for s in filter(None, refs):
            if s in OPERATOR_SECRETS:
                continue
            if s not in secrets:
                problems.append(f"Cluster {name}: references Secret {s}, which is not rendered")
            elif not {"username", "password"} <= secret_keys(s):
                problems.append(f"Cluster {name}: Secret {s} lacks username/password")
    if not any(p["spec"].get("podSelector") in ({}, None) and "Ingress" in p["spec"].get("policyTypes", [])
               for p in by_kind(docs, "NetworkPolicy").values()):
        problems.append("NetworkPolicy: no default deny of ingress")

    # the operations surface: published paths, who may reach the management port, what is scraped
    for name, ing in by_kind(docs, "Ingress").items():
        for rule in ing["spec"].get("rules", []) or []:
            for path in (rule.get("http") or {}).get("paths", []) or []:
                if (path.get("path"), path.get("pathType")) not in PUBLIC_PATHS:
                    problems.append(f"Ingress {name}: publishes {path.get('path')} ({path.get('pathType')}), not only "
                                    f"{', '.join(f'{p} ({k})' for p, k in sorted(PUBLIC_PATHS))}")
                port = ((path.get("backend") or {}).get("service") or {}).get("port") or {}
                if port.get("name") != "http" and port.get("number") != 8080:
                    problems.append(f"Ingress {name}: {path.get('path')} goes to port {port}, not the public port")
    for name, policy in by_kind(docs, "NetworkPolicy").items():
        for rule in policy["spec"].get("ingress", []) or []:
            ports = [p.get("port") for p in rule.get("ports", []) or []]
            if ports and MANAGEMENT_PORT not in ports and "management" not in ports:
                continue
            peers = rule.get("from") or []
            only_monitoring = peers and all(
                set(p) == {"namespaceSelector"}
                and (p["namespaceSelector"].get("matchLabels") or {}) == {
                    "kubernetes.io/metadata.name": MONITORING_NAMESPACE}
                for p in peers)
            if not only_monitoring and (not ports or MANAGEMENT_PORT in ports or "management" in ports):
                if not ports and peers and not any(p.get("namespaceSelector") == {} for p in peers):
                    continue  # all ports, but from named peers inside the namespace (e.g. PostgreSQL's own)
                problems.append(f"NetworkPolicy {name}: lets the management port {MANAGEMENT_PORT} in from "
                                f"elsewhere than the namespace {MONITORING_NAMESPACE}")
    for name, monitor in by_kind(docs, "ServiceMonitor").items():
        for endpoint in monitor["spec"].get("endpoints", []) or []:
            if endpoint.get("port") != "management":
                problems.append(f"ServiceMonitor {name}: scrapes port {endpoint.get('port')}, not \"management\"")
    for name, svc in services.items():
        if name in SERVICES and "management" not in {p.get("name") for p in svc["spec"].get("ports", []) or []}:
            problems.append(f"Service {name}: no port \"management\" for the ServiceMonitor")
    return problems


def self_test(docs, topics_in_code):
    """Breaks the manifests one way at a time; each must be caught. Returns the number that went unnoticed."""
    def deployment(d, name="evaluation-service"):
        return next(x for x in d if x.get("kind") == "Deployment" and x["metadata"]["name"] == name)

    def container(d, name="evaluation-service"):
        return deployment(d, name)["spec"]["template"]["spec"]["containers"][0]

    def without(d, kind, name):
        return [x for x in d if not (x.get("kind") == kind and
                                     (x["metadata"]["name"] == name or x.get("spec", {}).get("topicName") == name))]

    def root_user(d):
        deployment(d)["spec"]["template"]["spec"]["securityContext"]["runAsUser"] = 0
        container(d)["securityContext"]["runAsUser"] = 0

    def set_cm_name(d):
        container(d)["envFrom"][0]["configMapRef"]["name"] = "evaluation-config"

    breakages = {
        "no readiness probe": lambda d: container(d).pop("readinessProbe"),
        "no liveness probe": lambda d: container(d, "gateway").pop("livenessProbe"),
        "no memory limit": lambda d: container(d, "indicator-service")["resources"]["limits"].pop("memory"),
        "no resources": lambda d: container(d).pop("resources"),
        "runs as root": root_user,
        "no security context": lambda d: (container(d).pop("securityContext"),
                                          deployment(d)["spec"]["template"]["spec"].pop("securityContext")),
        "writable root filesystem": lambda d: container(d)["securityContext"].update(readOnlyRootFilesystem=False),
        "no KafkaTopic scores.v1": lambda d: d.__setitem__(slice(None), without(d, "KafkaTopic", "scores.v1")),
        "no KafkaTopic submissions.v1.dlq":
            lambda d: d.__setitem__(slice(None), without(d, "KafkaTopic", "submissions.v1.dlq")),
        "no KafkaTopic zones.v1.dlq": lambda d: d.__setitem__(slice(None), without(d, "KafkaTopic", "zones.v1.dlq")),
        "zones.v1 not compacted": lambda d: next(x for x in d if x.get("kind") == "KafkaTopic" and
                                                  x["spec"].get("topicName") == "zones.v1")["spec"]["config"]
                                                  .update({"cleanup.policy": "delete"}),
        "wrong image name": lambda d: container(d).update(image="etdz/evaluation:1.0.0"),
        "image of another service": lambda d: container(d).update(image="etdz/gateway:1.0.0"),
        "ConfigMap renamed in the Deployment": set_cm_name,
        "ConfigMap missing": lambda d: d.__setitem__(slice(None), without(d, "ConfigMap", "gateway-config")),
        "Secret missing": lambda d: next(e for e in container(d)["env"] if "secretKeyRef" in e.get("valueFrom", {}))
            ["valueFrom"]["secretKeyRef"].update(name="nowhere-creds"),
        "placeholder password in a Secret": lambda d: d.append(
            {"kind": "Secret", "metadata": {"name": "extra-creds"}, "stringData": {"password": "CHANGE-ME"}}),
        "database credentials rendered": lambda d: d.append(
            {"kind": "Secret", "metadata": {"name": "indicator-service-config-creds"},
             "data": {"username": "aW5kaWNhdG9y", "password": "cTdYLTJmIWtQ"}}),
        "password in a ConfigMap": lambda d: next(x for x in d if x.get("kind") == "ConfigMap")
            .setdefault("data", {}).update(QUARKUS_DATASOURCE_PASSWORD="s3cr3t"),
        "readiness on the public port": lambda d: container(d)["readinessProbe"]["httpGet"].update(port="http"),
        "Ingress publishes everything": lambda d: next(x for x in d if x.get("kind") == "Ingress")["spec"]["rules"][0]
            ["http"]["paths"][0].update(path="/", pathType="Prefix"),
        "management port open to all": lambda d: next(x for x in d if x.get("kind") == "NetworkPolicy" and
                                                      x["metadata"]["name"] == "gateway-from-anywhere")["spec"]
            ["ingress"][0]["ports"].append({"port": MANAGEMENT_PORT, "protocol": "TCP"}),
        "metrics scraped on the public port": lambda d: deployment(d)["spec"]["template"]["metadata"]["annotations"]
            .update({"prometheus.io/port": "8080"}),
        "no PodDisruptionBudget": lambda d: d.__setitem__(slice(None),
                                                          without(d, "PodDisruptionBudget", "gateway")),
    }
    missed = 0
    baseline = set(check(docs, topics_in_code))
    for what, breakage in breakages.items():
        broken = copy.deepcopy(docs)
        breakage(broken)
        found = [p for p in check(broken, topics_in_code) if p not in baseline]
        if found:
            print(f"  self-test ok: {what} -> {found[0]}")
        else:
            print(f"  self-test FAIL: {what} went unnoticed")
            missed += 1
    return len(breakages), missed


def main(argv):
    run_self_test = "--self-test" in argv
    files = [a for a in argv if a != "--self-test"]
    if not files:
        print(__doc__)
        return 2
    topics_in_code = code_topics()
    print(f"topics in the code (config defaults, consumers' dead letters): {', '.join(sorted(topics_in_code))}; "
          f"expected too: {', '.join(sorted(EXTRA_TOPICS))}")
    if not {"submissions.v1", "submissions.v1.dlq", "zones.v1", "indicators.v1", "zones.v1.dlq",
            "indicators.v1.dlq"} <= topics_in_code:
        print("FAIL: could not find the topic defaults or the consumed topics' dead letters in the services' code")
        return 1
    passed = failed = 0
    # the compose deployment creates its topics with a script: same topics, same compaction
    script = (ROOT / "deploy" / "compose" / "kafka" / "create-topics.sh").read_text(encoding="utf-8")
    problems = compose_problems(script, topics_in_code)
    if problems:
        failed += 1
        print("deploy/compose/kafka/create-topics.sh: FAIL")
        for p in problems:
            print(f"  - {p}")
    else:
        passed += 1
        print(f"deploy/compose/kafka/create-topics.sh: ok ({', '.join(sorted(compose_topics(script)))})")
    if run_self_test:
        broken = re.sub(r"^create zones\.v1\.dlq .*\n", "", script, flags=re.M)
        found = [p for p in compose_problems(broken, topics_in_code) if p not in problems]
        if found:
            passed += 1
            print(f"  self-test ok: compose without zones.v1.dlq -> {found[0]}")
        else:
            failed += 1
            print("  self-test FAIL: compose without zones.v1.dlq went unnoticed")
    for f in files:
        docs = load(f)
        problems = check(docs, topics_in_code)
        kinds = sorted({d.get("kind") for d in docs})
        if problems:
            failed += 1
            print(f"{f}: FAIL ({len(problems)} violations)")
            for p in problems:
                print(f"  - {p}")
        else:
            passed += 1
            print(f"{f}: ok ({len(docs)} resources: {', '.join(kinds)})")
        if run_self_test:
            total, missed = self_test(docs, topics_in_code)
            passed += total - missed
            failed += missed
    print(f"manifests: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
