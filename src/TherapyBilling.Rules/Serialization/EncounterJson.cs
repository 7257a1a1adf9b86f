using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace TherapyBilling.Rules;

/// <summary>
/// The JSON input contract v1 (camelCase) for encounters: read an encounter from a <see cref="JsonElement"/>,
/// turning structural problems into input diagnostics (TBR0xx) instead of exceptions.
/// </summary>
/// <remarks>
/// <para>Each section of the contract has its own partial file: the core fields (id, dateOfService, method, discipline,
/// segments, lines) here, <c>documentation</c> and the payer fields in theirs. Paths in diagnostics are relative to
/// the encounter (<c>segments[2].end</c>), with 0-based indices.</para>
/// <para>Core fields of contract v1:</para>
/// <list type="bullet">
/// <item><c>id</c> (string, required), <c>dateOfService</c> (<c>yyyy-MM-dd</c>, required), <c>method</c>
/// (<c>"cms"</c> or <c>"ama"</c>, case-insensitive; absent means the options' default, CMS), <c>discipline</c>
/// (<c>"PT"</c>, <c>"OT"</c> or <c>"SLP"</c>, case-insensitive), <c>segments</c> (array), <c>lines</c> (array, as
/// billed).</item>
/// <item>segment: <c>code</c> (string), and either <c>minutes</c> (whole number, 0–1440) or <c>start</c> and
/// <c>end</c> (<c>HH:mm</c> or <c>HH:mm:ss</c> on the date of service); optional <c>modifiers</c> (array of
/// strings) and <c>region</c> (the body region treated, a string; used for anatomic NCCI edits, never echoed).</item>
/// <item>billed line: <c>code</c>, <c>units</c> (whole number, 0–999), optional <c>modifiers</c>.</item>
/// </list>
/// <para>Every number and date has a range (see the constants here, <see cref="Encounter.MaxDollarAmount"/> and
/// <see cref="Authorization.MaxVisitCount"/>): the date of service is from <see cref="EarliestDateOfService"/> to
/// <see cref="LatestDateOfService"/>, every other date within <see cref="DateWindowYears"/> years of it; a value out
/// of range is an input finding naming its path. <c>-0</c> is zero.</para>
/// <para>A property the contract does not name, at any level, is reported: TBR017 (an error) when it differs from a
/// known name only by case or a small misspelling (<c>"Segments"</c>, <c>"line"</c>), else TBR018 (an info, or an
/// error with <see cref="EncounterReadOptions.Strict"/>). An encounter with no segments, no lines and no
/// documentation is TBR019: nothing to check is not a pass. A <see langword="null"/> value is treated as an absent
/// field. Messages never repeat input values: only the id is ever echoed (unknown properties are named by position).</para>
/// <para>Reflection-free (trimming and AOT safe) and thread-safe.</para>
/// </remarks>
/// <example><code>
/// using var doc = JsonDocument.Parse("""{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"97535","minutes":23}]}""");
/// var read = EncounterJson.Read(doc.RootElement);   // read.Success == true, read.Encounter.Segments.Length == 1
/// </code></example>
public static partial class EncounterJson
{
    /// <summary>The largest number of minutes one segment may have: one day.</summary>
    public const int MaxSegmentMinutes = 1440;

    /// <summary>The largest number of units one billed line may have.</summary>
    public const int MaxBilledUnits = 999;

    /// <summary>How many years before or after the date of service any other date of the record may be: 10.</summary>
    public const int DateWindowYears = 10;

    /// <summary>The most days a plan of care or recertification may last in <c>durationDays</c>: 3660 (about 10 years).</summary>
    public const int MaxDurationDays = 3660;

    /// <summary>The most minutes a note's intervention or total may have: 1440 (one day).</summary>
    public const int MaxNoteMinutes = 1440;

    /// <summary>The most timed minutes of a review period (<c>periodTimedMinutes</c>): 527,040 (366 days of 1440 minutes).</summary>
    public const int MaxPeriodTimedMinutes = 527_040;

