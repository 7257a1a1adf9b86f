using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace TherapyBilling.Rules;

/// <summary>
/// Reads the <c>documentation</c> section of the JSON input contract (camelCase; dates <c>yyyy-MM-dd</c>; times
/// <c>HH:mm</c> or <c>HH:mm:ss</c>; durations as whole days in <c>durationDays</c>). A field with a structural problem
/// becomes an input diagnostic (TBR030-TBR034) and is left out. Ranges (TBR034): minutes 0-1440, <c>durationDays</c>
/// 0-3660, <c>periodTimedMinutes</c> 0-527,040, <c>periodTimedUnits</c> 0-100,000, every date within 10 years of the
/// encounter's date of service (<see cref="EncounterJson.DateWindowYears"/>).
/// </summary>
internal static class DocumentationJson
{
    public const string Root = "documentation";

    private static readonly LocalDatePattern s_date = LocalDatePattern.Iso;
    private static readonly LocalTimePattern s_timeSeconds = LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss");
    private static readonly LocalTimePattern s_timeMinutes = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <param name="element">The <c>documentation</c> value.</param>
    /// <param name="diagnostics">Receives the input findings.</param>
    /// <param name="dateOfService">The encounter's date of service, which the note's dates must be near; <see langword="null"/> for the widest window.</param>
    public static TreatmentNote? Read(JsonElement element, List<Diagnostic> diagnostics, LocalDate? dateOfService = null)
    {
        Guard.NotNull(diagnostics);
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var window = dateOfService is LocalDate dos
            ? EncounterJson.DateWindow(dos)
            : (EncounterJson.DateWindow(EncounterJson.EarliestDateOfService).From, EncounterJson.DateWindow(EncounterJson.LatestDateOfService).Through);
        var r = new Reader(diagnostics, window);
        if (!r.Expect(element, JsonValueKind.Object, Root))
        {
            return null;
        }

        return new TreatmentNote
        {
            DateOfService = r.Date(element, "dateOfService", Root),
            Interventions = r.Array(element, "interventions", Root, r.Intervention),
            TotalTimedMinutes = r.Minutes(element, "totalTimedMinutes", Root, EncounterJson.MaxNoteMinutes),
            TotalTreatmentMinutes = r.Minutes(element, "totalTreatmentMinutes", Root, EncounterJson.MaxNoteMinutes),
            Signature = r.Object(element, "signature", Root, r.Signature),
            AssistantInvolved = r.Bool(element, "assistantInvolved", Root),
            Contributors = r.Array(element, "contributors", Root, r.Signature),
            Goals = r.Array(element, "goals", Root, r.Goal),
            Episode = r.Object(element, "episode", Root, r.Episode),
        };
    }

    private sealed class Reader(List<Diagnostic> diagnostics, (LocalDate From, LocalDate Through) window)
    {
        private static string Join(string path, string name) => path + "." + name;

        private static string KindName(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };

        public bool Expect(JsonElement value, JsonValueKind kind, string path) => Expect(value, kind, path, null);

        /// <summary>The same for the member <paramref name="name"/> of <paramref name="path"/> (joined only for a finding).</summary>
        private bool Expect(JsonElement value, JsonValueKind kind, string path, string? name)
        {
            bool ok = kind == JsonValueKind.True ? value.ValueKind is JsonValueKind.True or JsonValueKind.False : value.ValueKind == kind;
            if (!ok)
            {
                string at = name is null ? path : Join(path, name);
                diagnostics.Add(DiagnosticDescriptors.DocumentationWrongType.Create(at, Arg.Of("expected", KindName(kind)), Arg.Of("actual", KindName(value.ValueKind))));
            }

            return ok;
        }

        private static bool TryGet(JsonElement parent, string name, out JsonElement value) =>
            parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

        public string? String(JsonElement parent, string name, string path) =>
            TryGet(parent, name, out var v) && Expect(v, JsonValueKind.String, path, name) ? v.GetString() : null;

        public bool? Bool(JsonElement parent, string name, string path) =>
            TryGet(parent, name, out var v) && Expect(v, JsonValueKind.True, path, name) ? v.GetBoolean() : null;

