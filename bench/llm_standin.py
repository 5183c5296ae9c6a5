#!/usr/bin/env python3
"""An instant stand-in for an OpenAI-compatible LLM server, for measuring the overhead Stack Advisor adds
around an LLM call. Loopback only. POST /v1/chat/completions answers at once with a fixed completion that
cites passages [1] and [2]; anything else is 404. Usage: llm_standin.py PORT"""
import json
import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BODY = json.dumps({
    "id": "chatcmpl-standin", "object": "chat.completion", "created": 1, "model": "standin",
    "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant",
                 "content": "The sources favour the first option for this [1]; the second suits other teams [2]."}}],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
}).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # headers and body go out in separate writes: without this, Nagle + delayed ACK add ~40 ms
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        if self.path != "/v1/chat/completions":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
