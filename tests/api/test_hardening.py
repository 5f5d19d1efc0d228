"""The API under attack: URL fetching (SSRF), body limits, odd tokens, odd ids, huge echoes."""

from __future__ import annotations

import http.server
import ipaddress
import threading

import httpx
import pytest
from fastapi.testclient import TestClient

import detente.ingest.web as web
from detente.api import ApiSettings, create_app
from detente.errors import UnsafeUrlError
from detente.ingest.web import FetchPolicy, check_url
from tests.api.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
PAGE = ("<html><head><title>Talks</title></head><body><article><p>The foreign ministers of India and Pakistan met "
        "in Geneva on Thursday to discuss the border.</p><p>Both governments agreed to meet again next month.</p>"
        "</article></body></html>")


class _Recorder(http.server.BaseHTTPRequestHandler):
    """A local server on 127.0.0.1: /start redirects to /secret; every path it is asked for is recorded."""

    def do_GET(self):  # noqa: N802
        self.server.paths.append(self.path)
        if self.path == "/start":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/secret")
            self.end_headers()
            return
        body = PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.paths = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture()
def fetching(db, coder):
    app = create_app(ApiSettings(db=db, token=TOKEN, writable=True, fetch_urls=True), coder=coder)
    with TestClient(app) as client:
        yield client


def test_url_fetching_is_off_unless_the_operator_enables_it(client, local_server):
    response = client.post("/api/code", json={"url": f"http://127.0.0.1:{local_server.server_port}/page"})
    assert response.status_code == 403 and "--fetch-urls" in response.json()["detail"]
    assert local_server.paths == []


@pytest.mark.parametrize("host", ["127.0.0.1", "[::1]", "169.254.169.254", "10.0.0.7", "0.0.0.0", "[::ffff:127.0.0.1]"])
def test_non_public_addresses_are_refused(fetching, local_server, host):
    port = local_server.server_port
    response = fetching.post("/api/code", json={"url": f"http://{host}:{port}/page"})
    assert response.status_code == 403, response.text
    assert "non-public address" in response.json()["detail"]
    assert local_server.paths == []


def test_a_name_resolving_to_a_private_address_is_refused_after_resolution(fetching, monkeypatch):
    asked = []
    monkeypatch.setattr(web, "resolve", lambda host, port: asked.append(host) or [ipaddress.ip_address("10.1.2.3")])
    response = fetching.post("/api/documents", json={"url": "http://intranet.example/wiki"}, headers=AUTH)
    assert response.status_code == 403 and "10.1.2.3" in response.json()["detail"]
    assert asked == ["intranet.example"]


def test_one_private_address_among_public_ones_is_enough_to_refuse(monkeypatch):
    monkeypatch.setattr(web, "resolve", lambda host, port: [ipaddress.ip_address("93.184.215.14"), ipaddress.ip_address("127.0.0.1")])
    with pytest.raises(UnsafeUrlError):
        check_url(httpx.URL("http://mixed.example/"), FetchPolicy())
    for literal in ("http://100.64.0.1/", "http://[fe80::1]/", "http://224.0.0.1/", "ftp://example.org/"):
        with pytest.raises(UnsafeUrlError):
            check_url(httpx.URL(literal), FetchPolicy())


def test_a_redirect_to_loopback_is_refused(fetching, local_server, monkeypatch):
    """The first hop (the test server, standing in for a public site) is let through; the redirect
    it answers, to 127.0.0.1, must be checked and refused before it is followed."""
    real_check = web.check_url
    first = f"http://start.example:{local_server.server_port}/start"

    def check(url, policy):
        if url.host == "start.example":
            return ipaddress.ip_address("127.0.0.1")  # pinned to the local server
        return real_check(url, policy)

    monkeypatch.setattr(web, "check_url", check)
    response = fetching.post("/api/code", json={"url": first})
    assert response.status_code == 403, response.text
    assert "127.0.0.1" in response.json()["detail"]
    assert local_server.paths == ["/start"]  # /secret never asked for


def test_a_public_page_is_fetched_from_the_checked_address_with_its_host_name(fetching, monkeypatch):
    seen = []

    def transport(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.host, request.headers["host"]))
        return httpx.Response(200, html=PAGE)

    monkeypatch.setattr(web, "resolve", lambda host, port: [ipaddress.ip_address("93.184.215.14")])
    monkeypatch.setattr(web, "make_client", lambda **_: httpx.Client(transport=httpx.MockTransport(transport)))
    response = fetching.post("/api/code", json={"url": "http://news.example/talks", "date": "2024-05-02"})
    assert response.status_code == 200, response.text
    assert "India and Pakistan" in response.json()["text"]
    assert seen == [("93.184.215.14", "news.example")]


