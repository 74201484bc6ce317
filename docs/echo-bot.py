#!/usr/bin/env python3
"""Parley echo bot: answers every message with "echo: " and the same text.

Usage: docs/echo-bot.py [PARLEY OPTIONS]   e.g. docs/echo-bot.py --profile ~/bot
The parley command is $PARLEY (default: parley on the PATH). It drives one `parley jsonrpc` process
(docs/bot.md): events come in on its stdout, requests go out on its stdin. Only the Python 3 standard library.
Stop it with Ctrl+C or SIGTERM: Parley then sees its stdin end and closes the profile cleanly.
"""
import itertools
import json
import os
import shlex
import signal
import subprocess
import sys


def main():
    command = shlex.split(os.environ.get("PARLEY", "parley")) + sys.argv[1:] + ["jsonrpc"]
    parley = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              encoding="utf-8")
    ids = itertools.count(1)

    def request(method, **params):
        line = json.dumps({"jsonrpc": "2.0", "id": next(ids), "method": method, "params": params})
        parley.stdin.write(line + "\n")
        parley.stdin.flush()

    def stop(signum, frame):
        parley.stdin.close()  # end of input: parley finishes what is in flight and exits 0

    signal.signal(signal.SIGTERM, stop)
    try:
        for line in parley.stdout:
            msg = json.loads(line)
            if msg.get("method") == "event":
                event = msg["params"]
                if event["event"] == "message" and event["from"] == "peer":
                    request("send", chat=event["chat"], text="echo: " + event["text"])
                elif event["event"] == "started":
                    print(f"echo bot online with {event['chats']} chat(s)", file=sys.stderr, flush=True)
            elif "error" in msg:
                print(f"echo bot: request {msg['id']} failed: {msg['error']['message']}", file=sys.stderr,
                      flush=True)
    except KeyboardInterrupt:
        stop(None, None)
    except ValueError:  # stdin closed by stop() while a reply was being sent
        pass
    sys.exit(parley.wait())


if __name__ == "__main__":
    main()
