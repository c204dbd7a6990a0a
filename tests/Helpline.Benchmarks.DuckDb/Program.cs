using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Helpline.Benchmarks;
using Helpline.Benchmarks.DuckDb;

// The C# benchmark's work in DuckDB SQL on the same register file: load + clean, then the 13 aggregations; one row,
// in the C# benchmark's format. THREADS: DuckDB's default (its number of cores) unless given; 1 runs on one thread.
// Usage: dotnet run -c Release --project tests/Helpline.Benchmarks.DuckDb -- FILE [RUNS] [THREADS]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length < 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: Helpline.Benchmarks.DuckDb FILE [RUNS] [THREADS]");
    return 1;
}
var file = Path.GetFullPath(args[0]);
int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
int? threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : null;
var load = new List<double>();
var aggregate = new List<double>();
long rows = 0, checksum = 0, used = 0;
for (int run = 0; run < runs; run++)
{
    var clock = Stopwatch.StartNew();
    // A fresh in-memory database each run, as each of our runs loads anew.
    using var connection = new DuckDBConnection("DataSource=:memory:");
    connection.Open();
    if (threads is { } n)
        DuckDbRegister.Execute(connection, $"SET threads = {n}");
    rows = DuckDbRegister.Load(connection, file);
    load.Add(clock.Elapsed.TotalSeconds);
    clock.Restart();
    var cells = DuckDbAggregations.Run(connection);
    aggregate.Add(clock.Elapsed.TotalSeconds);
    checksum = Checksum.Of(cells);
    using var setting = connection.CreateCommand();
    setting.CommandText = "SELECT current_setting('threads')";
    used = Convert.ToInt64(setting.ExecuteScalar(), CultureInfo.InvariantCulture);
}
double peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
var total = load.Zip(aggregate, (a, b) => a + b).ToList();
Console.WriteLine($"{"duckdb-" + used + "t",-9} {rows,10:N0}  load {Seconds.Stat(load)}  aggregate {Seconds.Stat(aggregate)}  total {Seconds.Stat(total)}  peak {peak,7:F0} MB  runs {runs}  checksum {checksum}");
return 0;