    /// <summary>The most timed units of a review period (<c>periodTimedUnits</c>): 100,000.</summary>
    public const int MaxPeriodTimedUnits = 100_000;

    /// <summary>Gets the earliest date of service the contract accepts: 1900-01-01.</summary>
    public static LocalDate EarliestDateOfService { get; } = new(1900, 1, 1);

    /// <summary>Gets the latest date of service the contract accepts: 2199-12-31.</summary>
    public static LocalDate LatestDateOfService { get; } = new(2199, 12, 31);

    private static readonly LocalDatePattern s_date = LocalDatePattern.Iso;
    private static readonly LocalTimePattern s_hourMinute = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalTimePattern s_hourMinuteSecond = LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss");

    /// <summary>Reads one encounter record with the default options.</summary>
    /// <param name="element">The record: a JSON object of input contract v1.</param>
    /// <returns>The encounter when the record is valid, its id when readable, and the input diagnostics.</returns>
    /// <remarks>Never throws for bad input: every problem is an input diagnostic. The element may be disposed afterwards.</remarks>
    public static EncounterReadResult Read(JsonElement element) => Read(element, null);

    /// <summary>Reads one encounter record.</summary>
    /// <param name="element">The record: a JSON object of input contract v1.</param>
    /// <param name="options">How strictly to read; <see langword="null"/> for <see cref="EncounterReadOptions.Default"/>.</param>
    /// <returns>The encounter when the record has no input error, its id when readable, and the input diagnostics.</returns>
    /// <remarks>Never throws for bad input: every problem is an input diagnostic. The element may be disposed afterwards.</remarks>
    public static EncounterReadResult Read(JsonElement element, EncounterReadOptions? options)
    {
        options ??= EncounterReadOptions.Default;
        var diagnostics = new List<Diagnostic>();
        if (element.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(DiagnosticDescriptors.InputNotAnObject.Create(string.Empty, Arg.Of("record", "encounter"), Arg.Of("actual", KindName(element.ValueKind))));
            return new EncounterReadResult(null, null, [.. diagnostics]);
        }

        ContractShape.Encounter.ReportUnknown(element, string.Empty, options.Strict, diagnostics);
        string? id = ReadRequiredString(element, "id", "id", diagnostics);
        LocalDate? date = ReadDate(element, diagnostics);
        UnitMethod? method = ReadMethod(element, diagnostics);
        Discipline? discipline = ReadDiscipline(element, diagnostics);
        var segments = ReadSegments(element, diagnostics, out var segmentElements);
        var billed = ReadBilledLines(element, diagnostics);

        Encounter? encounter = null;
        if (id is not null && date is { } dateOfService)
        {
            for (int i = 0; i < segments.Count; i++)
            {
                if (segments[i] is { } segment)
                {
                    ReadSegmentExtensions(segmentElements[i], Paths.Segment(i), ref segment, diagnostics);
                    segments[i] = segment;
                }
            }

            encounter = new Encounter(id, dateOfService, segments.OfType<TreatmentSegment>())
            {
                Method = method,
                Discipline = discipline,
                BilledLines = [.. billed],
            };
            ReadDocumentation(element, ref encounter, diagnostics);
            ReadPayer(element, ref encounter, diagnostics);
        }

        bool hasError = diagnostics.Exists(static d => d.Severity == Severity.Error);
        if (!hasError && encounter is { Segments.IsEmpty: true, BilledLines.IsEmpty: true, Documentation: null })
        {
            diagnostics.Add(DiagnosticDescriptors.InputNothingToCheck.Create(string.Empty));
            hasError = true;
        }

        return new EncounterReadResult(id, hasError ? null : encounter, DiagnosticOrder.Sort(diagnostics));
    }

    /// <summary>Reads the <c>documentation</c> section into <paramref name="encounter"/> (documentation family).</summary>
    static partial void ReadDocumentation(JsonElement element, ref Encounter encounter, List<Diagnostic> diagnostics);

