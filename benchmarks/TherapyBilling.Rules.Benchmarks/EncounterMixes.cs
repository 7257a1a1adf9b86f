using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;

namespace TherapyBilling.Rules.Benchmarks;

/// <summary>
/// Realistic encounter mixes for the benchmarks: a day of outpatient therapy with 1, 3, 6 or 12 treatment segments,
/// either with start/end times or with minutes only, as the EMR sends them (JSON input contract v1).
/// </summary>
/// <remarks>
/// <para>The codes cycle through the common timed PT/OT codes with the 97535 focus first; with 12 segments every code
/// is split into two segments, as when a session returns to an activity. Minutes range 5 to 33, so the CMS
/// allocation has leftovers to distribute, lone short services and ties. With times, segments follow each other from
/// 08:00 with a 2-minute gap. The billed lines carry the units the CMS rule gives, the discipline modifier GO, and
/// XU on the column-2 code of each PTP edit of the default table between two billed codes (so a mix without times gets the "no time evidence" warning, as such claims do). The note documents
/// every segment; 97535 interventions carry every self-care element.</para>
/// <para>Every mix is built deterministically: the same arguments always give the same JSON and the same encounter.</para>
/// </remarks>
internal static class EncounterMixes
{
    public static readonly LocalDate DateOfService = new(2026, 3, 10);

    /// <summary>The segment counts the issue asks for.</summary>
    public static readonly int[] SegmentCounts = [1, 3, 6, 12];

    private static readonly string[] s_codes = ["97535", "97530", "97110", "97112", "97140", "97116", "97535", "97530", "97110", "97112", "97140", "97116"];
    private static readonly int[] s_minutes = [24, 23, 7, 13, 8, 18, 10, 33, 5, 20, 16, 9];

    /// <summary>Gets the segments of a mix.</summary>
    public static TreatmentSegment[] Segments(int count, bool withTimes)
    {
        var segments = new TreatmentSegment[count];
        var start = new LocalTime(8, 0);
        for (int i = 0; i < count; i++)
        {
            var code = CptCode.Parse(s_codes[i]);
            int minutes = s_minutes[i];
            var end = start.PlusMinutes(minutes);
            segments[i] = (withTimes ? TreatmentSegment.FromTimes(code, start, end) : TreatmentSegment.FromMinutes(code, minutes))
                with { Modifiers = [Modifier.GO] };
            start = end.PlusMinutes(2);
        }

        return segments;
    }

    /// <summary>
    /// Gets the billed lines of a mix: the CMS units per code with GO, and XU on the column-2 code of every default
    /// PTP edit between two billed codes (distinct time intervals, as the segments show when they carry times).
    /// </summary>
    public static BilledLine[] BilledLines(int count)
    {
        var units = UnitCalculator.Calculate(Segments(count, withTimes: false), UnitMethod.Cms);
        var billed = units.Lines.Where(l => l.Units > 0).Select(l => l.Code).ToList();
        return [.. billed.Select(code => new BilledLine(code, units.Lines.Single(l => l.Code == code).Units, IsColumn2(code, billed) ? [Modifier.GO, Modifier.XU] : [Modifier.GO]))];
    }

    private static bool IsColumn2(CptCode code, List<CptCode> billed) =>
        billed.Any(other => other != code && PtpEditTable.Default.FindInForce(other, code, DateOfService) is not null);

    /// <summary>Gets an encounter of a mix, built through the API (no note).</summary>
    public static Encounter Encounter(int count, bool withTimes) =>
        new("enc-" + count.ToString(CultureInfo.InvariantCulture), DateOfService, Segments(count, withTimes))
        {
            Method = UnitMethod.Cms,
            Discipline = Discipline.OccupationalTherapy,
            BilledLines = [.. BilledLines(count)],
        };

