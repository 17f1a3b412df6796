#!/usr/bin/env python3
"""Times `sitegen preview` as a reader of the page sees it: from saving a paper to the page's `reload` event.

usage: preview-latency.py "SITEGEN" SITE PORT   e.g. preview-latency.py /tmp/publish/sitegen /tmp/p10k 5402
       (SITEGEN may be a command: "dotnet src/SiteGen/bin/Release/net10.0/sitegen.dll")
Starts the preview on SITE, listens to /_sitegen/events, appends a sentence to seven of SITE's
input/papers/*.md one after another (it edits them in place: run it on a generated copy), and prints the
server's "Rebuilt in" line for each and the save-to-event times (they include the 100 ms quiet period).
"""
import glob, os, statistics, subprocess, sys, threading, time, urllib.request

sitegen, root, port = sys.argv[1], sys.argv[2], sys.argv[3]
server = subprocess.Popen([*sitegen.split(), "preview", "--root", root, "--port", port],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
started = time.time()
for line in server.stdout:
    print(line.rstrip())
    if line.startswith("Serving"):
        break
print(f"serving {time.time() - started:.2f} s after start")

events = urllib.request.urlopen(f"http://127.0.0.1:{port}/_sitegen/events")
reloaded = threading.Event()
def listen():
    for line in events:
        if line.startswith(b"event: reload"):
            reloaded.set()
threading.Thread(target=listen, daemon=True).start()
time.sleep(0.5)

papers = sorted(glob.glob(os.path.join(root, "input", "papers", "*.md")))
times = []
for i in range(7):
    reloaded.clear()
    saved = time.time()
    with open(papers[i * 7 % len(papers)], "a") as paper:
        paper.write(f"\nOne more sentence, edit {i}.\n")
    if not reloaded.wait(60):
        sys.exit("no reload event within 60 s")
    times.append((time.time() - saved) * 1000)
    print(server.stdout.readline().rstrip())
    time.sleep(0.5)
print("save -> reload event (ms):", [round(t) for t in times], "median", round(statistics.median(times)))
server.send_signal(2)  # Ctrl+C
print("exit", server.wait(10), server.stdout.read().strip())