    /// <summary>Reads the payer, provider-role and telehealth fields into <paramref name="encounter"/> (payer family).</summary>
    static partial void ReadPayer(JsonElement element, ref Encounter encounter, List<Diagnostic> diagnostics);

    /// <summary>Reads family-specific fields of one segment (e.g. who furnished the minutes); <paramref name="path"/> is <c>segments[i]</c>.</summary>
    static partial void ReadSegmentExtensions(JsonElement element, string path, ref TreatmentSegment segment, List<Diagnostic> diagnostics);

    /// <summary>Gets the JSON name of a value kind as used in messages (<c>object</c>, <c>array</c>, <c>string</c>, …).</summary>
    internal static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };

    /// <summary>Gets a property that is present and not null.</summary>
    private static bool TryGet(JsonElement element, string name, out JsonElement value) =>
        element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static string Join(string path, string member) => path.Length == 0 ? member : path + "." + member;

    private static string? ReadRequiredString(JsonElement element, string name, string path, List<Diagnostic> diagnostics)
    {
        if (!TryGet(element, name, out var value))
        {
            diagnostics.Add(DiagnosticDescriptors.InputMissingField.Create(path, Arg.Of("field", path)));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            diagnostics.Add(WrongType(path, "string", value));
            return null;
        }

        string text = value.GetString()!;
        if (text.Length == 0)
        {
            diagnostics.Add(DiagnosticDescriptors.InputMissingField.Create(path, Arg.Of("field", path)));
            return null;
        }

        return text;
    }

    private static string? ReadOptionalString(JsonElement element, string name, string path, List<Diagnostic> diagnostics)
    {
        if (!TryGet(element, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            diagnostics.Add(WrongType(path, "string", value));
            return null;
        }

        return value.GetString();
    }

    private static Diagnostic WrongType(string path, string expected, JsonElement value) =>
        DiagnosticDescriptors.InputWrongType.Create(path, Arg.Of("field", path), Arg.Of("expected", expected), Arg.Of("actual", KindName(value.ValueKind)));

    private static LocalDate? ReadDate(JsonElement element, List<Diagnostic> diagnostics)
    {
        string? text = ReadRequiredString(element, "dateOfService", "dateOfService", diagnostics);
        if (text is null)
        {
            return null;
        }

        if (!IsoText.TryParseDate(text.AsSpan(), out var date))
        {
            var parsed = s_date.Parse(text);
            if (!parsed.Success || text.Length != 10)
            {
                diagnostics.Add(DiagnosticDescriptors.InputInvalidDate.Create("dateOfService", Arg.Of("field", "dateOfService")));
                return null;
            }

            date = parsed.Value;
        }

        if (date < EarliestDateOfService || date > LatestDateOfService)
        {
            diagnostics.Add(DiagnosticDescriptors.InputDateOfServiceOutOfRange.Create(
                "dateOfService", Arg.Of("field", "dateOfService"), Arg.Of("from", FormatDate(EarliestDateOfService)), Arg.Of("to", FormatDate(LatestDateOfService))));
            return null;
        }

        return date;
    }

    private static UnitMethod? ReadMethod(JsonElement element, List<Diagnostic> diagnostics)
    {
        string? text = ReadOptionalString(element, "method", "method", diagnostics);
        switch (text?.ToUpperInvariant())
        {
            case null: return null;
            case "CMS": return UnitMethod.Cms;
            case "AMA": return UnitMethod.Ama;
            default:
                diagnostics.Add(DiagnosticDescriptors.InputUnknownMethod.Create("method", Arg.Of("field", "method")));
                return null;
        }
    }

    private static Discipline? ReadDiscipline(JsonElement element, List<Diagnostic> diagnostics)
    {
        string? text = ReadOptionalString(element, "discipline", "discipline", diagnostics);
        switch (text?.ToUpperInvariant())
        {
            case null: return null;
            case "PT": return Discipline.PhysicalTherapy;
            case "OT": return Discipline.OccupationalTherapy;
            case "SLP": return Discipline.SpeechLanguagePathology;
            default:
                diagnostics.Add(DiagnosticDescriptors.InputUnknownDiscipline.Create("discipline", Arg.Of("field", "discipline")));
                return null;
        }
    }

    private static bool TryGetArray(JsonElement element, string name, string path, List<Diagnostic> diagnostics, out JsonElement array)
    {
        if (!TryGet(element, name, out array))
        {
            return false;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Add(WrongType(path, "array", array));
            return false;
        }

        return true;
    }

    private static List<TreatmentSegment?> ReadSegments(JsonElement element, List<Diagnostic> diagnostics, out List<JsonElement> elements)
    {
        var segments = new List<TreatmentSegment?>();
        elements = [];
        if (!TryGetArray(element, "segments", "segments", diagnostics, out var array))
        {
            return segments;
        }

        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            elements.Add(item);
            segments.Add(ReadSegment(item, Paths.Segment(i), diagnostics));
            i++;
        }

        return segments;
    }

    private static TreatmentSegment? ReadSegment(JsonElement item, string path, List<Diagnostic> diagnostics)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(DiagnosticDescriptors.InputNotAnObject.Create(path, Arg.Of("record", "segment " + path), Arg.Of("actual", KindName(item.ValueKind))));
            return null;
        }

        int before = diagnostics.Count;
        CptCode? code = ReadCode(item, path, diagnostics);
        var modifiers = ReadModifiers(item, path, diagnostics);
        string? region = ReadOptionalString(item, "region", Join(path, "region"), diagnostics);
        bool hasMinutes = TryGet(item, "minutes", out var minutesElement);
        bool hasStart = TryGet(item, "start", out var startElement);
        bool hasEnd = TryGet(item, "end", out var endElement);

        int? minutes = null;
        LocalTime? start = null, end = null;
        string? problem = (hasMinutes, hasStart, hasEnd) switch
        {
            (true, true, _) or (true, _, true) => "gives both minutes and times",
            (false, false, false) => "gives neither minutes nor start and end",
            (false, true, false) => "gives a start but no end",
            (false, false, true) => "gives an end but no start",
            _ => null,
        };

        if (problem is not null)
        {
            diagnostics.Add(DiagnosticDescriptors.InputSegmentTiming.Create(path, Arg.Of("field", path), Arg.Of("problem", problem)));
        }
        else if (hasMinutes)
        {
            minutes = ReadWholeNumber(minutesElement, Join(path, "minutes"), MaxSegmentMinutes, DiagnosticDescriptors.InputInvalidMinutes, diagnostics);
        }
        else
        {
            start = ReadTime(startElement, Join(path, "start"), diagnostics);
            end = ReadTime(endElement, Join(path, "end"), diagnostics);
        }

        if (diagnostics.Count != before || code is not { } c)
        {
            return null;
        }

        var segment = minutes is int m ? TreatmentSegment.FromMinutes(c, m) : TreatmentSegment.FromTimes(c, start!.Value, end!.Value);
        return segment with { Modifiers = modifiers, Region = region };
    }

    private static CptCode? ReadCode(JsonElement item, string path, List<Diagnostic> diagnostics)
    {
        string codePath = Join(path, "code");
        string? text = ReadRequiredString(item, "code", codePath, diagnostics);
        if (text is null)
        {
            return null;
        }

        if (!CptCode.TryParse(text.AsSpan().Trim(), out var code))
        {
            diagnostics.Add(DiagnosticDescriptors.InputInvalidCode.Create(codePath, Arg.Of("field", codePath)));
            return null;
        }

        return code;
    }

    private static ImmutableArray<Modifier> ReadModifiers(JsonElement item, string path, List<Diagnostic> diagnostics)
    {
        string listPath = Join(path, "modifiers");
        if (!TryGetArray(item, "modifiers", listPath, diagnostics, out var array))
        {
            return [];
        }

        var modifiers = ImmutableArray.CreateBuilder<Modifier>();
        int i = 0;
        foreach (var value in array.EnumerateArray())
        {
            string at = Paths.Index(listPath, i++);
            if (value.ValueKind != JsonValueKind.String)
            {
                diagnostics.Add(WrongType(at, "string", value));
            }
            else if (!Modifier.TryParse(value.GetString().AsSpan().Trim(), out var modifier))
            {
                diagnostics.Add(DiagnosticDescriptors.InputInvalidModifier.Create(at, Arg.Of("field", at)));
            }
            else
            {
                modifiers.Add(modifier);
            }
        }

        return modifiers.ToImmutable();
    }

    private static int? ReadWholeNumber(JsonElement value, string path, int max, DiagnosticDescriptor outOfRange, List<Diagnostic> diagnostics)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            diagnostics.Add(WrongType(path, "number", value));
            return null;
        }

        // 20 and 20.0 are the same JSON number (and both are a JSON Schema "integer"); 20.5 is not whole.
        if (!value.TryGetDecimal(out decimal number) || number != decimal.Truncate(number) || number < 0 || number > max)
        {
            diagnostics.Add(outOfRange.Create(path, Arg.Of("field", path)));
            return null;
        }

        return (int)number;
    }

    private static LocalTime? ReadTime(JsonElement value, string path, List<Diagnostic> diagnostics)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            diagnostics.Add(WrongType(path, "string", value));
            return null;
        }

        string text = value.GetString()!;
        if (IsoText.TryParseTime(text.AsSpan(), out var time))
        {
            return time;
        }

        var parsed = text.Length switch
        {
            5 => s_hourMinute.Parse(text),
            8 => s_hourMinuteSecond.Parse(text),
            _ => null,
        };

        if (parsed is null || !parsed.Success)
        {
            diagnostics.Add(DiagnosticDescriptors.InputInvalidTime.Create(path, Arg.Of("field", path)));
            return null;
        }

        return parsed.Value;
    }

    private static List<BilledLine> ReadBilledLines(JsonElement element, List<Diagnostic> diagnostics)
    {
        var lines = new List<BilledLine>();
        if (!TryGetArray(element, "lines", "lines", diagnostics, out var array))
        {
            return lines;
        }

        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            string path = Paths.Index("lines", i++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(DiagnosticDescriptors.InputNotAnObject.Create(path, Arg.Of("record", "billed line " + path), Arg.Of("actual", KindName(item.ValueKind))));
                continue;
            }

            int before = diagnostics.Count;
            CptCode? code = ReadCode(item, path, diagnostics);
            var modifiers = ReadModifiers(item, path, diagnostics);
            int? units = null;
            string unitsPath = Join(path, "units");
            if (!TryGet(item, "units", out var unitsElement))
            {
                diagnostics.Add(DiagnosticDescriptors.InputMissingField.Create(unitsPath, Arg.Of("field", unitsPath)));
            }
            else
            {
                units = ReadWholeNumber(unitsElement, unitsPath, MaxBilledUnits, DiagnosticDescriptors.InputInvalidUnits, diagnostics);
            }

            if (diagnostics.Count == before && code is { } c && units is int u)
            {
                lines.Add(new BilledLine(c, u, modifiers));
            }
        }

        return lines;
    }

    /// <summary>Gets the dates a record's other dates may take: <see cref="DateWindowYears"/> years either side of the date of service.</summary>
    internal static (LocalDate From, LocalDate Through) DateWindow(LocalDate dateOfService) =>
        (dateOfService.PlusYears(-DateWindowYears), dateOfService.PlusYears(DateWindowYears));

    /// <summary>Formats a date as the contract writes it (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    public static string FormatDate(LocalDate date) => s_date.Format(date);

    /// <summary>Gets the contract's name of a method: <c>cms</c> or <c>ama</c>.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The method is not defined.</exception>
    public static string MethodName(UnitMethod method) => Guard.Defined(method) == UnitMethod.Cms ? "cms" : "ama";
}
