using System.Text;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>Issue 12: every malformed <c>--catalog</c> or <c>--payer-profiles</c> file is one short input error naming the file and line, never an internal error.</summary>
public sealed class ReferenceFileErrorTests : IDisposable
{
    private const string Doc = """{"encounters":[{"id":"g","dateOfService":"2026-01-05","discipline":"OT","segments":[{"code":"97535","minutes":23,"modifiers":["GO"]}]}]}""";
    private const string CatalogRow = "97535\ttimed\ttrue\tSelf-care\ttest\n";
    private const string Profile = """{"id":"acme","name":"Acme","method":"ama"}""";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"tbr-reffile-{Guid.NewGuid():N}");

    public ReferenceFileErrorTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Theory data names the case only: big byte arrays in theory data make test discovery crawl.
    private static readonly Dictionary<string, (byte[] Content, int Line)> s_catalogs = new()
    {
        { "invalid UTF-8", ([.. "# version: v\n"u8, .. "97535\ttimed\ttrue\tSelf"u8, 0xC3, 0x28, .. "\ttest\n"u8], 2) },
        { "UTF-8 encoded surrogate", ([.. "# version: v\n"u8, .. CatalogRowBytes(), .. "97530\ttimed\ttrue\t"u8, 0xED, 0xA0, 0x80, .. "\ttest\n"u8], 3) },
        { "empty", ([], 0) },
        { "no data rows", ([.. "# version: v\n# source: s\n"u8], 2) },
        { "wrong number of fields", ([.. "# version: v\n97535\ttimed\n"u8], 2) },
        { "binary", ([0x00, 0x01, 0x02, 0xFF, 0xFE, 0x0A, 0x00], 1) },
        { "JSON instead of TSV", ([.. """{"encounters":[]}"""u8], 1) },
        { "a huge field", ([.. "# version: v\n"u8, .. Encoding.UTF8.GetBytes(new string('9', 5_000_000)), .. "\ttimed\ttrue\tx\ty\n"u8], 2) },
    };

    private static readonly Dictionary<string, (byte[] Content, int Line)> s_payerProfiles = new()
    {
        { "invalid UTF-8", ([.. """{"version":"v","profiles":[{"id":"ac"""u8, 0xC3, 0x28, .. "\"}]}"u8], 1) },
        { "lone surrogate escape", ([.. "{\"version\":\"v\",\n\"profiles\":[{\"id\":\"a\\ud800\"}]}"u8], 2) },
        { "bad JSON", ([.. "{\"version\":\"v\",\n\"profiles\":[{\"id\":}]}"u8], 2) },
        { "empty", ([], 1) },
        { "no profiles", ([.. """{"version":"v","profiles":[]}"""u8], 0) },
        { "TSV instead of JSON", ([.. "# version: v\n97535\ttimed\ttrue\tx\ty\n"u8], 1) },
        { "a huge unknown property", ([.. "{\"version\":\"v\",\"profiles\":[{\"id\":\"a\",\""u8, .. Encoding.UTF8.GetBytes(new string('p', 5_000_000)), .. "\":1}]}"u8], 0) },
    };

    public static TheoryData<string> BadCatalogs() => [.. s_catalogs.Keys];

    public static TheoryData<string> BadPayerProfiles() => [.. s_payerProfiles.Keys];

    private static byte[] CatalogRowBytes() => Encoding.UTF8.GetBytes(CatalogRow);

    [Theory]
    [MemberData(nameof(BadCatalogs))]
    public void Catalog_Malformed_OneShortLineNamingTheFile_ExitTwo(string what)
    {
        var (content, line) = s_catalogs[what];
        string path = Write("catalog.tsv", content);
        var run = CliRunner.Run(["check", "-", "--catalog", path], Doc);
        AssertInputError(run, path, line, what);
    }

    [Theory]
    [MemberData(nameof(BadPayerProfiles))]
    public void PayerProfiles_Malformed_OneShortLineNamingTheFile_ExitTwo(string what)
    {
        var (content, line) = s_payerProfiles[what];
        string path = Write("payers.json", content);
        var run = CliRunner.Run(["check", "-", "--payer-profiles", path], Doc);
        AssertInputError(run, path, line, what);
    }

    [Fact]
    public void PayerProfiles_Good_StillLoads()
    {
        string path = Write("payers.json", Encoding.UTF8.GetBytes("{\"version\":\"v\",\"profiles\":[" + Profile + "]}"));
        Assert.Equal(0, CliRunner.Run(["check", "-", "--payer-profiles", path], Doc).ExitCode);
    }

    [Fact]
    public void AnyLoaderMessage_IsOneLineOfBoundedLength()
    {
        // Whatever a loader (PTP, MUE, catalog, payer profiles) says, the tool prints one line of bounded length:
        // one malformed PTP file once made it print a 5 MB field.
        var huge = new ReferenceDataException("ccipra.txt", 12, "'" + new string('9', 5_000_000) + "'\nis not a code");
        string message = ReferenceDataLoader.Bad(huge, "PTP").Message;
        Assert.True(message.Length < 250, $"{message.Length} characters");
        Assert.StartsWith("ccipra.txt:12: '999", message, StringComparison.Ordinal);
        Assert.EndsWith("(bad PTP file)", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void Excerpt_CutsLongTextToOneLine()
    {
        string cut = CliText.Excerpt("a\nb" + new string('x', 500));
        Assert.Equal(CliText.MaxMessageLength, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', cut);
    }

    private static void AssertInputError(CliRun run, string path, int line, string what)
    {
        Assert.True(run.ExitCode == 2, $"{what}: exit {run.ExitCode}; stderr: {run.Stderr}");
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.True(run.Stderr.Length < 400, $"{what}: stderr is {run.Stderr.Length} characters");
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
        string expected = line > 0 ? $"therapy-rules: {path}:{line}: " : $"therapy-rules: {path}: ";
        Assert.StartsWith(expected, run.Stderr, StringComparison.Ordinal);
    }

    private string Write(string name, byte[] content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
