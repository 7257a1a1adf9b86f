using System.Collections.Immutable;
using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TherapyBilling.Rules.Tests.Serialization;

/// <summary>
/// <see cref="EncounterJson.Read(ReadOnlySpan{byte}, EncounterReadOptions?)"/> gives exactly what the element path
/// gives (same encounter, diagnostics, paths, exceptions) for generated records, valid and mutated; and its fast path
/// is taken for the well-formed ones.
/// </summary>
public sealed class EncounterJsonUtf8Tests
{
    // Each field: values the fast path reads first (valid), then values it must leave to the element path.
    private static readonly string[] Ids = ["\"e1\"", "\"enc-0000042\"", "\"a\\u0062c\"", "\"\"", "null", "5", "\"\\ud800\""];
    private static readonly string[] Dates = ["\"2026-03-10\"", "\"2024-02-29\"", "\"1900-01-01\"", "\"2199-12-31\"", "\"2026-02-29\"", "\"1899-12-31\"", "\"2200-01-01\"", "\"2026-3-10\"", "\"2026-13-01\"", "\"2026\\u002d03-10\"", "\" 2026-03-10\"", "null", "20260310"];
    private static readonly string[] Methods = ["\"cms\"", "\"AMA\"", "\"Cms\"", "null", "\"xyz\"", "3", "\"c\\u006ds\"", "\"cm\u017f\""];
    private static readonly string[] Disciplines = ["\"PT\"", "\"ot\"", "\"Slp\"", "null", "\"ST\"", "[]", "\"\u017flp\""];
    private static readonly string[] Codes = ["\"97530\"", "\"97110\"", "\"g0283\"", "\"97535\"", "\" 97110\"", "\"9753\"", "\"ABCDE\"", "null", "97530", "\"9753\\u0030\"", "\"\u00e97530\""];
    private static readonly string[] Minutes = ["23", "0", "1440", "8", "1441", "-1", "20.0", "-0", "2e1", "\"20\"", "null", "20.5"];
    private static readonly string[] Starts = ["\"08:00\"", "\"08:00:30\"", "\"23:59\"", "\"24:00\"", "\"8:00\"", "\"08:60\"", "null", "800"];
    private static readonly string[] Ends = ["\"08:23\"", "\"08:53:59\"", "\"07:00\"", "\"08:23:60\"", "\"08-23\"", "null"];
    private static readonly string[] ModifierLists = ["[]", "[\"GO\"]", "[\"go\",\"59\"]", "[\"XU\",\"GP\",\"KX\"]", "null", "[\"G\"]", "[\" GO\"]", "[1]", "\"GO\"", "[\"G\\u004f\"]",
        "[\"GO\",1]", "[\"GO\",[\"GP\"]]", "[\"GO\",null]", "[\"9z\",\"AB\",\"0A\",\"ZZ\"]", "[{\"m\":\"GO\"}]", "[\"GO\",\"GO\"]", "[\"GP\",\"gp\"]"];
    private static readonly string[] Regions = ["\"lumbar\"", "\"  \"", "\" left shoulder \"", "null", "4"];
    private static readonly string[] Roles = ["\"therapist\"", "\"ASSISTANT\"", "null", "\"aide\"", "1", "\"therap\u0131st\""];
    private static readonly string[] AssistantMinutes = ["5", "0", "null", "-1", "100000", "\"5\"", "5.0"];
    private static readonly string[] Units = ["1", "0", "999", "2", "1000", "1.0", "null", "\"2\"", "-1"];
    private static readonly string[] Payers = ["\"medicare\"", "\"aetna\"", "null", "\"\"", "1"];
    private static readonly string[] Booleans = ["true", "false", "null", "\"yes\"", "0"];
    private static readonly string[] Places = ["\"11\"", "\"02\"", "null", "\"1\"", "\"ab\"", "11", "\"1\\u0031\""];
    private static readonly string[] Amounts = ["120.50", "0", "0.00", "9999999.99", "120.500", "null", "-0", "-0.00", "10000000", "1e2", "-1", "\"5\"", "1.2.3"];
    private static readonly string[] Notes =
    [
        """{"dateOfService":"2026-03-10","signature":{"signed":true,"credentials":"OTR/L","role":"therapist","signedOn":"2026-03-10"},"goals":[{"id":"STG1"}],"interventions":[{"code":"97535","minutes":23,"billed":true,"goalIds":["STG1"],"task":"lower-body dressing","narrative":"Trained dressing."}],"totalTimedMinutes":23}""",
        "{}",
        "null",
        "[]",
        """{"bogus":1}""",
        """{"dateOfService":"2026-03-11"}""",
        """{"interventions":[{"code":"9753"}]}""",
    ];