    /// <summary>Parses one JSON record into an encounter; throws when the record has input diagnostics.</summary>
    public static Encounter Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var read = EncounterJson.Read(document.RootElement);
        return read.Encounter is { } encounter && read.Diagnostics.IsEmpty
            ? encounter
            : throw new InvalidOperationException("Benchmark input is not clean: " + string.Join("; ", read.Diagnostics));
    }

    /// <summary>
    /// Writes one encounter of a mix as a single-line JSON record (input contract v1), with the payer and, when asked,
    /// the treatment note.
    /// </summary>
    public static string Json(string id, int count, bool withTimes, bool withNote)
    {
        var lines = BilledLines(count);
        var sb = new StringBuilder(4096);
        sb.Append(CultureInfo.InvariantCulture, $$"""{"id":"{{id}}","dateOfService":"2026-03-10","method":"cms","discipline":"OT","payer":"medicare","segments":[""");
        var start = new LocalTime(8, 0);
        for (int i = 0; i < count; i++)
        {
            sb.Append(i == 0 ? "{" : ",{").Append(CultureInfo.InvariantCulture, $"\"code\":\"{s_codes[i]}\",");
            AppendTime(sb, withTimes, ref start, s_minutes[i]);
            sb.Append(",\"modifiers\":[\"GO\"]}");
        }

        sb.Append("],\"lines\":[");
        for (int i = 0; i < lines.Length; i++)
        {
            sb.Append(i == 0 ? "{" : ",{")
              .Append(CultureInfo.InvariantCulture, $"\"code\":\"{lines[i].Code}\",\"units\":{lines[i].Units},\"modifiers\":[")
              .AppendJoin(',', lines[i].Modifiers.Select(m => "\"" + m + "\""))
              .Append("]}");
        }

        sb.Append(']');
        if (withNote)
        {
            AppendNote(sb, count, withTimes);
        }

        return sb.Append('}').ToString();
    }

    /// <summary>
    /// Builds an in-memory NDJSON export of <paramref name="encounters"/> records in a realistic batch mix:
    /// 1, 3, 6 and 12 segments in the proportions 2:4:3:1, times on every other record, a note on two records in three.
    /// </summary>
    public static byte[] Ndjson(int encounters) => Ndjson(encounters, NoteOnTwoInThree);

    /// <summary>The same batch mix with the note on the records <paramref name="withNote"/> selects (by index).</summary>
    public static byte[] Ndjson(int encounters, Func<int, bool> withNote)
    {
        using var stream = new MemoryStream();
        WriteNdjson(stream, encounters, withNote);
        return stream.ToArray();
    }

    /// <summary>A note on two records in three (the default batch mix).</summary>
    public static bool NoteOnTwoInThree(int index) => index % 3 != 0;

    /// <summary>A note on every record.</summary>
    public static bool NoteOnEvery(int index) => true;

    /// <summary>No note on any record.</summary>
    public static bool NoteOnNone(int index) => false;

    /// <summary>Writes the NDJSON export of <see cref="Ndjson(int)"/> to a stream (UTF-8, one record per line).</summary>
    public static void WriteNdjson(Stream stream, int encounters) => WriteNdjson(stream, encounters, NoteOnTwoInThree);

    /// <summary>Writes the batch mix with the note on the records <paramref name="withNote"/> selects.</summary>
    public static void WriteNdjson(Stream stream, int encounters, Func<int, bool> withNote)
    {
        int[] pattern = [1, 3, 3, 6, 3, 6, 1, 3, 6, 12];
        var cache = new Dictionary<(int, bool, bool), string>();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            for (int i = 0; i < encounters; i++)
            {
                var key = (pattern[i % pattern.Length], i % 2 == 0, withNote(i));
                if (!cache.TryGetValue(key, out var template))
                {
                    template = Json("@ID@", key.Item1, key.Item2, key.Item3);
                    cache.Add(key, template);
                }

                writer.WriteLine(template.Replace("@ID@", "enc-" + i.ToString("D7", CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }
        }
    }

    private static void AppendTime(StringBuilder sb, bool withTimes, ref LocalTime start, int minutes)
    {
        if (withTimes)
        {
            var end = start.PlusMinutes(minutes);
            sb.Append(CultureInfo.InvariantCulture, $"\"start\":\"{start:HH:mm}\",\"end\":\"{end:HH:mm}\"");
            start = end.PlusMinutes(2);
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"\"minutes\":{minutes}");
        }
    }

    private static void AppendNote(StringBuilder sb, int count, bool withTimes)
    {
        int timed = s_minutes.Take(count).Sum();
        sb.Append(",\"documentation\":{\"dateOfService\":\"2026-03-10\",\"interventions\":[");
        var start = new LocalTime(8, 0);
        for (int i = 0; i < count; i++)
        {
            sb.Append(i == 0 ? "{" : ",{").Append(CultureInfo.InvariantCulture, $"\"code\":\"{s_codes[i]}\",");
            AppendTime(sb, withTimes, ref start, s_minutes[i]);
            sb.Append(",\"billed\":true,\"goalIds\":[\"STG1\"],\"oneOnOne\":true");
            if (s_codes[i] == "97535")
            {
                sb.Append(SelfCareElements);
            }
            else
            {
                sb.Append(",\"narrative\":\"Therapeutic intervention toward STG1 with verbal and tactile cues; patient tolerated well.\"");
            }

            sb.Append('}');
        }

        sb.Append(CultureInfo.InvariantCulture, $"],\"totalTimedMinutes\":{timed},\"totalTreatmentMinutes\":{timed + 5},");
        sb.Append(NoteTail);
    }

    /// <summary>Every element a 97535 intervention documents (rules reference §3), as in the documentation sample.</summary>
    internal const string SelfCareElements =
        ",\"task\":\"lower-body dressing\",\"assistanceBefore\":{\"scale\":\"FIM\",\"value\":\"3\"},\"assistanceAfter\":{\"scale\":\"FIM\",\"value\":\"4\"}" +
        ",\"compensatoryStrategy\":\"hemi-dressing sequence, affected side first\",\"adaptiveEquipment\":\"reacher, sock aid\"" +
        ",\"safetyInstruction\":\"seated at edge of bed, feet flat, brakes locked\",\"patientResponse\":\"teach-back correct after two verbal cues\"" +
        ",\"ableToFollowInstructions\":true,\"caregiverOnly\":false" +
        ",\"narrative\":\"Trained lower body dressing seated at edge of bed using reacher and sock aid; taught hemi dressing sequence affected side first; patient needed two verbal cues, then completed pants with setup only.\"";

    /// <summary>Signature, goals and the episode: progress report and plan of care in order.</summary>
    internal const string NoteTail =
        "\"signature\":{\"signed\":true,\"credentials\":\"OTR/L\",\"role\":\"therapist\",\"signedOn\":\"2026-03-10\"},\"assistantInvolved\":false,\"contributors\":[]" +
        ",\"goals\":[{\"id\":\"STG1\"},{\"id\":\"LTG1\"}]" +
        ",\"episode\":{\"firstTreatmentDate\":\"2026-03-02\",\"treatmentDays\":[\"2026-03-02\",\"2026-03-04\",\"2026-03-06\",\"2026-03-09\"]" +
        ",\"progressReports\":[{\"date\":\"2026-03-06\",\"authorRole\":\"therapist\"}]" +
        ",\"planOfCare\":{\"signedOn\":\"2026-03-05\",\"durationDays\":60,\"delayReasonDocumented\":false,\"recertifications\":[]}" +
        ",\"previousNarrative\":\"Trained upper body dressing with one-handed technique; patient required minimal assistance and two cues for sequencing.\"" +
        ",\"periodTimedMinutes\":140,\"periodTimedUnits\":9}}";
}
