using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace TherapyBilling.Rules;

/// <summary>
/// Reads the payer part of the JSON input contract: encounter fields <c>payer</c>, <c>telehealth</c>,
/// <c>placeOfService</c>, <c>beneficiaryId</c>, <c>allowedAmount</c>, <c>kxYearToDateAllowed</c>, <c>authorization</c>,
/// and segment fields <c>furnishedBy</c>, <c>assistantMinutes</c> (schema <c>schemas/encounter.schema.json</c>).
/// A malformed field is reported (TBR040 encounter fields, TBR041 segment fields) and ignored; it never throws.
/// Ranges: dollar amounts 0 to <see cref="Encounter.MaxDollarAmount"/> (<c>-0</c> is zero); visit counts 0 to
/// <see cref="Authorization.MaxVisitCount"/>; authorization dates within <see cref="EncounterJson.DateWindowYears"/>
/// years of the date of service.
/// </summary>
internal static class PayerJson
{
    private const string AmountRange = "a number of dollars from 0 to 9999999.99";
    private const string VisitRange = "a whole number of visits from 0 to 10000";

    public static Encounter ReadEncounter(JsonElement element, Encounter encounter, List<Diagnostic> diagnostics)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return encounter;
        }

        if (element.TryGetProperty("payer", out var payer) && payer.ValueKind != JsonValueKind.Null)
        {
            encounter = NonEmptyString(payer) is { } id
                ? encounter with { PayerId = id }
                : Invalid(encounter, diagnostics, "payer", "a non-empty string (the payer profile id)");
        }

        if (element.TryGetProperty("telehealth", out var telehealth) && telehealth.ValueKind != JsonValueKind.Null)
        {
            encounter = telehealth.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? encounter with { IsTelehealth = telehealth.GetBoolean() }
                : Invalid(encounter, diagnostics, "telehealth", "true or false");
        }

        if (element.TryGetProperty("placeOfService", out var pos) && pos.ValueKind != JsonValueKind.Null)
        {
            string? text = pos.ValueKind == JsonValueKind.String ? pos.GetString() : null;
            encounter = text is { Length: 2 } && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1])
                ? encounter with { PlaceOfService = text }
                : Invalid(encounter, diagnostics, "placeOfService", "a two-digit place-of-service code such as \"02\" or \"10\"");
        }

        if (element.TryGetProperty("beneficiaryId", out var beneficiary) && beneficiary.ValueKind != JsonValueKind.Null)
        {
            encounter = NonEmptyString(beneficiary) is { } id
                ? encounter with { BeneficiaryId = id }
                : Invalid(encounter, diagnostics, "beneficiaryId", "a non-empty string");
        }

        if (element.TryGetProperty("allowedAmount", out var allowed) && allowed.ValueKind != JsonValueKind.Null)
        {
            encounter = Amount(allowed) is decimal amount
                ? encounter with { AllowedAmount = amount }
                : Invalid(encounter, diagnostics, "allowedAmount", AmountRange);
        }

        if (element.TryGetProperty("kxYearToDateAllowed", out var ytd) && ytd.ValueKind != JsonValueKind.Null)
        {
            encounter = Amount(ytd) is decimal amount
                ? encounter with { KxYearToDateAllowed = amount }
                : Invalid(encounter, diagnostics, "kxYearToDateAllowed", AmountRange);
        }

        if (element.TryGetProperty("authorization", out var authorization) && authorization.ValueKind != JsonValueKind.Null)
        {
            encounter = ReadAuthorization(authorization, encounter, diagnostics);
        }

        return encounter;
    }

    public static TreatmentSegment ReadSegment(JsonElement element, string path, TreatmentSegment segment, List<Diagnostic> diagnostics)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return segment;
        }

        if (element.TryGetProperty("furnishedBy", out var by) && by.ValueKind != JsonValueKind.Null)
        {
            ProviderRole? role = by.ValueKind == JsonValueKind.String ? by.GetString()?.ToUpperInvariant() switch
            {
                "THERAPIST" => ProviderRole.Therapist,
                "ASSISTANT" => ProviderRole.Assistant,
                _ => null,
            }
            : null;
            if (role is null)
            {
                diagnostics.Add(DiagnosticDescriptors.ProviderFieldInvalid.Create(path + ".furnishedBy", Arg.Of("field", "furnishedBy"), Arg.Of("expected", "\"therapist\" or \"assistant\"")));
            }
            else
            {
                segment = segment with { FurnishedBy = role };
            }
        }

        if (element.TryGetProperty("assistantMinutes", out var minutes) && minutes.ValueKind != JsonValueKind.Null)
        {
            int? limit = segment.Minutes ?? (segment.GetDuration() is { } d ? (int)(d.BclCompatibleTicks / NodaConstants.TicksPerMinute) : null);
            if (minutes.ValueKind != JsonValueKind.Number || !minutes.TryGetInt32(out int value) || value < 0)
            {
                diagnostics.Add(DiagnosticDescriptors.ProviderFieldInvalid.Create(path + ".assistantMinutes", Arg.Of("field", "assistantMinutes"), Arg.Of("expected", "a whole number of minutes, zero or more")));
            }
            else if (limit is int max && value > max)
            {
                diagnostics.Add(DiagnosticDescriptors.ProviderFieldInvalid.Create(path + ".assistantMinutes", Arg.Of("field", "assistantMinutes"), Arg.Of("expected", "at most the segment's own minutes")));
            }
            else
            {
                segment = segment with { AssistantMinutes = value };
            }
        }

        return segment;
    }

    /// <summary>Reads the <c>authorization</c> object into <paramref name="encounter"/>.</summary>
    internal static Encounter ReadAuthorization(JsonElement e, Encounter encounter, List<Diagnostic> diagnostics)
    {
        const string P = "authorization";
        if (e.ValueKind != JsonValueKind.Object)
        {
            return Invalid(encounter, diagnostics, P, "an object with id, visits, from and through");
        }

        int before = diagnostics.Count;
        string? id = e.TryGetProperty("id", out var idElement) ? NonEmptyString(idElement) : null;
        if (id is null)
        {
            Report(diagnostics, P + ".id", "a non-empty string");
        }

        int visits = -1;
        if (!e.TryGetProperty("visits", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out visits) || visits < 0 || visits > Authorization.MaxVisitCount)
        {
            Report(diagnostics, P + ".visits", VisitRange);
        }

        var window = EncounterJson.DateWindow(encounter.DateOfService);
        var from = Date(e, "from", P, window, diagnostics);
        var through = Date(e, "through", P, window, diagnostics);
        if (from is { } f && through is { } t && t < f)
        {
            Report(diagnostics, P + ".through", "on or after 'from'");
        }

        int used = 0;
        if (e.TryGetProperty("visitsUsed", out var u) && u.ValueKind != JsonValueKind.Null
            && (u.ValueKind != JsonValueKind.Number || !u.TryGetInt32(out used) || used < 0 || used > Authorization.MaxVisitCount))
        {
            Report(diagnostics, P + ".visitsUsed", "the visits used before this one: " + VisitRange);
            used = 0;
        }

        string? payer = null;
        if (e.TryGetProperty("payer", out var payerElement) && payerElement.ValueKind != JsonValueKind.Null
            && (payer = NonEmptyString(payerElement)) is null)
        {
            Report(diagnostics, P + ".payer", "a non-empty string");
        }

        Discipline? discipline = null;
        if (e.TryGetProperty("discipline", out var d) && d.ValueKind != JsonValueKind.Null
            && (discipline = ParseDiscipline(d)) is null)
        {
            Report(diagnostics, P + ".discipline", "\"PT\", \"OT\" or \"SLP\"");
        }

        var codes = ImmutableArray.CreateBuilder<CptCode>();
        if (e.TryGetProperty("codes", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            if (c.ValueKind != JsonValueKind.Array)
            {
                Report(diagnostics, P + ".codes", "an array of CPT/HCPCS codes");
            }
            else
            {
                int i = 0;
                foreach (var item in c.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && CptCode.TryParse(item.GetString(), out var code))
                    {
                        codes.Add(code);
                    }
                    else
                    {
                        Report(diagnostics, Paths.Index(P + ".codes", i), "a CPT/HCPCS code");
                    }

                    i++;
                }
            }
        }

        if (diagnostics.Count != before)
        {
            return encounter;
        }

        var authorization = new Authorization(id!, visits, from!.Value, through!.Value) { PayerId = payer, Discipline = discipline, Codes = codes.ToImmutable() };
        return encounter with { Authorization = authorization, AuthorizationVisitsUsed = used };
    }

    private static Discipline? ParseDiscipline(JsonElement e) => e.ValueKind != JsonValueKind.String ? null : e.GetString()!.ToUpperInvariant() switch
    {
        "PT" or "GP" or "PHYSICALTHERAPY" => Discipline.PhysicalTherapy,
        "OT" or "GO" or "OCCUPATIONALTHERAPY" => Discipline.OccupationalTherapy,
        "SLP" or "GN" or "SPEECHLANGUAGEPATHOLOGY" => Discipline.SpeechLanguagePathology,
        _ => null,
    };

    private static LocalDate? Date(JsonElement e, string name, string path, (LocalDate From, LocalDate Through) window, List<Diagnostic> diagnostics)
    {
        if (e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            var parsed = LocalDatePattern.Iso.Parse(value.GetString()!);
            if (parsed.Success && parsed.Value >= window.From && parsed.Value <= window.Through)
            {
                return parsed.Value;
            }

            if (parsed.Success)
            {
                Report(diagnostics, path + "." + name, "a date from " + EncounterJson.FormatDate(window.From) + " to " + EncounterJson.FormatDate(window.Through) + " (within 10 years of the date of service)");
                return null;
            }
        }

        Report(diagnostics, path + "." + name, "a date (yyyy-MM-dd)");
        return null;
    }

    private static string? NonEmptyString(JsonElement e) =>
        e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } s ? s : null;

    /// <summary>A dollar amount in range; <c>-0</c> (any scale) is zero. 1e400 or more digits than a decimal holds is out of range.</summary>
    private static decimal? Amount(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out decimal d) && d >= 0 && d <= Encounter.MaxDollarAmount ? (d == 0m ? 0m : d) : null;

    private static Encounter Invalid(Encounter encounter, List<Diagnostic> diagnostics, string field, string expected)
    {
        Report(diagnostics, field, expected);
        return encounter;
    }

    private static void Report(List<Diagnostic> diagnostics, string field, string expected) =>
        diagnostics.Add(DiagnosticDescriptors.PayerFieldInvalid.Create(field, Arg.Of("field", field), Arg.Of("expected", expected)));
}
