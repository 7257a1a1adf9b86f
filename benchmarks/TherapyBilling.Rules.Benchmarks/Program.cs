using BenchmarkDotNet.Running;

namespace TherapyBilling.Rules.Benchmarks;

public static class Program
{
    /// <summary>
    /// Runs the benchmarks (<c>--filter '*'</c> and any BenchmarkDotNet option), or one of the measurement modes
    /// that BenchmarkDotNet cannot give (peak working set of a process): <c>measure-load</c>, <c>measure-ndjson N</c>,
    /// <c>show-check</c>. See benchmarks/README.md.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && Measurements.TryRun(args, Console.Out) is int exitCode)
        {
            return exitCode;
        }

        // A benchmark whose setup throws (the sanity checks of the data sets) fails the run, so CI's dry run sees it.
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToList();
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
