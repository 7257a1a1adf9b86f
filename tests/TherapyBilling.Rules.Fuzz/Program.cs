using System.Text.Json;
using SharpFuzz;
using TherapyBilling.Rules;

namespace TherapyBilling.Rules.Fuzz;

/// <summary>
/// The SharpFuzz harness: one input is one encounter record (UTF-8 JSON). It is read with
/// <see cref="EncounterJson.Read(JsonElement)"/> and, when readable, checked with <see cref="ComplianceEngine.Check"/>.
/// Malformed JSON is not a finding (the tool reports it as TBR014); any exception out of the library is.
/// </summary>
/// <remarks>
/// Modes: no argument, AFL (<c>afl-fuzz … -- dotnet TherapyBilling.Rules.Fuzz.dll</c>); <c>--libfuzzer</c>, libFuzzer
/// (<c>libfuzzer-dotnet</c>); <c>--replay &lt;file or folder&gt;</c>, run inputs once without a fuzzer (reproduce a crash,
/// or smoke-test the corpus).
/// </remarks>
internal static class Program
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 64 };

    public static int Main(string[] args)
    {
        if (args is ["--replay", var path])
        {
            return Replay(path);
        }

        if (args is ["--libfuzzer"])
        {
            Fuzzer.LibFuzzer.Run(span => Check(span));
            return 0;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Check(copy.GetBuffer().AsSpan(0, (int)copy.Length));
        });
        return 0;
    }

    /// <summary>One input: parse, read, check. Throws only when the library does.</summary>
    internal static void Check(ReadOnlySpan<byte> input)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(input.ToArray(), s_options);
        }
        catch (JsonException)
        {
            return; // not JSON: the tool's reader reports it before the library sees it
        }

        using (document)
        {
            var read = EncounterJson.Read(document.RootElement);
            if (read.Encounter is { } encounter)
            {
                var report = ComplianceEngine.Check(encounter);
                _ = report.Units.Explain();
            }
        }
    }

    private static int Replay(string path)
    {
        var files = Directory.Exists(path) ? Directory.GetFiles(path) : [path];
        int crashes = 0;
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            try
            {
                Check(File.ReadAllBytes(file));
            }
#pragma warning disable CA1031 // Replay lists every crashing input instead of stopping at the first.
            catch (Exception e)
#pragma warning restore CA1031
            {
                crashes++;
                Console.WriteLine($"{Path.GetFileName(file)}: {e.GetType().Name}");
            }
        }

        Console.WriteLine($"replayed {files.Length} input(s), {crashes} crash(es)");
        return crashes == 0 ? 0 : 1;
    }
}
