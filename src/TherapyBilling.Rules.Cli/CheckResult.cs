using System.Collections.Immutable;

namespace TherapyBilling.Rules.Cli;

/// <summary>The outcome for one input encounter: its report (when it could be checked) and all its findings.</summary>
/// <param name="Index">The 0-based position in the input.</param>
/// <param name="Line">The 1-based NDJSON line, or <see langword="null"/>.</param>
/// <param name="Id">The id when readable, else <see langword="null"/>.</param>
/// <param name="Passed">Whether no finding is at or above the <c>--fail-on</c> threshold.</param>
/// <param name="Report">The engine's report, or <see langword="null"/> when the record had input errors.</param>
/// <param name="Diagnostics">Input diagnostics and the report's diagnostics, in the canonical order.</param>
internal sealed record CheckResult(int Index, int? Line, string? Id, bool Passed, EncounterReport? Report, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Gets a name for people: the id, else the NDJSON line or the position.</summary>
    public string DisplayName => Id ?? (Line is int line ? $"(no id, line {line})" : $"(no id, encounters[{Index}])");

    /// <summary>Gets <see cref="DisplayName"/> safe for a terminal, one stderr line and XML (see <see cref="Printable.Of"/>).</summary>
    public string PrintableName => Printable.Of(DisplayName);
}

/// <summary>Makes text from the input safe to print: one line, no terminal escape sequences, valid in XML.</summary>
internal static class Printable
{
    /// <summary>Replaces control characters (line breaks, tabs, ESC, …), line and paragraph separators, format characters (bidi controls such as U+202E) and characters XML cannot hold with U+FFFD.</summary>
    /// <param name="text">The text, such as an encounter id.</param>
    /// <returns>The text, unchanged when it has no such character.</returns>
    public static string Of(string text)
    {
        if (!text.Any(NeedsReplacing))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                span[i] = NeedsReplacing(source[i]) ? '\uFFFD' : source[i];
            }
        });
    }

    // Surrogates come in pairs here: the input's text was checked when it was read. Line and paragraph separators
    // (U+2028, U+2029) break lines too, and format characters (bidi overrides such as U+202E, zero-width characters,
    // U+FEFF) can make a terminal show text other than what is there.
    private static bool NeedsReplacing(char c) =>
        char.IsControl(c)
        || (!System.Xml.XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator
            or System.Globalization.UnicodeCategory.Format;

}

/// <summary>Counts for the summary: encounters and findings by severity. Only counters are kept, so memory stays flat.</summary>
internal sealed class CheckSummary
{
    public int Encounters { get; private set; }

    public int Passed { get; private set; }

    public int Failed => Encounters - Passed;

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public int Infos { get; private set; }

    /// <summary>Gets the count of findings per id and severity (error, warning, info), ids in order; bounded by the number of ids.</summary>
    public SortedDictionary<string, int[]> ById { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the number of findings left out by a suppression (config file or options), by id, ids in order.</summary>
    public SortedDictionary<string, int> SuppressedById { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the number of findings left out by a suppression.</summary>
    public int Suppressed { get; private set; }

    public void Add(CheckResult result)
    {
        Encounters++;
        if (result.Report is { Suppressed: { IsDefaultOrEmpty: false } suppressed })
        {
            foreach (var entry in suppressed)
            {
                SuppressedById[entry.Diagnostic.Id] = SuppressedById.GetValueOrDefault(entry.Diagnostic.Id) + 1;
                Suppressed++;
            }
        }

        if (result.Passed)
        {
            Passed++;
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            if (!ById.TryGetValue(diagnostic.Id, out var counts))
            {
                ById[diagnostic.Id] = counts = new int[3];
            }

            counts[diagnostic.Severity switch { Severity.Error => 0, Severity.Warning => 1, _ => 2 }]++;
            switch (diagnostic.Severity)
            {
                case Severity.Error: Errors++; break;
                case Severity.Warning: Warnings++; break;
                default: Infos++; break;
            }
        }
    }
}

/// <summary>The run's context that every format prints: tool, reference data, threshold, input name.</summary>
/// <param name="ToolVersion">The tool's version.</param>
/// <param name="Rules">The reference tables in use.</param>
/// <param name="FailOn">The threshold, or <see langword="null"/> for <c>never</c>.</param>
/// <param name="InputName">The input's name (file name or <c>&lt;stdin&gt;</c>).</param>
internal sealed record RunInfo(string ToolVersion, IReadOnlyList<ReferenceDataInfo> Rules, Severity? FailOn, string InputName)
{
    public const string ToolName = "therapy-rules";

    /// <summary>Gets the input as named in messages: the path as given, or <c>&lt;stdin&gt;</c>.</summary>
    public string InputDisplayName { get; init; } = InputName;

    public string FailOnText => FailOn is { } s ? SeverityText.Of(s) : "never";

    /// <summary>Gets whether records are read strictly (<c>--strict</c>): a property the contract does not name is an error, not an info.</summary>
    public bool Strict { get; init; }
}

/// <summary>Writes results in one output format, as they are produced.</summary>
internal interface IReportWriter : IDisposable
{
    void Begin(RunInfo run);

    void Write(CheckResult result);

    void End(CheckSummary summary);
}

/// <summary>
/// A writer whose output for one result does not depend on the results before it, so the result can be rendered on
/// the worker thread that checked it (<c>--parallel</c>) and written in input order by the writer.
/// </summary>
internal interface IResultRenderer
{
    /// <summary>Gets whether this writer, as configured, renders results on their own (NDJSON does; the indented JSON document does not).</summary>
    bool CanRender { get; }

    /// <summary>Renders one result to the bytes <see cref="IReportWriter.Write"/> would write for it; thread-safe.</summary>
    byte[] Render(CheckResult result);

    /// <summary>Writes the bytes <see cref="Render"/> made for a result, in place of <see cref="IReportWriter.Write"/>.</summary>
    void WriteRendered(byte[] rendered);
}
