using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TherapyBilling.Rules.Benchmarks;

/// <summary>A column with the bytes allocated per operation divided by the benchmark's <c>N</c> parameter.</summary>
internal sealed class AllocatedPerItemColumn : IColumn
{
    public string Id => nameof(AllocatedPerItemColumn);

    public string ColumnName => "Alloc/enc";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Metric;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public string Legend => "Bytes allocated per operation divided by N (per encounter)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report is null || !report.Success || benchmarkCase.Parameters["N"] is not int n || n <= 0
            || report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) is not long bytes)
        {
            return "-";
        }

        return (bytes / (double)n).ToString("N0", CultureInfo.InvariantCulture) + " B";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Adds <see cref="AllocatedPerItemColumn"/>.</summary>
internal sealed class PerEncounterConfig : ManualConfig
{
    public PerEncounterConfig() => AddColumn(new AllocatedPerItemColumn());
}