    private static readonly string[] Authorizations =
    [
        """{"id":"A1","visits":12,"from":"2026-01-01","through":"2026-06-30"}""",
        """{"id":"A1","visits":12,"from":"2026-01-01","through":"2026-06-30","visitsUsed":3,"payer":"medicare","discipline":"OT","codes":["97530"]}""",
        "null",
        "{}",
        "[]",
        """{"id":"A1","visits":12,"from":"2026-01-01","through":"2026-06-30","extra":1}""",
        """{"id":"A1","visits":12,"from":"2036-01-01","through":"2036-06-30"}""",
    ];

    // Note fields: valid values first, then values the element path reports or reads its own way.
    private static readonly string[] NoteDates = ["\"2026-03-10\"", "\"2026-03-01\"", "\"2020-01-15\"", "\"2036-03-11\"", "\"2026-02-30\"", "\"2026-3-1\"", "\"2026\\u002d03-10\"", "\" 2026-03-10\"", "5", "\"0000-01-01\""];
    private static readonly string[] NoteMinutes = ["23", "0", "1440", "1441", "-1", "20.0", "\"5\"", "2e1"];
    private static readonly string[] NoteBooleans = ["true", "false", "\"yes\"", "0", "{}"];
    private static readonly string[] NoteTexts = ["\"lower-body dressing\"", "\"FIM\"", "\"caf\\u00e9 r\u00e9sum\u00e9\"", "\"\"", "\"Patient donned shirt with minimal assistance after training.\"", "5", "\"\\ud800\"", "[]"];
    private static readonly string[] NoteRoles = ["\"therapist\"", "\"assistant\"", "\"physician\"", "\"Therapist\"", "\"aide\"", "\"the\\u0072apist\"", "1"];
    private static readonly string[] NoteCodes = ["\"97535\"", "\"97530\"", "\"g0283\"", "\"9753\"", "\" 97535\"", "97535", "\"9753\\u0035\""];
    private static readonly string[] GoalIdValues = ["\"STG1\"", "\"LTG2\"", "\"g\\u0031\"", "null", "1"];
    private static readonly string[] PeriodMinutes = ["120", "0", "527040", "527041", "-1", "1.5"];
    private static readonly string[] PeriodUnits = ["8", "0", "100000", "100001", "-1"];
    private static readonly string[] DurationDays = ["90", "0", "3660", "3661", "90.5", "-1"];

    /// <summary>A note object: every member optional (null sometimes), and now and then an unknown, escaped or repeated member.</summary>
    private static Gen<string> NoteObject(params Gen<string?>[] members) =>
        Gen.CollectToArray(members).SelectMany(list => Gen.Shuffle(list.ToArray().Where(m => m is not null).Cast<string>().ToArray()))
            .SelectMany(items => Gen.Frequency(
                (40, Gen.Constant(items.ToArray())),
                (1, Gen.Elements("\"extra\":1", "\"Code\":null").Select(u => items.Append(u).ToArray())),
                (1, Gen.Constant(items.Concat(items.Take(1)).ToArray())),
                (1, Gen.Constant(items.Select(m => m.StartsWith("\"code\"", StringComparison.Ordinal) ? "\"c\\u006fde\"" + m[6..] : m).ToArray()))))
            .Select(items => "{" + string.Join(",", items) + "}");

