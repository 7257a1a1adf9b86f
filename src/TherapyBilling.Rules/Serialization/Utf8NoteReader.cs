using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// The fast path's reader of the <c>documentation</c> section (<see cref="Utf8EncounterReader"/>): one pass of the
/// <see cref="Utf8JsonReader"/> over the note, building the same <see cref="TreatmentNote"/> as
/// <see cref="DocumentationJson"/>. It answers <see langword="null"/> (the caller falls back to the element path) on
/// anything that path would report or treats in a way of its own: an unknown, escaped or repeated property, a value of
/// a wrong type or out of range, an escaped or unusual date, time, code or role, a null item in an array, a goal
/// without an id, a progress report without a date.
/// </summary>
/// <remarks>
/// <para>Free text the model keeps (task, narrative, credentials, goal ids...) becomes one string, straight from the
/// bytes; dates, times, numbers, booleans and roles become no string at all; codes and the usual scale names, levels
/// and credentials are shared instances.</para>
/// <para>The note's dates must lie within <see cref="EncounterJson.DateWindow"/> of the encounter's date of service,
/// which may come after the note in the record: they are collected in <see cref="NoteDates"/> and checked once the
/// record is read.</para>
/// <para>Thread-safe (no shared mutable state).</para>
/// </remarks>
internal static class Utf8NoteReader
{
    private delegate T? ItemReader<T>(ref Utf8JsonReader reader, ref NoteDates dates);

    private static readonly byte[][] s_noteFields = Names("dateOfService", "interventions", "totalTimedMinutes", "totalTreatmentMinutes", "signature", "assistantInvolved", "contributors", "goals", "episode");
    private static readonly byte[][] s_interventionFields = Names(
        "code", "minutes", "start", "end", "billed", "task", "assistanceBefore", "assistanceAfter", "compensatoryStrategy", "adaptiveEquipment",
        "safetyInstruction", "patientResponse", "caregiverResponse", "goalIds", "oneOnOne", "ableToFollowInstructions", "caregiverOnly", "narrative");
    private static readonly byte[][] s_levelFields = Names("scale", "value");
    private static readonly byte[][] s_signatureFields = Names("signed", "credentials", "role", "signedOn");
    private static readonly byte[][] s_goalFields = Names("id");
    private static readonly byte[][] s_episodeFields = Names("firstTreatmentDate", "treatmentDays", "progressReports", "planOfCare", "previousNarrative", "periodTimedMinutes", "periodTimedUnits");
    private static readonly byte[][] s_reportFields = Names("date", "periodEnd", "authorRole");
    private static readonly byte[][] s_planFields = Names("signedOn", "verbalOrderOn", "durationDays", "delayReasonDocumented", "recertifications");
    private static readonly byte[][] s_recertificationFields = Names("signedOn", "durationDays", "delayReasonDocumented");

    /// <summary>Texts most notes repeat (scale names, levels, credentials): one shared string each instead of one per note.</summary>
    private static readonly string[] s_commonTexts =
    [
        "FIM", "GG", "descriptive", "1", "2", "3", "4", "5", "6", "7", "01", "02", "03", "04", "05", "06",
        "independent", "modified independent", "supervision", "minimal assistance", "moderate assistance", "maximal assistance", "dependent",
        "PT", "PTA", "DPT", "PT, DPT", "OT", "OTR/L", "OTR", "COTA", "COTA/L", "OTA", "SLP", "CCC-SLP", "MS, CCC-SLP",
    ];

    private static readonly byte[][] s_commonTextBytes = Names(s_commonTexts);

