using BenchmarkDotNet.Attributes;
using NodaTime;

namespace TherapyBilling.Rules.Benchmarks;

/// <summary>Which PTP edit table a benchmark uses.</summary>
public enum PairTableKind
{
    /// <summary>The table that ships with the library (a few dozen therapy rows).</summary>
    Default,

    /// <summary>The synthetic full-size CMS file (about 1.25 million rows), see <see cref="SyntheticCmsTable"/>.</summary>
    FullSize,
}

/// <summary>
/// The code-separation check (<see cref="CodePairCheck"/>) and raw pair lookups, with the default table and with a
/// full-size table: lookups are hash lookups, so the time per pair must not grow with the table.
/// </summary>
[MemoryDiagnoser]
public class PairCheckBenchmarks
{
    private const int LookupCount = 64;
    private static readonly LocalDate s_dos = EncounterMixes.DateOfService;
    private SeparationInput _input = null!;
    private SeparationOptions _options = null!;
    private (CptCode First, CptCode Second)[] _pairs = [];

    /// <summary>Gets or sets the table.</summary>
    [Params(PairTableKind.Default, PairTableKind.FullSize)]
    public PairTableKind Table { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var table = Table == PairTableKind.Default ? PtpEditTable.Default : SyntheticCmsTable.Table;
        _options = new SeparationOptions { PairTable = table };

        // The 6-segment mix with times: 97535, 97530, 97110, 97112, 97140, 97116, with XU on the column-2 codes.
        var encounter = EncounterMixes.Encounter(6, withTimes: true);
        _input = SeparationInput.FromBilledLines(s_dos, encounter.Segments, encounter.BilledLines, encounter.Discipline);

        // Every ordered pair of the 12 common therapy and evaluation codes (some hit the table's therapy edits),
        // plus pairs of the synthetic range (hits in the full-size table, misses in the default one).
        string[] codes = ["97110", "97112", "97116", "97140", "97150", "97164", "97168", "97530", "97535", "97012", "97113", "97010"];
        var pairs = new List<(CptCode, CptCode)>();
        for (int i = 0; pairs.Count < LookupCount / 2; i++)
        {
            var a = CptCode.Parse(codes[i % codes.Length]);
            var b = CptCode.Parse(codes[(i / codes.Length + i + 1) % codes.Length]);
            if (a != b)
            {
                pairs.Add((a, b));
            }
        }

        for (int i = 0; pairs.Count < LookupCount; i++)
        {
            string column1 = (10000 + (i * 2 * 701 % 90000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var column2 = SyntheticCmsTable.Column2Codes(column1, int.Parse(column1, System.Globalization.CultureInfo.InvariantCulture), SyntheticCmsTable.NumericColumn2PerCode)[i % 5];
            pairs.Add((CptCode.Parse(column1), CptCode.Parse(column2.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        _pairs = [.. pairs];
    }

    /// <summary>The whole separation check of one encounter (same-period time, PTP edits and modifiers, GO).</summary>
    [Benchmark(Baseline = true)]
    public SeparationResult Check() => CodePairCheck.Check(_input, _options);

    /// <summary>One pair lookup (either order, row in force on the date): the time is per pair.</summary>
    [Benchmark(OperationsPerInvoke = LookupCount)]
    public int LookupPerPair()
    {
        var table = _options.PairTable;
        int found = 0;
        foreach (var (first, second) in _pairs)
        {
            if (table.FindPairInForce(first, second, s_dos) is not null)
            {
                found++;
            }
        }

        return found;
    }
}
