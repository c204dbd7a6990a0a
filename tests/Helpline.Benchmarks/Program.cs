using System.Diagnostics;
using System.Globalization;
using Helpline.Analysis;
using Helpline.Benchmarks;

// Measures load + clean, then every aggregation of the answer, on one register file; prints one table row: the rows kept
// after cleaning and the checksum of the aggregations' cells (Checksum.cs), equal to pandas' and DuckDB's on one file.
// Usage: dotnet run -c Release --project tests/Helpline.Benchmarks -- FILE [RUNS]
// Run one file per process: the peak working set is the process's.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length < 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: Helpline.Benchmarks FILE [RUNS]   (make files with: dotnet run --project lib/Helpline.Notebooks -- synthesize --rows N --output DIR)");
    return 1;
}
var file = args[0];
int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var hours = OpeningHours.Shipped();
var load = new List<double>();
var aggregate = new List<double>();
var allocated = new List<double>();
var allocatedLoad = new List<double>();
long liveAfterLoad = 0;
int rows = 0;
long checksum = 0;
for (int run = 0; run < runs; run++)
{
    // Each run starts as a fresh load would: the previous run's register gone and its memory given back to the system.
    GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    var (loadSeconds, aggregateSeconds, loadBytes, allBytes, live, kept, sum) = Run(file, hours, measureLive: run == 0);
    load.Add(loadSeconds);
    aggregate.Add(aggregateSeconds);
    allocatedLoad.Add(loadBytes / 1e6);
    allocated.Add(allBytes / 1e6);
    if (run == 0)
        liveAfterLoad = live;
    rows = kept;
    checksum = sum;
    // Each run on stderr, so that a slow run is seen as one, not only through the median.
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}: load {loadSeconds:F3} s, aggregate {aggregateSeconds:F3} s, gen0/1/2 collections so far {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, JIT so far {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F3} s ({System.Runtime.JitInfo.GetCompiledMethodCount()} methods)"));
}
double peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
var total = load.Zip(aggregate, (a, b) => a + b).ToList();
Console.WriteLine($"{"ours",-9} {rows,10:N0}  load {Seconds.Stat(load)}  aggregate {Seconds.Stat(aggregate)}  total {Seconds.Stat(total)}  allocated {Seconds.Median(allocated),6:F0} MB (load {Seconds.Median(allocatedLoad):F0})  live after load {liveAfterLoad / 1e6,4:F0} MB  peak {peak,7:F0} MB  runs {runs}  checksum {checksum}");
return 0;

// One run in its own frame, so that nothing of it (the register above all) is still referenced when the next begins.
[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
static (double Load, double Aggregate, long LoadBytes, long AllBytes, long LiveAfterLoad, int Rows, long Checksum) Run(string file, OpeningHours hours, bool measureLive)
{
    long before = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var loaded = RegisterCsv.Load(file, hours);
    double load = clock.Elapsed.TotalSeconds;
    long loadBytes = GC.GetTotalAllocatedBytes(precise: true) - before;
    long live = 0;
    if (measureLive)
    {
        GC.Collect();
        live = GC.GetTotalMemory(forceFullCollection: true);
    }
    clock.Restart();
    var cells = AnswerAggregations.Run(loaded.Contacts);
    double aggregate = clock.Elapsed.TotalSeconds;
    return (load, aggregate, loadBytes, GC.GetTotalAllocatedBytes(precise: true) - before, live, loaded.Contacts.Count, Checksum.Of(cells));
}