        public int? Minutes(JsonElement parent, string name, string path, int max)
        {
            if (!TryGet(parent, name, out var v) || !Expect(v, JsonValueKind.Number, path, name))
            {
                return null;
            }

            if (v.TryGetInt32(out int value) && value >= 0 && value <= max)
            {
                return value;
            }

            diagnostics.Add(DiagnosticDescriptors.DocumentationBadValue.Create(
                Join(path, name), Arg.Of("expected", string.Create(CultureInfo.InvariantCulture, $"a whole number from 0 to {max}"))));
            return null;
        }

        /// <summary>Reads a date and checks it against the window around the date of service; its path is <paramref name="path"/>, or member <paramref name="name"/> of it.</summary>
        private LocalDate? InWindow(string text, string path, string? name = null)
        {
            if (!IsoText.TryParseDate(text.AsSpan(), out var date))
            {
                var result = s_date.Parse(text);
                if (!result.Success || text.Length != 10)
                {
                    diagnostics.Add(DiagnosticDescriptors.DocumentationBadDate.Create(name is null ? path : Join(path, name)));
                    return null;
                }

                date = result.Value;
            }

            if (date < window.From || date > window.Through)
            {
                string at = name is null ? path : Join(path, name);
                diagnostics.Add(DiagnosticDescriptors.DocumentationBadValue.Create(at, Arg.Of("expected", string.Create(
                    CultureInfo.InvariantCulture,
                    $"a date from {EncounterJson.FormatDate(window.From)} to {EncounterJson.FormatDate(window.Through)} (within {EncounterJson.DateWindowYears} years of the date of service)"))));
                return null;
            }

            return date;
        }

        public LocalDate? Date(JsonElement parent, string name, string path)
        {
            return String(parent, name, path) is { } text ? InWindow(text, path, name) : null;
        }

        public LocalTime? Time(JsonElement parent, string name, string path)
        {
            if (String(parent, name, path) is not { } text)
            {
                return null;
            }

            if (IsoText.TryParseTime(text.AsSpan(), out var time))
            {
                return time;
            }

            var result = text.Length > 5 ? s_timeSeconds.Parse(text) : s_timeMinutes.Parse(text);
            if (result.Success)
            {
                return result.Value;
            }

            diagnostics.Add(DiagnosticDescriptors.DocumentationBadTime.Create(Join(path, name)));
            return null;
        }

        public ClinicianRole? Role(JsonElement parent, string name, string path)
        {
            var values = s_roles;
            if (String(parent, name, path) is not { } text)
            {
                return null;
            }

            if (values.TryGetValue(text, out var value))
            {
                return value;
            }

            diagnostics.Add(DiagnosticDescriptors.DocumentationBadValue.Create(Join(path, name), Arg.Of("expected", "one of " + string.Join(", ", values.Keys.Order(StringComparer.Ordinal)))));
            return null;
        }

        public T? Object<T>(JsonElement parent, string name, string path, Func<JsonElement, string, T?> read)
            where T : class =>
            TryGet(parent, name, out var v) && Expect(v, JsonValueKind.Object, path, name) ? read(v, Join(path, name)) : null;

