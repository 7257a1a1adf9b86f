using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TherapyBilling.Rules.Benchmarks;

/// <summary>
/// One-shot measurements in a fresh process, for what BenchmarkDotNet's Allocated column does not show: the wall
/// time of one cold load, the memory a loaded table keeps, and the peak working set of the process.
/// </summary>
internal static class Measurements
{
    private const double MB = 1024 * 1024;

    public static int? TryRun(string[] args, TextWriter output) => args[0] switch
    {
        "measure-load" => MeasureLoad(output),
        "measure-ndjson" => MeasureNdjson(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000, output),
        "show-check" => ShowCheck(output),
        "measure-stages" => StageAllocations.Run(output),
        "write-ndjson" when args.Length > 2 => WriteNdjson(int.Parse(args[1], CultureInfo.InvariantCulture), args[2], args.Length > 3 ? args[3] : "mix"),
        _ => null,
    };

    /// <summary>
    /// <c>write-ndjson N path [mix|notes|plain]</c>: writes the benchmark corpus as an NDJSON file for the CLI
    /// measurements (notes on two records in three, on every record, or on none).
    /// </summary>
    private static int WriteNdjson(int encounters, string path, string notes)
    {
        Func<int, bool> withNote = notes switch
        {
            "notes" => EncounterMixes.NoteOnEvery,
            "plain" => EncounterMixes.NoteOnNone,
            _ => EncounterMixes.NoteOnTwoInThree,
        };
        using var file = File.Create(path);
        EncounterMixes.WriteNdjson(file, encounters, withNote);
        return 0;
    }

    private static int MeasureLoad(TextWriter output)
    {
        string path = SyntheticCmsTable.Path;
        long fileBytes = new FileInfo(path).Length;
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        long baseline = process.WorkingSet64;
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var table = PtpEditTable.LoadCms(path);
        watch.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        long retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        process.Refresh();
        long peak = process.PeakWorkingSet64;
        // The second load finds every code's string already in the shared code pool, so what it retains is the table alone.
        long beforeWarm = GC.GetTotalMemory(forceFullCollection: true);
        var warm = Stopwatch.StartNew();
        var second = PtpEditTable.LoadCms(path);
        warm.Stop();
        long retainedWarm = GC.GetTotalMemory(forceFullCollection: true) - beforeWarm;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"LoadCms: second (warm) load {warm.Elapsed.TotalMilliseconds:F0} ms; retained by the second table {retainedWarm / MB:F1} MB = {(double)retainedWarm / second.Count:F1} bytes per kept row"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"LoadCms: {table.Count:N0} rows from {fileBytes / MB:F1} MB in {watch.Elapsed.TotalMilliseconds:F0} ms (cold, first call: includes JIT); allocated {allocated / MB:F1} MB; retained by the table {retained / MB:F1} MB = {(double)retained / table.Count:F1} bytes per kept row (with the code strings it pooled); peak working set {peak / MB:F1} MB (before the warm load; {baseline / MB:F1} MB before the first)"));
        GC.KeepAlive(table);
        GC.KeepAlive(second);
        return 0;
    }

    private static int MeasureNdjson(int encounters, TextWriter output)
    {
        // Streamed from a file, as the CLI reads an export, so the process holds one record at a time.
        string path = Path.Combine(Path.GetTempPath(), "therapybilling-bench", $"encounters-{encounters}.ndjson");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path))
        {
            EncounterMixes.WriteNdjson(file, encounters);
        }

        var options = ComplianceOptions.Default with { Today = EncounterMixes.DateOfService };
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        long baseline = process.WorkingSet64;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int gen2Before = GC.CollectionCount(2);
        var watch = Stopwatch.StartNew();
        int findings = 0;
        long maxHeap = 0;
        int read = 0;
        using (var reader = new StreamReader(path, Encoding.UTF8))
        {
            while (reader.ReadLine() is { } line)
            {
                using var document = JsonDocument.Parse(line);
                if (EncounterJson.Read(document.RootElement).Encounter is { } encounter)
                {
                    findings += ComplianceEngine.Check(encounter, options).Diagnostics.Length;
                }

                if (++read % 1000 == 0)
                {
                    maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(forceFullCollection: false));
                }
            }
        }

        watch.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"NDJSON parse+check from a file: {encounters:N0} encounters ({new FileInfo(path).Length / MB:F1} MB), {findings:N0} findings, {watch.Elapsed.TotalMilliseconds:F0} ms; allocated {allocated / (double)encounters:N0} B per encounter; largest managed heap seen {maxHeap / MB:F1} MB; gen-2 collections {GC.CollectionCount(2) - gen2Before}; peak working set {process.PeakWorkingSet64 / MB:F1} MB ({baseline / MB:F1} MB before streaming)"));
        File.Delete(path);
        return 0;
    }

    private static int ShowCheck(TextWriter output)
    {
        var options = ComplianceOptions.Default with { Today = EncounterMixes.DateOfService };
        foreach (int segments in EncounterMixes.SegmentCounts)
        {
            foreach (bool times in new[] { false, true })
            {
                var encounter = EncounterMixes.Parse(EncounterMixes.Json("enc-" + segments, segments, times, withNote: true));
                var report = ComplianceEngine.Check(encounter, options);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{segments} segments, times {times}: {report.Units.TotalUnits} units"));
                foreach (var diagnostic in report.Diagnostics)
                {
                    output.WriteLine("  " + diagnostic);
                }
            }
        }

        return 0;
    }
}
