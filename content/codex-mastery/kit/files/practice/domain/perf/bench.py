# bench.py: run a script N times; print min, median, max wall time.
import statistics, subprocess, sys, time
script, data = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
times = []
for _ in range(runs):
    start = time.perf_counter()
    with open("out.tsv", "w") as out:
        subprocess.run([sys.executable, script, data], stdout=out, check=True)
    times.append(time.perf_counter() - start)
print(f"{script}: runs={runs} min={min(times):.3f}s "
      f"median={statistics.median(times):.3f}s max={max(times):.3f}s")