        public ImmutableArray<T> Array<T>(JsonElement parent, string name, string path, Func<JsonElement, string, T?> read)
        {
            if (!TryGet(parent, name, out var v) || !Expect(v, JsonValueKind.Array, path, name))
            {
                return [];
            }

            var items = ImmutableArray.CreateBuilder<T>();
            int i = 0;
            foreach (var item in v.EnumerateArray())
            {
                if (read(item, string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{i}]")) is { } value)
                {
                    items.Add(value);
                }

                i++;
            }

            return items.ToImmutable();
        }

        private static readonly Dictionary<string, ClinicianRole> s_roles = new(StringComparer.Ordinal)
        {
            ["therapist"] = ClinicianRole.Therapist,
            ["assistant"] = ClinicianRole.Assistant,
            ["physician"] = ClinicianRole.Physician,
        };

        public NoteIntervention? Intervention(JsonElement e, string path)
        {
            if (!Expect(e, JsonValueKind.Object, path))
            {
                return null;
            }

            CptCode? code = null;
            if (String(e, "code", path) is { } text)
            {
                if (CptCode.TryParse(text, out var parsed))
                {
                    code = parsed;
                }
                else
                {
                    diagnostics.Add(DiagnosticDescriptors.DocumentationBadCode.Create(Join(path, "code")));
                }
            }

            return new NoteIntervention
            {
                Code = code,
                Minutes = Minutes(e, "minutes", path, EncounterJson.MaxNoteMinutes),
                Start = Time(e, "start", path),
                End = Time(e, "end", path),
                Billed = Bool(e, "billed", path),
                Task = String(e, "task", path),
                AssistanceBefore = Object(e, "assistanceBefore", path, Level),
                AssistanceAfter = Object(e, "assistanceAfter", path, Level),
                CompensatoryStrategy = String(e, "compensatoryStrategy", path),
                AdaptiveEquipment = String(e, "adaptiveEquipment", path),
                SafetyInstruction = String(e, "safetyInstruction", path),
                PatientResponse = String(e, "patientResponse", path),
                CaregiverResponse = String(e, "caregiverResponse", path),
                GoalIds = Array(e, "goalIds", path, (g, p) => Expect(g, JsonValueKind.String, p) ? g.GetString() : null),
                OneOnOne = Bool(e, "oneOnOne", path),
                AbleToFollowInstructions = Bool(e, "ableToFollowInstructions", path),
                CaregiverOnly = Bool(e, "caregiverOnly", path),
                Narrative = String(e, "narrative", path),
            };
        }

        public AssistanceLevel Level(JsonElement e, string path) => new(String(e, "scale", path), String(e, "value", path));

        public NoteSignature? Signature(JsonElement e, string path) => !Expect(e, JsonValueKind.Object, path) ? null : new NoteSignature
        {
            IsSigned = Bool(e, "signed", path) ?? false,
            Credentials = String(e, "credentials", path),
            Role = Role(e, "role", path),
            SignedOn = Date(e, "signedOn", path),
        };

        public FunctionalGoal? Goal(JsonElement e, string path) =>
            Expect(e, JsonValueKind.Object, path) && String(e, "id", path) is { } id ? new FunctionalGoal(id) : null;

        public EpisodeContext Episode(JsonElement e, string path) => new()
        {
            FirstTreatmentDate = Date(e, "firstTreatmentDate", path),
            TreatmentDays = Array(e, "treatmentDays", path, (d, p) =>
            {
                if (!Expect(d, JsonValueKind.String, p))
                {
                    return (LocalDate?)null;
                }

                return InWindow(d.GetString()!, p);
            }).Select(static d => d!.Value).ToImmutableArray(),
            ProgressReports = Array(e, "progressReports", path, Report),
            PlanOfCare = Object(e, "planOfCare", path, Plan),
            PreviousNarrative = String(e, "previousNarrative", path),
            PeriodTimedMinutes = Minutes(e, "periodTimedMinutes", path, EncounterJson.MaxPeriodTimedMinutes),
            PeriodTimedUnits = Minutes(e, "periodTimedUnits", path, EncounterJson.MaxPeriodTimedUnits),
        };

        private ProgressReport? Report(JsonElement e, string path)
        {
            if (!Expect(e, JsonValueKind.Object, path))
            {
                return null;
            }

            bool present = TryGet(e, "date", out _);
            var date = Date(e, "date", path);
            var periodEnd = Date(e, "periodEnd", path);
            var role = Role(e, "authorRole", path);
            if (date is not LocalDate reported)
            {
                if (!present)
                {
                    diagnostics.Add(DiagnosticDescriptors.DocumentationBadValue.Create(Join(path, "date"), Arg.Of("expected", "the report's date (required)")));
                }

                return null;
            }

            return new ProgressReport(reported, role) { PeriodEnd = periodEnd };
        }

        private Period? Days(JsonElement e, string path) => Minutes(e, "durationDays", path, EncounterJson.MaxDurationDays) is int days ? Period.FromDays(days) : null;

        private PlanOfCare Plan(JsonElement e, string path) => new()
        {
            SignedOn = Date(e, "signedOn", path),
            VerbalOrderOn = Date(e, "verbalOrderOn", path),
            Duration = Days(e, path),
            DelayReasonDocumented = Bool(e, "delayReasonDocumented", path) ?? false,
            Recertifications = Array(e, "recertifications", path, (r, p) => !Expect(r, JsonValueKind.Object, p) ? null : new Recertification(Date(r, "signedOn", p))
            {
                Duration = Days(r, p),
                DelayReasonDocumented = Bool(r, "delayReasonDocumented", p) ?? false,
            }),
        };
    }
}