    /// <summary>A value of a note field: nearly always a valid one (a note has many fields, and a clean note must be common).</summary>
    private static Gen<string> NoteValue(string[] values, int valid) =>
        Gen.Frequency((30, Gen.Elements(values.Take(valid).ToArray())), (1, Gen.Elements(values)));

    /// <summary>A note member: absent with the given weight out of 10, null sometimes, else a value (mostly valid).</summary>
    private static Gen<string?> NoteMember(string name, Gen<string> value, int absent = 3) =>
        Optional(name, Gen.Frequency((30, value), (1, Gen.Constant("null"))), absent);

    private static Gen<string> NoteArray(Gen<string> item) =>
        Gen.Frequency(
            (30, Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(item, n)).Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(item, n)).Select(items => "[" + string.Join(",", items.Append("null")) + "]")),
            (1, Gen.Elements("{}", "3", "\"x\"")));

    private static readonly Gen<string> Level =
        Gen.Frequency((30, NoteObject(NoteMember("scale", NoteValue(NoteTexts, 5)), NoteMember("value", NoteValue(NoteTexts, 5)))), (1, Gen.Elements("\"FIM 4\"", "[]")));

    private static readonly Gen<string> Signature =
        Gen.Frequency(
            (30, NoteObject(NoteMember("signed", NoteValue(NoteBooleans, 2)), NoteMember("credentials", NoteValue(NoteTexts, 5)), NoteMember("role", NoteValue(NoteRoles, 3)), NoteMember("signedOn", NoteValue(NoteDates, 3)))),
            (1, Gen.Elements("true", "[]")));

    private static readonly Gen<string> Intervention =
        NoteObject(
            NoteMember("code", NoteValue(NoteCodes, 3), 1), NoteMember("minutes", NoteValue(NoteMinutes, 3)), NoteMember("start", NoteValue(Starts, 3), 6), NoteMember("end", NoteValue(Ends, 2), 6),
            NoteMember("billed", NoteValue(NoteBooleans, 2)), NoteMember("task", NoteValue(NoteTexts, 5)), NoteMember("assistanceBefore", Level), NoteMember("assistanceAfter", Level),
            NoteMember("compensatoryStrategy", NoteValue(NoteTexts, 5)), NoteMember("adaptiveEquipment", NoteValue(NoteTexts, 5)), NoteMember("safetyInstruction", NoteValue(NoteTexts, 5)),
            NoteMember("patientResponse", NoteValue(NoteTexts, 5)), NoteMember("caregiverResponse", NoteValue(NoteTexts, 5), 6), NoteMember("goalIds", NoteArray(NoteValue(GoalIdValues, 3))),
            NoteMember("oneOnOne", NoteValue(NoteBooleans, 2)), NoteMember("ableToFollowInstructions", NoteValue(NoteBooleans, 2)), NoteMember("caregiverOnly", NoteValue(NoteBooleans, 2)),
            NoteMember("narrative", NoteValue(NoteTexts, 5)));

    private static readonly Gen<string> Goal = NoteObject(NoteMember("id", NoteValue(GoalIdValues, 3), 1));

    private static readonly Gen<string> Report =
        NoteObject(NoteMember("date", NoteValue(NoteDates, 3), 1), NoteMember("periodEnd", NoteValue(NoteDates, 3)), NoteMember("authorRole", NoteValue(NoteRoles, 3)));

    private static readonly Gen<string> Recertification =
        NoteObject(NoteMember("signedOn", NoteValue(NoteDates, 3)), NoteMember("durationDays", NoteValue(DurationDays, 3)), NoteMember("delayReasonDocumented", NoteValue(NoteBooleans, 2)));

    private static readonly Gen<string> Plan =
        NoteObject(
            NoteMember("signedOn", NoteValue(NoteDates, 3)), NoteMember("verbalOrderOn", NoteValue(NoteDates, 3)), NoteMember("durationDays", NoteValue(DurationDays, 3)),
            NoteMember("delayReasonDocumented", NoteValue(NoteBooleans, 2)), NoteMember("recertifications", NoteArray(Recertification)));

    private static readonly Gen<string> Episode =
        NoteObject(
            NoteMember("firstTreatmentDate", NoteValue(NoteDates, 3)), NoteMember("treatmentDays", NoteArray(NoteValue(NoteDates, 3))), NoteMember("progressReports", NoteArray(Report)),
            NoteMember("planOfCare", Plan), NoteMember("previousNarrative", NoteValue(NoteTexts, 5)), NoteMember("periodTimedMinutes", NoteValue(PeriodMinutes, 3)),
            NoteMember("periodTimedUnits", NoteValue(PeriodUnits, 3)));

    /// <summary>A generated note: every note field, mostly valid, with mutations at every level.</summary>
    private static readonly Gen<string> Note =
        NoteObject(
            NoteMember("dateOfService", NoteValue(NoteDates, 3)), NoteMember("interventions", NoteArray(Intervention), 1), NoteMember("totalTimedMinutes", NoteValue(NoteMinutes, 3)),
            NoteMember("totalTreatmentMinutes", NoteValue(NoteMinutes, 3)), NoteMember("signature", Signature), NoteMember("assistantInvolved", NoteValue(NoteBooleans, 2)),
            NoteMember("contributors", NoteArray(Signature)), NoteMember("goals", NoteArray(Goal)), NoteMember("episode", Episode));

    private static readonly string[] Unknowns = ["\"note\":\"free text\"", "\"Segments\":[]", "\"segment\":1"];

    /// <summary>A value of a field: mostly the valid ones (so the fast path is exercised), sometimes any.</summary>
    private static Gen<string> Value(string[] values, int valid) =>
        Gen.Frequency((6, Gen.Elements(values.Take(valid).ToArray())), (1, Gen.Elements(values)));

    /// <summary>A property, absent with the given weight out of 10.</summary>
    private static Gen<string?> Optional(string name, Gen<string> value, int absent) =>
        Gen.Frequency((absent, Gen.Constant<string?>(null)), (10 - absent, value.Select(v => (string?)$"\"{name}\":{v}")));

    private static Gen<string> Object(params Gen<string?>[] members) =>
        Gen.CollectToArray(members).SelectMany(list => Gen.Shuffle(list.ToArray().Where(m => m is not null).Cast<string>().ToArray()))
            .Select(items => "{" + string.Join(",", items.ToArray()) + "}");

    private static readonly Gen<string> Segment =
        Gen.Frequency(
            (3, Object(Optional("code", Value(Codes, 4), 0), Optional("minutes", Value(Minutes, 4), 0), Optional("modifiers", Value(ModifierLists, 4), 3), Optional("region", Value(Regions, 3), 8), Optional("furnishedBy", Value(Roles, 3), 8), Optional("assistantMinutes", Value(AssistantMinutes, 3), 8))),
            (3, Object(Optional("code", Value(Codes, 4), 0), Optional("start", Value(Starts, 3), 0), Optional("end", Value(Ends, 2), 0), Optional("modifiers", Value(ModifierLists, 4), 3), Optional("furnishedBy", Value(Roles, 3), 8), Optional("assistantMinutes", Value(AssistantMinutes, 3), 8))),
            (1, Object(Optional("code", Value(Codes, 4), 1), Optional("minutes", Value(Minutes, 4), 5), Optional("start", Value(Starts, 3), 5), Optional("end", Value(Ends, 2), 5), Optional("extra", Gen.Constant("1"), 8))),
            (1, Gen.Elements("null", "3", "[]")));

    private static readonly Gen<string> Line =
        Gen.Frequency(
            (6, Object(Optional("code", Value(Codes, 4), 0), Optional("units", Value(Units, 4), 0), Optional("modifiers", Value(ModifierLists, 4), 3))),
            (1, Object(Optional("code", Value(Codes, 4), 2), Optional("units", Value(Units, 4), 2), Optional("Units", Gen.Constant("1"), 8))),
            (1, Gen.Elements("null", "\"97530\"")));

    private static Gen<string> ArrayOf(Gen<string> item) =>
        Gen.Frequency(
            (8, Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(item, n)).Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Elements("null", "{}", "3")));

    private static readonly Gen<string> Record =
        Gen.CollectToArray(new[]
        {
            Optional("id", Value(Ids, 3), 0),
            Optional("dateOfService", Value(Dates, 4), 0),
            Optional("method", Value(Methods, 4), 4),
            Optional("discipline", Value(Disciplines, 4), 3),
            Optional("segments", ArrayOf(Segment), 1),
            Optional("lines", ArrayOf(Line), 3),
            Optional("documentation", Gen.Frequency((3, Note), (1, Value(Notes, 2))), 5),
            Optional("payer", Value(Payers, 3), 4),
            Optional("telehealth", Value(Booleans, 3), 7),
            Optional("placeOfService", Value(Places, 3), 7),
            Optional("beneficiaryId", Value(Ids, 2), 8),
            Optional("allowedAmount", Value(Amounts, 6), 7),
            Optional("kxYearToDateAllowed", Value(Amounts, 6), 8),
            Optional("authorization", Value(Authorizations, 3), 8),
        })
        .SelectMany(members => Gen.Shuffle(members.ToArray().Where(m => m is not null).Cast<string>().ToArray()))
        .SelectMany(members => Mutation.Select(mutate => mutate(members.ToArray())));

    /// <summary>Whole-record mutations: none (mostly), an unknown or repeated property, trailing text, broken JSON.</summary>
    private static readonly Gen<Func<string[], string>> Mutation =
        Gen.Frequency(
            (12, Gen.Constant<Func<string[], string>>(m => "{" + string.Join(",", m) + "}")),
            (1, Gen.Elements(Unknowns).Select<string, Func<string[], string>>(u => m => "{" + string.Join(",", m.Append(u)) + "}")),
            (1, Gen.Constant<Func<string[], string>>(m => "{" + string.Join(",", m.Concat(m.Take(1))) + "}")),
            (1, Gen.Elements(" ", "\n", " {}", "x", ",").Select<string, Func<string[], string>>(t => m => "{" + string.Join(",", m) + "}" + t)),
            (1, Gen.Elements("[]", "\"e1\"", "{", "{\"id\":}", "").Select<string, Func<string[], string>>(t => _ => t)));

    [Property(MaxTest = 3000)]
    public Property ReadUtf8_GivesWhatTheElementPathGives() =>
        Prop.ForAll(Record.ToArbitrary(), Gen.Elements(false, true).ToArbitrary(), (json, strict) =>
        {
            var options = strict ? new EncounterReadOptions { Strict = true } : null;
            string viaElement = Outcome(() =>
            {
                using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(json).AsMemory());
                return EncounterJson.Read(document.RootElement, options);
            });
            string viaBytes = Outcome(() => EncounterJson.Read(Encoding.UTF8.GetBytes(json), options));
            return (viaBytes == viaElement).Label(json + "\n--- element ---\n" + viaElement + "\n--- bytes ---\n" + viaBytes);
        });

    [Property(MaxTest = 500)]
    public Property FastPath_AnswersOnlyForCleanRecords() =>
        Prop.ForAll(Record.Where(IsJson).ToArbitrary(), json =>
        {
            using var document = JsonDocument.Parse(json);
            EncounterReadResult? slow;
            try
            {
                slow = EncounterJson.Read(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                slow = null; // text that is not valid UTF-16 (an unpaired surrogate escape): the element path throws
            }

            bool fast = Utf8EncounterReader.TryRead(Encoding.UTF8.GetBytes(json), false, out var result);

            // The fast path never answers for a record with a diagnostic, and what it answers is the element path's.
            return (!fast || (slow is { Success: true, Diagnostics.IsEmpty: true } && Dump(result) == Dump(slow)))
                .Label(json)
                .Classify(fast, "fast path")
                .Classify(fast && json.Contains("\"episode\"", StringComparison.Ordinal), "fast path with a generated note");
        });

    [Fact]
    public void FastPath_ReadsABillingRecordWithNoteAndAuthorization()
    {
        string json = """
            {"id":"e1","dateOfService":"2026-03-10","method":"cms","discipline":"OT","payer":"medicare","telehealth":false,"placeOfService":"11",
             "allowedAmount":120.50,"kxYearToDateAllowed":0.00,"beneficiaryId":"1EG4TE5MK73",
             "authorization":{"id":"A1","visits":12,"from":"2026-01-01","through":"2026-06-30","visitsUsed":3},
             "segments":[{"code":"97535","start":"08:00","end":"08:23","modifiers":["GO"]},{"code":"97530","minutes":15,"modifiers":["GO","59"],"region":"lumbar","furnishedBy":"assistant","assistantMinutes":10}],
             "lines":[{"code":"97535","units":2,"modifiers":["GO"]},{"code":"97530","units":1,"modifiers":["GO","XU"]}],
             "documentation":{"dateOfService":"2026-03-10","signature":{"signed":true,"credentials":"OTR/L","role":"therapist","signedOn":"2026-03-10"}}}
            """;
        using var document = JsonDocument.Parse(json);
        var slow = EncounterJson.Read(document.RootElement);

        Assert.True(Utf8EncounterReader.TryRead(Encoding.UTF8.GetBytes(json), false, out var fast));
        Assert.True(slow.Success);
        Assert.Empty(slow.Diagnostics);
        Assert.Equal(Dump(slow), Dump(fast));
        Assert.Equal(0m, fast!.Encounter!.KxYearToDateAllowed);
        Assert.Equal("120.50", fast.Encounter.AllowedAmount!.Value.ToString(CultureInfo.InvariantCulture));
    }

    private const string FullNote = """
        {"dateOfService":"2026-03-10","totalTimedMinutes":38,"totalTreatmentMinutes":45,"assistantInvolved":true,
         "signature":{"signed":true,"credentials":"OTR/L","role":"therapist","signedOn":"2026-03-10"},
         "contributors":[{"signed":true,"credentials":"COTA/L","role":"assistant","signedOn":"2026-03-11"},{"signed":false,"role":"physician"}],
         "goals":[{"id":"STG1"},{"id":"LTG\u0032"}],
         "interventions":[
           {"code":"97535","minutes":23,"billed":true,"task":"lower-body dressing","assistanceBefore":{"scale":"FIM","value":"3"},"assistanceAfter":{"scale":"FIM","value":"4"},
            "compensatoryStrategy":"seated dressing","adaptiveEquipment":"reacher","safetyInstruction":"lock wheelchair","patientResponse":"teach-back correct",
            "caregiverResponse":"daughter \"assisted\"","goalIds":["STG1","LTG2"],"oneOnOne":true,"ableToFollowInstructions":true,"caregiverOnly":false,
            "narrative":"Trained lower-body dressing with reacher; caf\u00e9 résumé."},
           {"code":"97530","start":"08:30","end":"08:45:30","billed":null,"goalIds":[]},
           {"code":null,"minutes":0}],
         "episode":{"firstTreatmentDate":"2026-01-05","treatmentDays":["2026-01-05","2026-01-07","2026-01-07"],
           "progressReports":[{"date":"2026-02-01","periodEnd":"2026-01-31","authorRole":"therapist"},{"date":"2026-03-01"}],
           "planOfCare":{"signedOn":"2026-01-06","verbalOrderOn":"2026-01-05","durationDays":90,"delayReasonDocumented":false,
             "recertifications":[{"signedOn":"2026-04-01","durationDays":60,"delayReasonDocumented":true},{}]},
           "previousNarrative":"Trained dressing.","periodTimedMinutes":120,"periodTimedUnits":8}}
        """;

    [Fact]
    public void FastPath_ReadsANoteWithEveryField()
    {
        string json = "{\"id\":\"e1\",\"dateOfService\":\"2026-03-10\",\"documentation\":" + FullNote + "}";
        using var document = JsonDocument.Parse(json);
        var slow = EncounterJson.Read(document.RootElement);

        Assert.True(Utf8EncounterReader.TryRead(Encoding.UTF8.GetBytes(json), false, out var fast));
        Assert.True(slow.Success);
        Assert.Empty(slow.Diagnostics);
        Assert.Equal(Dump(slow), Dump(fast));
        Assert.Equal(3, fast!.Encounter!.Documentation!.Interventions.Length);
        Assert.Equal("LTG2", fast.Encounter.Documentation.Goals[1].Id);
    }

    [Theory]
    [InlineData("\"2036-03-11\"")] // out of the ten-year window of the date of service, which comes after the note
    [InlineData("\"2016-03-09\"")]
    [InlineData("\"2026-02-30\"")]
    [InlineData("\"2026\\u002d03-10\"")]
    [InlineData("20260310")]
    public void FastPath_LeavesAnUnusualNoteDateToTheElementPath(string value)
    {
        string json = "{\"id\":\"e1\",\"documentation\":{\"episode\":{\"treatmentDays\":[\"2026-03-01\"," + value + "]}},\"dateOfService\":\"2026-03-10\"}";
        Assert.False(Utf8EncounterReader.TryRead(Encoding.UTF8.GetBytes(json), false, out _));
        Assert.Equal(Outcome(() => { using var d = JsonDocument.Parse(json); return EncounterJson.Read(d.RootElement); }), Outcome(() => EncounterJson.Read(Encoding.UTF8.GetBytes(json), null)));
    }

    [Theory]
    [InlineData("\"2016-03-10\"")] // the window's edges are in it
    [InlineData("\"2036-03-10\"")]
    public void FastPath_ReadsNoteDatesAtTheWindowEdges(string value)
    {
        string json = "{\"id\":\"e1\",\"documentation\":{\"episode\":{\"treatmentDays\":[" + value + "]}},\"dateOfService\":\"2026-03-10\"}";
        Assert.True(Utf8EncounterReader.TryRead(Encoding.UTF8.GetBytes(json), false, out var fast));
        Assert.Equal(Outcome(() => { using var d = JsonDocument.Parse(json); return EncounterJson.Read(d.RootElement); }), Dump(fast));
    }

    [Theory]
    [InlineData("""{"goals":[{}]}""")] // a goal without an id: dropped silently by the element path
    [InlineData("""{"episode":{"progressReports":[{"periodEnd":"2026-03-01"}]}}""")]
    [InlineData("""{"interventions":[null]}""")]
    [InlineData("""{"signature":{"role":"Therapist"}}""")]
    [InlineData("""{"totalTimedMinutes":1441}""")]
    [InlineData("""{"interventions":[{"code":"97535","c\u006fde":"97530"}]}""")]
    [InlineData("""{"interventions":[{"code":"97535","code":"97530"}]}""")]
    [InlineData("""{"episode":{"planOfCare":{"durationDays":3661}}}""")]
    public void FastPath_LeavesAnUnusualNoteToTheElementPath(string note)
    {
        string json = "{\"id\":\"e1\",\"dateOfService\":\"2026-03-10\",\"documentation\":" + note + "}";
        Assert.False(Utf8EncounterReader.TryRead(Encoding.UTF8.GetBytes(json), false, out _));
        Assert.Equal(Outcome(() => { using var d = JsonDocument.Parse(json); return EncounterJson.Read(d.RootElement); }), Outcome(() => EncounterJson.Read(Encoding.UTF8.GetBytes(json), null)));
    }

    [Theory]
    [InlineData("""{"id":"e1","dateOfService":"2026-03-10","segments":[{"code":" 97530","minutes":8}]}""")]
    [InlineData("""{"id":"e1","dateOfService":"2026-03-10","segments":[{"code":"97530","minutes":8,"x":1}]}""")]
    [InlineData("""{"id":"e1","id":"e2","dateOfService":"2026-03-10","segments":[{"code":"97530","minutes":8}]}""")]
    [InlineData("""{"id":"e1","dateOfService":"2026-03-10"}""")]
    [InlineData("""{"id":"e1","dateOfService":"2026-03-10","segments":[{"code":"97530","minutes":8.0}]}""")]
    public void FastPath_LeavesUnusualRecordsToTheElementPath(string json)
    {
        Assert.False(Utf8EncounterReader.TryRead(Encoding.UTF8.GetBytes(json), false, out _));
        Assert.Equal(Outcome(() => { using var d = JsonDocument.Parse(json); return EncounterJson.Read(d.RootElement); }), Outcome(() => EncounterJson.Read(Encoding.UTF8.GetBytes(json), null)));
    }

    [Fact]
    public void FastPath_SharesTheOneModifierListAndMakesLongerListsAtTheirSize()
    {
        static ImmutableArray<Modifier> ModifiersOf(string modifiers)
        {
            string json = "{\"id\":\"e1\",\"dateOfService\":\"2026-03-10\",\"segments\":[{\"code\":\"97530\",\"minutes\":8,\"modifiers\":" + modifiers + "}]}";
            Assert.True(Utf8EncounterReader.TryRead(Encoding.UTF8.GetBytes(json), false, out var result));
            return result!.Encounter!.Segments[0].Modifiers;
        }

        var first = ModifiersOf("[\"gp\"]");
        var second = ModifiersOf("[\"GP\"]");
        Assert.Equal([Modifier.GP], first.ToArray());
        Assert.True(first == second, "one list per modifier, shared"); // ImmutableArray's == compares the array instances
        Assert.Equal([Modifier.Parse("9Z")], ModifiersOf("[\"9z\"]").ToArray());
        Assert.Equal([Modifier.Parse("ZZ")], ModifiersOf("[\"ZZ\"]").ToArray());
        Assert.Equal([Modifier.Parse("00")], ModifiersOf("[\"00\"]").ToArray());
        Assert.Equal([Modifier.GP, Modifier.Distinct59, Modifier.KX], ModifiersOf("[\"GP\",\"59\",\"KX\"]").ToArray());
        Assert.Empty(ModifiersOf("[]"));
    }

    private static bool IsJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Outcome(Func<EncounterReadResult> read)
    {
        try
        {
            return Dump(read());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return "throws " + (e is JsonException ? nameof(JsonException) : e.GetType().Name);
        }
    }

    /// <summary>A deep, culture-free dump of a read result: every public property of the model, recursively.</summary>
    internal static string Dump(EncounterReadResult? result)
    {
        var sb = new StringBuilder();
        if (result is null)
        {
            return "null";
        }

        sb.Append("id=").Append(result.Id).Append(" success=").Append(result.Success).Append('\n');
        foreach (var d in result.Diagnostics)
        {
            sb.Append(d.Id).Append('|').Append(d.Severity).Append('|').Append(d.Path).Append('|').Append(d.Message).Append('\n');
        }

        DumpValue(sb, result.Encounter, 0);
        return sb.ToString();
    }

    private static void DumpValue(StringBuilder sb, object? value, int depth)
    {
        if (depth > 12)
        {
            sb.Append('…');
            return;
        }

        switch (value)
        {
            case null:
                sb.Append("null");
                return;
            case string s:
                sb.Append('"').Append(s).Append('"');
                return;
            case decimal m:
                sb.Append(m.ToString(CultureInfo.InvariantCulture));
                return;
            case IFormattable f when value.GetType().Namespace?.StartsWith("TherapyBilling", StringComparison.Ordinal) != true:
                sb.Append(f.ToString(null, CultureInfo.InvariantCulture));
                return;
            case CptCode c:
                sb.Append(c.Value);
                return;
            case Modifier mod:
                sb.Append(mod.Value);
                return;
            case IEnumerable items:
                sb.Append('[');
                try
                {
                    foreach (var item in items)
                    {
                        DumpValue(sb, item, depth + 1);
                        sb.Append(',');
                    }
                }
                catch (InvalidOperationException)
                {
                    sb.Append("default");
                }
                catch (NullReferenceException)
                {
                    sb.Append("default");
                }

                sb.Append(']');
                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("TherapyBilling", StringComparison.Ordinal) != true)
        {
            sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            return;
        }

        sb.Append(type.Name).Append('{');
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetIndexParameters().Length != 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            sb.Append(property.Name).Append('=');
            DumpValue(sb, property.GetValue(value), depth + 1);
            sb.Append(';');
        }

        sb.Append('}');
    }
}
