using System.Text.Json;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary><c>--ptp-file</c> and <c>--payer-profiles</c>: loaded in place of (or over) the shipped data, named in <c>rules</c>, bad files exit 2.</summary>
public sealed class ReferenceDataOptionTests : IDisposable
{
    /// <summary>97535 then 97530 in distinct intervals, no PTP modifier: the shipped table has 97530/97535, so 97535 needs XU.</summary>
    private const string PairVisit = """
        {"encounters":[{"id":"pair","dateOfService":"2026-01-05","discipline":"PT",
          "segments":[{"code":"97535","start":"10:00","end":"10:23","modifiers":["GP"]},{"code":"97530","start":"10:23","end":"10:48","modifiers":["GP"]}]}]}
        """;

    private const string Preamble = "CPT codes and descriptions only are copyright 2025 American Medical Association. All Rights Reserved.\n\nColumn 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date\tModifier\tPTP Edit Rationale\n";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"tbr-ref-{Guid.NewGuid():N}");

    public ReferenceDataOptionTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonElement Json(CliRun run) => JsonDocument.Parse(run.Stdout).RootElement;

    private static List<string> Ids(JsonElement root) =>
        [.. root.GetProperty("encounters")[0].GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];

    [Fact]
    public void Check_PtpFile_ReplacesTheShippedPairTableAndIsNamedInRules()
    {
        var shipped = Json(CliRunner.Run(["check", "-", "--format", "json"], PairVisit));
        Assert.Contains(DiagnosticIds.PairModifierMissing, Ids(shipped));

        // A release without the 97530/97535 edit (only 97140/97530): the pair finding goes away.
        string without = Write("ccipra-v321r0-f1.txt", Preamble + "97140\t97530\t\t20200101\t*\t1\tMutually exclusive procedures\n");
        var run = CliRunner.Run(["check", "-", "--format", "json", "--ptp-file", without], PairVisit);
        var root = Json(run);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(DiagnosticIds.PairModifierMissing, Ids(root));
        var table = root.GetProperty("rules").GetProperty("pairTable");
        Assert.Equal("ccipra-v321r0", table.GetProperty("version").GetString()); // the release name
        Assert.Equal(without, table.GetProperty("source").GetString());

        // A release with it, modifier indicator 0 (no modifier can bypass): a different finding than the shipped table's.
        string strict = Write("ccipra-v322r0-f1.txt", Preamble + "97530\t97535\t\t20200101\t*\t0\tStandards of medical / surgical practice\n");
        var strictRun = CliRunner.Run(["check", "-", "--format", "json", "--ptp-file", strict], PairVisit);
        Assert.Equal(1, strictRun.ExitCode);
        Assert.Equal("ccipra-v322r0", Json(strictRun).GetProperty("rules").GetProperty("pairTable").GetProperty("version").GetString());
        Assert.Contains(DiagnosticIds.PairNotPayable, Ids(Json(strictRun)));
    }

    [Theory]
    [InlineData("97140\t97530\t\t20200101\t*\t1\n", 4, "expected 7 tab-separated fields")]
    [InlineData("97140\t97530\t\t20200101\t*\t1\tr\n97530\t97535\t\t20201301\t*\t1\tr\n", 5, "effective date")]
    [InlineData("97140\t97530\t\t20200101\t*\t7\tr\n", 4, "")]
    public void Check_BadPtpFile_ExitTwoNamingFileAndLine(string rows, int line, string problem)
    {
        string path = Write("ccipra-bad.txt", Preamble + rows);
        var run = CliRunner.Run(["check", "-", "--ptp-file", path], PairVisit);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"therapy-rules: {path}:{line}: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(problem, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("(bad PTP file)", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingPtpFile_ExitTwoNamingIt()
    {
        var run = CliRunner.Run(["check", "-", "--ptp-file", Path.Combine(_dir, "nope.txt")], PairVisit);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"therapy-rules: {Path.Combine(_dir, "nope.txt")}: cannot read the PTP file (file not found).\n", run.Stderr);
    }

    private const string AcmeProfiles = """
        { "version": "acme-2026.1", "profiles": [
          { "id": "acme", "name": "Acme Health", "method": "ama", "requireDisciplineModifier": true } ] }
        """;

    /// <summary>One visit whose units differ by method: 97535 for 8 minutes and 97530 for 8 minutes (CMS 16 min = 1 unit, AMA 1 + 1).</summary>
    private static string PayerVisit(string payer) => $$"""
        {"encounters":[{"id":"v","dateOfService":"2026-01-05","discipline":"OT","payer":"{{payer}}",
          "segments":[{"code":"97535","start":"10:00","end":"10:08","modifiers":["GO","XU"]},{"code":"97530","start":"10:08","end":"10:16","modifiers":["GO"]}]}]}
        """;

    [Fact]
    public void Check_PayerProfiles_AddsTheFilesProfilesAndIsNamedInRules()
    {
        string path = Write("payers.json", AcmeProfiles);

        var unknown = Json(CliRunner.Run(["check", "-", "--format", "json", "--fail-on", "never"], PayerVisit("acme")));
        Assert.Contains(DiagnosticIds.UnknownPayer, Ids(unknown));

        var run = CliRunner.Run(["check", "-", "--format", "json", "--payer-profiles", path], PayerVisit("acme"));
        var root = Json(run);
        var encounter = root.GetProperty("encounters")[0];
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(DiagnosticIds.UnknownPayer, Ids(root));
        Assert.Equal("ama", encounter.GetProperty("method").GetString());
        Assert.Equal(2, encounter.GetProperty("totalUnits").GetInt32());
        var profiles = root.GetProperty("rules").GetProperty("payerProfiles");
        Assert.Equal("acme-2026.1", profiles.GetProperty("version").GetString());
        Assert.Equal(path, profiles.GetProperty("source").GetString());

        // The shipped profiles stay available beside the file's.
        var medicare = Json(CliRunner.Run(["check", "-", "--format", "json", "--fail-on", "never", "--payer-profiles", path], PayerVisit("medicare")));
        Assert.DoesNotContain(DiagnosticIds.UnknownPayer, Ids(medicare));
        Assert.Equal("cms", medicare.GetProperty("encounters")[0].GetProperty("method").GetString());
    }

    [Fact]
    public void Check_BadPayerProfiles_ExitTwoNamingFileAndLocation()
    {
        string unknownField = Write("typo.json", """{ "version": "x", "profiles": [ { "id": "acme", "name": "Acme", "ncciEdit": false } ] }""");
        var run = CliRunner.Run(["check", "-", "--payer-profiles", unknownField], PayerVisit("acme"));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"therapy-rules: {unknownField}: $.profiles[0]", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("(bad payer profiles file)", run.Stderr, StringComparison.Ordinal);

        string malformed = Write("broken.json", "{ \"version\": \"x\",\n  \"profiles\": [ { \"id\": \"acme\" \n  ] }");
        var broken = CliRunner.Run(["check", "-", "--payer-profiles", malformed], PayerVisit("acme"));
        Assert.Equal(2, broken.ExitCode);
        Assert.Single(broken.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"therapy-rules: {malformed}:3: ", broken.Stderr, StringComparison.Ordinal);

        var missing = CliRunner.Run(["check", "-", "--payer-profiles", Path.Combine(_dir, "none.json")], PayerVisit("acme"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("cannot read the payer profiles file (file not found)", missing.Stderr, StringComparison.Ordinal);
    }
}