    /// <summary>Reads the note; the reader is on its <see cref="JsonTokenType.StartObject"/> and ends on its <see cref="JsonTokenType.EndObject"/>.</summary>
    /// <returns>The note, or <see langword="null"/> when the element path must read the record.</returns>
    public static TreatmentNote? Read(ref Utf8JsonReader reader, ref NoteDates dates)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        LocalDate? dateOfService = null;
        ImmutableArray<NoteIntervention> interventions = [];
        int? totalTimed = null, totalTreatment = null;
        NoteSignature? signature = null;
        bool? assistantInvolved = null;
        ImmutableArray<NoteSignature> contributors = [];
        ImmutableArray<FunctionalGoal> goals = [];
        EpisodeContext? episode = null;
        int seen = 0;
        while (NextField(ref reader, s_noteFields, ref seen, out int field))
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue; // null is an absent field, as in the element path
            }

            bool ok = field switch
            {
                0 => TryReadDate(ref reader, ref dates, out dateOfService),
                1 => TryReadArray(ref reader, ref dates, s_readIntervention, out interventions),
                2 => Utf8EncounterReader.TryReadWholeNumber(ref reader, EncounterJson.MaxNoteMinutes, out totalTimed),
                3 => Utf8EncounterReader.TryReadWholeNumber(ref reader, EncounterJson.MaxNoteMinutes, out totalTreatment),
                4 => (signature = ReadSignature(ref reader, ref dates)) is not null,
                5 => TryReadBool(ref reader, out assistantInvolved),
                6 => TryReadArray(ref reader, ref dates, s_readSignature, out contributors),
                7 => TryReadArray(ref reader, ref dates, s_readGoal, out goals),
                8 => (episode = ReadEpisode(ref reader, ref dates)) is not null,
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        return reader.TokenType != JsonTokenType.EndObject ? null : new TreatmentNote
        {
            DateOfService = dateOfService,
            Interventions = interventions,
            TotalTimedMinutes = totalTimed,
            TotalTreatmentMinutes = totalTreatment,
            Signature = signature,
            AssistantInvolved = assistantInvolved,
            Contributors = contributors,
            Goals = goals,
            Episode = episode,
        };
    }

    // Cached delegates of the item readers (one instance each for the process, not one per call).
    private static readonly ItemReader<NoteIntervention> s_readIntervention = ReadIntervention;
    private static readonly ItemReader<NoteSignature> s_readSignature = ReadSignature;
    private static readonly ItemReader<FunctionalGoal> s_readGoal = ReadGoal;
    private static readonly ItemReader<string> s_readGoalId = ReadGoalId;
    private static readonly ItemReader<ProgressReport> s_readReport = ReadReport;
    private static readonly ItemReader<Recertification> s_readRecertification = ReadRecertification;

    private static NoteIntervention? ReadIntervention(ref Utf8JsonReader reader, ref NoteDates dates)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        CptCode code = default;
        int? minutes = null;
        LocalTime? start = null, end = null;
        bool? billed = null, oneOnOne = null, ableToFollow = null, caregiverOnly = null;
        string? task = null, strategy = null, equipment = null, safety = null, patientResponse = null, caregiverResponse = null, narrative = null;
        AssistanceLevel? before = null, after = null;
        ImmutableArray<string> goalIds = [];
        int seen = 0;
        while (NextField(ref reader, s_interventionFields, ref seen, out int field))
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            bool ok = field switch
            {
                0 => Utf8EncounterReader.TryReadCode(ref reader, out code),
                1 => Utf8EncounterReader.TryReadWholeNumber(ref reader, EncounterJson.MaxNoteMinutes, out minutes),
                2 => (start = Utf8EncounterReader.ReadTime(ref reader)) is not null,
                3 => (end = Utf8EncounterReader.ReadTime(ref reader)) is not null,
                4 => TryReadBool(ref reader, out billed),
                5 => TryReadText(ref reader, out task),
                6 => (before = ReadLevel(ref reader)) is not null,
                7 => (after = ReadLevel(ref reader)) is not null,
                8 => TryReadText(ref reader, out strategy),
                9 => TryReadText(ref reader, out equipment),
                10 => TryReadText(ref reader, out safety),
                11 => TryReadText(ref reader, out patientResponse),
                12 => TryReadText(ref reader, out caregiverResponse),
                13 => TryReadArray(ref reader, ref dates, s_readGoalId, out goalIds),
                14 => TryReadBool(ref reader, out oneOnOne),
                15 => TryReadBool(ref reader, out ableToFollow),
                16 => TryReadBool(ref reader, out caregiverOnly),
                17 => TryReadText(ref reader, out narrative),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        return reader.TokenType != JsonTokenType.EndObject ? null : new NoteIntervention
        {
            Code = code.IsDefault ? null : code,
            Minutes = minutes,
            Start = start,
            End = end,
            Billed = billed,
            Task = task,
            AssistanceBefore = before,
            AssistanceAfter = after,
            CompensatoryStrategy = strategy,
            AdaptiveEquipment = equipment,
            SafetyInstruction = safety,
            PatientResponse = patientResponse,
            CaregiverResponse = caregiverResponse,
            GoalIds = goalIds,
            OneOnOne = oneOnOne,
            AbleToFollowInstructions = ableToFollow,
            CaregiverOnly = caregiverOnly,
            Narrative = narrative,
        };
    }

    private static AssistanceLevel? ReadLevel(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? scale = null, value = null;
        int seen = 0;
        while (NextField(ref reader, s_levelFields, ref seen, out int field))
        {
            if (reader.TokenType != JsonTokenType.Null && !TryReadText(ref reader, out (field == 0 ? ref scale : ref value)))
            {
                return null;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject ? new AssistanceLevel(scale, value) : null;
    }

    private static NoteSignature? ReadSignature(ref Utf8JsonReader reader, ref NoteDates dates)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        bool? signed = null;
        string? credentials = null;
        ClinicianRole? role = null;
        LocalDate? signedOn = null;
        int seen = 0;
        while (NextField(ref reader, s_signatureFields, ref seen, out int field))
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            bool ok = field switch
            {
                0 => TryReadBool(ref reader, out signed),
                1 => TryReadText(ref reader, out credentials),
                2 => TryReadRole(ref reader, out role),
                3 => TryReadDate(ref reader, ref dates, out signedOn),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        return reader.TokenType != JsonTokenType.EndObject ? null : new NoteSignature
        {
            IsSigned = signed ?? false,
            Credentials = credentials,
            Role = role,
            SignedOn = signedOn,
        };
    }

    /// <summary>A goal with an id (the element path drops a goal without one, silently: that record takes it).</summary>
    private static FunctionalGoal? ReadGoal(ref Utf8JsonReader reader, ref NoteDates dates)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? id = null;
        int seen = 0;
        while (NextField(ref reader, s_goalFields, ref seen, out _))
        {
            if (reader.TokenType != JsonTokenType.Null && !TryReadText(ref reader, out id))
            {
                return null;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && id is not null ? new FunctionalGoal(id) : null;
    }

    private static string? ReadGoalId(ref Utf8JsonReader reader, ref NoteDates dates) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString() : null;

    private static EpisodeContext? ReadEpisode(ref Utf8JsonReader reader, ref NoteDates dates)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        LocalDate? first = null;
        ImmutableArray<LocalDate> days = [];
        ImmutableArray<ProgressReport> reports = [];
        PlanOfCare? plan = null;
        string? previous = null;
        int? periodMinutes = null, periodUnits = null;
        int seen = 0;
        while (NextField(ref reader, s_episodeFields, ref seen, out int field))
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            bool ok = field switch
            {
                0 => TryReadDate(ref reader, ref dates, out first),
                1 => TryReadDays(ref reader, ref dates, out days),
                2 => TryReadArray(ref reader, ref dates, s_readReport, out reports),
                3 => (plan = ReadPlan(ref reader, ref dates)) is not null,
                4 => TryReadText(ref reader, out previous),
                5 => Utf8EncounterReader.TryReadWholeNumber(ref reader, EncounterJson.MaxPeriodTimedMinutes, out periodMinutes),
                6 => Utf8EncounterReader.TryReadWholeNumber(ref reader, EncounterJson.MaxPeriodTimedUnits, out periodUnits),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        return reader.TokenType != JsonTokenType.EndObject ? null : new EpisodeContext
        {
            FirstTreatmentDate = first,
            TreatmentDays = days,
            ProgressReports = reports,
            PlanOfCare = plan,
            PreviousNarrative = previous,
            PeriodTimedMinutes = periodMinutes,
            PeriodTimedUnits = periodUnits,
        };
    }

    /// <summary>A report with its date (a missing date is a finding of the element path).</summary>
    private static ProgressReport? ReadReport(ref Utf8JsonReader reader, ref NoteDates dates)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        LocalDate? date = null, periodEnd = null;
        ClinicianRole? role = null;
        int seen = 0;
        while (NextField(ref reader, s_reportFields, ref seen, out int field))
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            bool ok = field switch
            {
                0 => TryReadDate(ref reader, ref dates, out date),
                1 => TryReadDate(ref reader, ref dates, out periodEnd),
                2 => TryReadRole(ref reader, out role),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && date is LocalDate reported ? new ProgressReport(reported, role) { PeriodEnd = periodEnd } : null;
    }

    private static PlanOfCare? ReadPlan(ref Utf8JsonReader reader, ref NoteDates dates)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        LocalDate? signedOn = null, verbalOrderOn = null;
        int? durationDays = null;
        bool? delayReason = null;
        ImmutableArray<Recertification> recertifications = [];
        int seen = 0;
        while (NextField(ref reader, s_planFields, ref seen, out int field))
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            bool ok = field switch
            {
                0 => TryReadDate(ref reader, ref dates, out signedOn),
                1 => TryReadDate(ref reader, ref dates, out verbalOrderOn),
                2 => Utf8EncounterReader.TryReadWholeNumber(ref reader, EncounterJson.MaxDurationDays, out durationDays),
                3 => TryReadBool(ref reader, out delayReason),
                4 => TryReadArray(ref reader, ref dates, s_readRecertification, out recertifications),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        return reader.TokenType != JsonTokenType.EndObject ? null : new PlanOfCare
        {
            SignedOn = signedOn,
            VerbalOrderOn = verbalOrderOn,
            Duration = durationDays is int days ? Period.FromDays(days) : null,
            DelayReasonDocumented = delayReason ?? false,
            Recertifications = recertifications,
        };
    }

    private static Recertification? ReadRecertification(ref Utf8JsonReader reader, ref NoteDates dates)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        LocalDate? signedOn = null;
        int? durationDays = null;
        bool? delayReason = null;
        int seen = 0;
        while (NextField(ref reader, s_recertificationFields, ref seen, out int field))
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            bool ok = field switch
            {
                0 => TryReadDate(ref reader, ref dates, out signedOn),
                1 => Utf8EncounterReader.TryReadWholeNumber(ref reader, EncounterJson.MaxDurationDays, out durationDays),
                2 => TryReadBool(ref reader, out delayReason),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        return reader.TokenType != JsonTokenType.EndObject ? null : new Recertification(signedOn)
        {
            Duration = durationDays is int days ? Period.FromDays(days) : null,
            DelayReasonDocumented = delayReason ?? false,
        };
    }

    /// <summary>
    /// Moves to the next property of the current object and onto its value. <see langword="false"/> at the end of the
    /// object (the reader is then on its <see cref="JsonTokenType.EndObject"/>) and also on a property that is
    /// escaped, unknown or repeated (the reader is then on that name, which the caller's end-of-object test rejects).
    /// </summary>
    private static bool NextField(ref Utf8JsonReader reader, byte[][] names, ref int seen, out int field)
    {
        field = -1;
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped)
        {
            return false;
        }

        field = IndexOf(names, reader.ValueSpan);
        if (field < 0 || (seen & (1 << field)) != 0 || !reader.Read())
        {
            return false;
        }

        seen |= 1 << field;
        return true;
    }

    private static int IndexOf(byte[][] names, ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Reads an array; each item must be read by <paramref name="read"/> (a null item is a finding of the element path).
    /// One item, the usual case, is kept without a builder.
    /// </summary>
    private static bool TryReadArray<T>(ref Utf8JsonReader reader, ref NoteDates dates, ItemReader<T> read, out ImmutableArray<T> items)
        where T : class
    {
        items = [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        T? first = null;
        ImmutableArray<T>.Builder? more = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (read(ref reader, ref dates) is not { } item)
            {
                return false;
            }

            if (first is null)
            {
                first = item;
            }
            else
            {
                more ??= ImmutableArray.CreateBuilder<T>(4);
                if (more.Count == 0)
                {
                    more.Add(first);
                }

                more.Add(item);
            }
        }

        items = more is not null ? (more.Count == more.Capacity ? more.MoveToImmutable() : more.ToImmutable())
            : first is not null ? ImmutableArray.Create(first)
            : [];
        return true;
    }

    private static bool TryReadDays(ref Utf8JsonReader reader, ref NoteDates dates, out ImmutableArray<LocalDate> days)
    {
        days = [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        ImmutableArray<LocalDate>.Builder? builder = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryReadDate(ref reader, ref dates, out var day))
            {
                return false;
            }

            builder ??= ImmutableArray.CreateBuilder<LocalDate>(8);
            builder.Add(day!.Value);
        }

        days = builder is null ? [] : builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable();
        return true;
    }

    /// <summary>A string as the element path reads it (unescaped); a common text is the shared instance.</summary>
    private static bool TryReadText(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (!reader.ValueIsEscaped && reader.ValueSpan.Length <= 20)
        {
            int common = IndexOf(s_commonTextBytes, reader.ValueSpan);
            if (common >= 0)
            {
                text = s_commonTexts[common];
                return true;
            }
        }

        text = reader.GetString();
        return true;
    }

    private static bool TryReadBool(ref Utf8JsonReader reader, out bool? value)
    {
        value = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return value is not null;
    }

    /// <summary>A role exactly as the element path names it (ordinal: <c>"Therapist"</c> is a finding there).</summary>
    private static bool TryReadRole(ref Utf8JsonReader reader, out ClinicianRole? role)
    {
        role = null;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }

        var text = reader.ValueSpan;
        role = text.SequenceEqual("therapist"u8) ? ClinicianRole.Therapist
            : text.SequenceEqual("assistant"u8) ? ClinicianRole.Assistant
            : text.SequenceEqual("physician"u8) ? ClinicianRole.Physician
            : null;
        return role is not null;
    }

    /// <summary>An unescaped <c>yyyy-MM-dd</c> date, noted in <paramref name="dates"/> for the window check.</summary>
    private static bool TryReadDate(ref Utf8JsonReader reader, ref NoteDates dates, out LocalDate? date)
    {
        date = null;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.ValueSpan.Length != 10)
        {
            return false;
        }

        Span<char> chars = stackalloc char[10];
        var bytes = reader.ValueSpan;
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }

        if (!IsoText.TryParseDate(chars, out var parsed))
        {
            return false;
        }

        dates.Add(parsed);
        date = parsed;
        return true;
    }

    private static byte[][] Names(params string[] names)
    {
        var bytes = new byte[names.Length][];
        for (int i = 0; i < names.Length; i++)
        {
            bytes[i] = System.Text.Encoding.UTF8.GetBytes(names[i]);
        }

        return bytes;
    }
}