def test_a_page_over_the_size_cap_is_refused(db, coder, monkeypatch):
    def transport(request):
        return httpx.Response(200, content=iter([b"<p>" + b"x" * 10_000] * 100))  # streamed, no length announced

    monkeypatch.setattr(web, "resolve", lambda host, port: [ipaddress.ip_address("93.184.215.14")])
    monkeypatch.setattr(web, "make_client", lambda **_: httpx.Client(transport=httpx.MockTransport(transport)))
    app = create_app(ApiSettings(db=db, token=TOKEN, fetch_urls=True, max_fetch_bytes=50_000), coder=coder)
    response = TestClient(app).post("/api/code", json={"url": "http://big.example/"})
    assert response.status_code == 422 and "over 50,000 bytes" in response.json()["detail"][0]["msg"]


def test_a_page_with_more_text_than_a_request_may_code_is_refused(fetching, monkeypatch):
    long_page = "<html><body><article>" + "".join(f"<p>Report {n}: Chile and Peru met in Lima on Monday to discuss trade.</p>" for n in range(5000)) + "</article></body></html>"
    monkeypatch.setattr(web, "resolve", lambda host, port: [ipaddress.ip_address("93.184.215.14")])
    monkeypatch.setattr(web, "make_client", lambda **_: httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, html=long_page))))
    response = fetching.post("/api/code", json={"url": "http://long.example/"})
    assert response.status_code == 422, response.text and "over the 200,000" in response.json()["detail"][0]["msg"]


def test_a_chunked_body_over_the_limit_is_refused(db, coder):
    app = create_app(ApiSettings(db=db, token=TOKEN, max_body=10_000), coder=coder)
    sent = []

    def chunks():
        for _ in range(200):
            sent.append(1)
            yield b"x" * 1000

    response = TestClient(app).post("/api/code", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413 and "over 10000 bytes" in response.json()["detail"]


def test_unknown_fields_are_refused(client):
    response = client.post("/api/code", json={"text": "France condemned Russia.", "txet": "typo"})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "txet"]


def test_a_validation_error_does_not_echo_a_huge_input(client):
    response = client.post("/api/code", json={"text": "x" * 250_000})
    assert response.status_code == 422
    assert len(response.content) < 2_000 and "250,002 characters" in response.text


def test_deeply_nested_json_is_a_client_error(client):
    body = b'{"text": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    assert 400 <= client.post("/api/code", content=body, headers={"Content-Type": "application/json"}).status_code < 500


@pytest.mark.parametrize("header", [b"Bearer t\xc3\xb6k\xc3\xa9n", b"Bearer \xff\xfe", "Bearer ☃".encode()])
def test_a_non_ascii_token_is_refused_not_a_crash(client, header):
    response = client.post("/api/documents", json={"id": "n", "text": "x"}, headers={"Authorization": header})
    assert response.status_code == 401
    response = client.post("/api/documents", json={"id": "n", "text": "x"}, headers={"X-Detente-Token": header[7:]})
    assert response.status_code == 401


def test_ids_with_slashes_are_stored_and_read_back(client):
    payload = {"id": "2024/03/wire-7", "text": "Chile expelled the Peruvian ambassador on Monday.", "date": "2024-03-05"}
    assert client.post("/api/documents", json=payload, headers=AUTH).status_code == 201
    for path in ("/api/documents/2024/03/wire-7", "/api/documents/2024%2F03%2Fwire-7"):
        response = client.get(path)
        assert response.status_code == 200 and response.json()["doc_id"] == "2024/03/wire-7"
    assert client.get("/api/documents/2024/03").status_code == 404
    for bad in ("../etc/passwd", "/abs", "a/../b"):
        assert client.post("/api/documents", json={**payload, "id": bad}, headers=AUTH).status_code == 422


def test_a_read_only_server_refuses_writes_even_with_the_token(db, coder):
    app = create_app(ApiSettings(db=db, token=TOKEN), coder=coder)
    client = TestClient(app)
    response = client.post("/api/documents", json={"id": "w", "text": "x"}, headers=AUTH)
    assert response.status_code == 403 and "--writable" in response.json()["detail"]
    assert client.post("/api/documents", json={"id": "w", "text": "x"}).status_code == 401
    assert client.get("/api/stats").json()["documents"] == 2


def test_errors_have_the_documented_shape(client):
    schema = client.get("/openapi.json").json()
    post = schema["paths"]["/api/documents"]["post"]["responses"]
    assert {"401", "403", "413", "422"} <= set(post)
    assert post["401"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    assert "404" in schema["paths"]["/api/documents/{doc_id}"]["get"]["responses"]
    missing = client.get("/api/documents/nope")
    assert missing.status_code == 404 and isinstance(missing.json()["detail"], str)
