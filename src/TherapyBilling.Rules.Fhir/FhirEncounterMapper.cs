using System.Collections.Immutable;
using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using NodaTime;
using Period = Hl7.Fhir.Model.Period;

namespace TherapyBilling.Rules.Fhir;

/// <summary>Maps one FHIR Encounter, its Procedures and its Claim items to a core <see cref="Rules.Encounter"/>.</summary>
internal sealed class FhirEncounterMapper
{
    private const int MaxMinutes = 1440;
    private const int MaxUnits = 999;
    private const string InvalidCode = "not a code of its value set";

    private readonly Hl7.Fhir.Model.Encounter _resource;
    private readonly string _path;
    private readonly Func<string?, Resource?> _lookup;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly FhirPathMap _paths;
    private readonly SortedSet<string> _disciplineModifiers = new(StringComparer.Ordinal);
    private readonly HashSet<Discipline> _performerDisciplines = [];

    public FhirEncounterMapper(Hl7.Fhir.Model.Encounter resource, string key, Func<string?, Resource?> lookup)
    {
        _resource = resource;
        _path = resource.Id is { Length: > 0 } ? key : "Encounter";
        _lookup = lookup;
        _paths = new FhirPathMap(_path);
    }

    public static bool HasCpt(CodeableConcept? concept) =>
        concept?.Coding.Exists(static c => string.Equals(c.System, FhirSystems.Cpt, StringComparison.Ordinal)) == true;

    public FhirEncounterReadResult Map(List<Procedure> procedures, List<(Claim Claim, int Index)> items, List<Diagnostic> unreadable)
    {
        _diagnostics.AddRange(unreadable);
        string? id = _resource.Id is { Length: > 0 } i ? i : null;
        if (id is null)
        {
            Add(DiagnosticDescriptors.FhirEncounterUnmappable, "Encounter.id", "is missing");
        }

        LocalDate? date = ReadDate();
        var segments = new List<TreatmentSegment>();
        foreach (var procedure in procedures)
        {
            if (ReadSegment(procedure, date) is { } segment)
            {
                _paths.Segments.Add(FhirReferences.Path(procedure));
                segments.Add(segment);
            }
        }

        var lines = new List<BilledLine>();
        var payers = new List<(string Payer, string Path)>();
        var places = new SortedSet<string>(StringComparer.Ordinal);
        var excludedClaims = new HashSet<Claim>();
        foreach (var (claim, index) in items)
        {
            var (claimStatus, claimLiteral) = ReadStatus(claim.StatusElement);
            if (claimStatus is FinancialResourceStatusCodes.Cancelled or FinancialResourceStatusCodes.EnteredInError || claimLiteral == InvalidCode)
            {
                if (excludedClaims.Add(claim))
                {
                    Status(FhirReferences.Path(claim), claimLiteral, "claim", "active or draft");
                }

                continue;
            }

            if (ReadLine(claim, index, date, places) is { } line)
            {
                _paths.Lines.Add(FhirReferences.ItemPath(claim, index));
                lines.Add(line);
            }

            if (ReadPayer(claim) is { } payer && !payers.Exists(p => p.Payer == payer.Payer))
            {
                payers.Add(payer);
            }
        }

        Encounter? encounter = null;
        if (id is not null && date is { } dateOfService)
        {
            encounter = new Encounter(id, dateOfService, segments)
            {
                BilledLines = [.. lines],
                Discipline = ReadDiscipline(),
                IsTelehealth = string.Equals(_resource.Class?.Code, "VR", StringComparison.Ordinal),
                PayerId = Single(payers.Select(static p => p.Payer), "payer", static values => FhirClock.Number(values.Count) + " payers"),
                PlaceOfService = Single(places, "place of service", static values => string.Join(", ", values)),
            };
            if (payers.Count == 1)
            {
                _paths.PayerPath = payers[0].Path;
            }
        }

        bool hasError = _diagnostics.Exists(static d => d.Severity == Severity.Error);
        return new FhirEncounterReadResult(id, _path, hasError ? null : encounter, DiagnosticOrder.Sort(_diagnostics), _paths);
    }

    private LocalDate? ReadDate()
    {
        string path = _path + ".period.start";
        string? start = _resource.Period?.Start;
        if (start is null)
        {
            Add(DiagnosticDescriptors.FhirEncounterUnmappable, path, "is missing");
            return null;
        }

        var date = FhirClock.Date(start);
        if (date is null)
        {
            Add(DiagnosticDescriptors.FhirEncounterUnmappable, path, "is not a full date (yyyy-MM-dd, with or without a time)");
        }

        return date;
    }

    private TreatmentSegment? ReadSegment(Procedure procedure, LocalDate? date)
    {
        string path = FhirReferences.Path(procedure);
        var (status, literal) = ReadStatus(procedure.StatusElement);
        if (status != EventStatus.Completed)
        {
            Status(path, literal, "procedure", "completed");
            return null;
        }

        if (!HasCpt(procedure.Code))
        {
            _diagnostics.Add(DiagnosticDescriptors.FhirProcedureNoCpt.Create(path + ".code", new DiagnosticArgument("field", path + ".code")));
            return null;
        }

        int before = _diagnostics.Count;
        var codings = procedure.Code!.Coding;
        int at = codings.FindIndex(static c => string.Equals(c.System, FhirSystems.Cpt, StringComparison.Ordinal));
        string codePath = Indexed(path + ".code.coding", at) + ".code";
        if (!CptCode.TryParse(codings[at].Code?.Trim(), out var code))
        {
            Add(DiagnosticDescriptors.FhirInvalidCoding, codePath, "a CPT code (five digits, or a letter and four digits)", "expected");
        }

        var modifiers = ReadSegmentModifiers(procedure, path);
        var timing = ReadTiming(procedure, path, date);
        var (furnishedBy, disciplines) = FhirRoles.Read(procedure);
        _performerDisciplines.UnionWith(disciplines);
        int? assistantMinutes = ReadAssistantMinutes(procedure, path);
        if (_diagnostics.Count != before || timing is null)
        {
            return null;
        }

        var segment = timing.Value.Minutes is int minutes
            ? TreatmentSegment.FromMinutes(code, minutes)
            : TreatmentSegment.FromTimes(code, timing.Value.Start!.Value, timing.Value.End!.Value);
        foreach (var modifier in modifiers)
        {
            NoteDiscipline(modifier);
        }

        return segment with { Modifiers = modifiers, FurnishedBy = furnishedBy, AssistantMinutes = assistantMinutes };
    }

    private (int? Minutes, LocalDateTime? Start, LocalDateTime? End)? ReadTiming(Procedure procedure, string path, LocalDate? date)
    {
        var minutesExtension = procedure.GetExtension(FhirSystems.MinutesExtension);
        string minutesPath = $"{path}.extension('{FhirSystems.MinutesExtension}')";
        switch (procedure.Performed)
        {
            case Period period:
                if (minutesExtension is not null)
                {
                    Add(DiagnosticDescriptors.FhirProcedureTiming, minutesPath, "is given together with performedPeriod (give one of them)");
                }

                var start = Clock(period.Start, path + ".performedPeriod.start");
                var end = Clock(period.End, path + ".performedPeriod.end");
                return start is { } s && end is { } e && minutesExtension is null ? (null, s, e) : null;

            case FhirDateTime performed:
                if (FhirClock.Date(performed.Value) is not { } day)
                {
                    Add(DiagnosticDescriptors.FhirProcedureTiming, path + ".performedDateTime", "is not a full date (yyyy-MM-dd, with or without a time)");
                    return null;
                }

                if (date is { } dateOfService && day != dateOfService)
                {
                    Add(DiagnosticDescriptors.FhirProcedureTiming, path + ".performedDateTime", "is on another day than the Encounter's period.start");
                    return null;
                }

                if (minutesExtension is null)
                {
                    Add(DiagnosticDescriptors.FhirProcedureTiming, minutesPath, "is missing (performedDateTime alone gives no duration)");
                    return null;
                }

                if (minutesExtension.Value is not Integer { Value: int minutes and >= 0 and <= MaxMinutes })
                {
                    Add(DiagnosticDescriptors.FhirProcedureTiming, minutesPath + ".value", "is not a whole number of minutes from 0 to 1440 (valueInteger)");
                    return null;
                }

                return (minutes, null, null);

            case null:
                Add(DiagnosticDescriptors.FhirProcedureTiming, path + ".performed", "is missing");
                return null;

            default:
                Add(DiagnosticDescriptors.FhirProcedureTiming, path + ".performed", "is a " + procedure.Performed.TypeName + " (only performedPeriod and performedDateTime give time)");
                return null;
        }
    }

    private LocalDateTime? Clock(string? value, string path)
    {
        if (value is null)
        {
            Add(DiagnosticDescriptors.FhirProcedureTiming, path, "is missing");
            return null;
        }

        var time = FhirClock.DateTime(value);
        if (time is null)
        {
            Add(DiagnosticDescriptors.FhirProcedureTiming, path, "has no time of day (a dateTime with hours, minutes and seconds is needed)");
        }

        return time;
    }

    private ImmutableArray<Modifier> ReadSegmentModifiers(Procedure procedure, string path)
    {
        var modifiers = ImmutableArray.CreateBuilder<Modifier>();
        int i = 0;
        foreach (var extension in procedure.Extension.Where(static e => e.Url == FhirSystems.ModifierExtension))
        {
            string at = Indexed($"{path}.extension('{FhirSystems.ModifierExtension}')", i++);
            string? text = extension.Value switch
            {
                Coding coding => coding.Code,
                CodeableConcept concept => concept.Coding.FirstOrDefault()?.Code,
                Code c => c.Value,
                _ => null,
            };
            if (Modifier.TryParse(text?.Trim(), out var modifier))
            {
                modifiers.Add(modifier);
            }
            else
            {
                Add(DiagnosticDescriptors.FhirInvalidCoding, at + ".value", "a modifier (two letters or digits, as valueCoding)", "expected");
            }
        }

        return modifiers.ToImmutable();
    }

    private int? ReadAssistantMinutes(Procedure procedure, string path)
    {
        var extension = procedure.GetExtension(FhirSystems.AssistantMinutesExtension);
        if (extension is null)
        {
            return null;
        }

        if (extension.Value is Integer { Value: int minutes and >= 0 and <= MaxMinutes })
        {
            return minutes;
        }

        Add(DiagnosticDescriptors.FhirProcedureTiming, $"{path}.extension('{FhirSystems.AssistantMinutesExtension}').value", "is not a whole number of minutes from 0 to 1440 (valueInteger)");
        return null;
    }

    private BilledLine? ReadLine(Claim claim, int index, LocalDate? date, SortedSet<string> places)
    {
        var item = claim.Item[index];
        string path = FhirReferences.ItemPath(claim, index);
        int before = _diagnostics.Count;

        CptCode code = default;
        var codings = item.ProductOrService?.Coding ?? [];
        int at = codings.FindIndex(static c => c.System is FhirSystems.Cpt or FhirSystems.Hcpcs);
        if (at < 0)
        {
            Add(DiagnosticDescriptors.FhirClaimItemUnmappable, path + ".productOrService", "has no coding in the CPT or HCPCS system");
        }
        else if (!CptCode.TryParse(codings[at].Code?.Trim(), out code))
        {
            Add(DiagnosticDescriptors.FhirInvalidCoding, Indexed(path + ".productOrService.coding", at) + ".code", "a CPT/HCPCS code (five digits, or a letter and four digits)", "expected");
        }

        var modifiers = ImmutableArray.CreateBuilder<Modifier>();
        for (int m = 0; m < item.Modifier.Count; m++)
        {
            // Modifiers are read from the codings' codes whatever their system (CPT, HCPCS or none).
            string? text = item.Modifier[m].Coding.Select(static c => c.Code).FirstOrDefault(static c => c is not null);
            if (Modifier.TryParse(text?.Trim(), out var modifier))
            {
                modifiers.Add(modifier);
                NoteDiscipline(modifier);
            }
            else
            {
                Add(DiagnosticDescriptors.FhirInvalidCoding, Indexed(path + ".modifier", m), "a modifier (two letters or digits)", "expected");
            }
        }

        int units = 0;
        if (item.Quantity?.Value is not { } quantity)
        {
            Add(DiagnosticDescriptors.FhirClaimItemUnmappable, path + ".quantity", "is missing (the units billed must be given)");
        }
        else if (quantity != decimal.Truncate(quantity) || quantity < 0 || quantity > MaxUnits)
        {
            Add(DiagnosticDescriptors.FhirClaimItemUnmappable, path + ".quantity.value", "is not a whole number of units from 0 to 999");
        }
        else
        {
            units = (int)quantity;
        }

        var (served, servedPath) = item.Serviced switch
        {
            Date d => (d.Value, path + ".servicedDate"),
            Period p => (p.Start, path + ".servicedPeriod.start"),
            _ => ((string?)null, path),
        };
        if (served is not null && date is { } dateOfService && FhirClock.Date(served) != dateOfService)
        {
            Add(DiagnosticDescriptors.FhirClaimItemUnmappable, servedPath, "is not the Encounter's date of service (period.start)");
        }

        if (item.Location is CodeableConcept location && location.Coding.FirstOrDefault()?.Code is { Length: 2 } pos && pos.All(char.IsAsciiDigit))
        {
            places.Add(pos);
        }

        return _diagnostics.Count == before ? new BilledLine(code, units, modifiers.ToImmutable()) : null;
    }

    private (string Payer, string Path)? ReadPayer(Claim claim)
    {
        string path = FhirReferences.Path(claim);
        if (PayerName(claim.Insurer) is { } insurer)
        {
            return (insurer, path + ".insurer");
        }

        for (int i = 0; i < claim.Insurance.Count; i++)
        {
            if (_lookup(claim.Insurance[i].Coverage?.Reference) is Coverage coverage && coverage.Payor.Count > 0 && PayerName(coverage.Payor[0]) is { } payor)
            {
                return (payor, FhirReferences.Path(coverage) + ".payor[0]");
            }
        }

        return null;
    }

    /// <summary>The payer id: the reference's identifier, else the referenced Organization's first identifier, else its id.</summary>
    private string? PayerName(ResourceReference? reference)
    {
        if (reference is null)
        {
            return null;
        }

        if (reference.Identifier?.Value is { Length: > 0 } value)
        {
            return value;
        }

        if (_lookup(reference.Reference) is Organization organization)
        {
            return organization.Identifier.FirstOrDefault()?.Value is { Length: > 0 } identifier ? identifier : organization.Id;
        }

        return reference.Reference is { } r && FhirReferences.KeyOf(r) is { } key ? key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..] : null;
    }

    private void NoteDiscipline(Modifier modifier)
    {
        if (modifier == Modifier.GP || modifier == Modifier.GO || modifier == Modifier.GN)
        {
            _disciplineModifiers.Add(modifier.Value);
        }
    }

    private Discipline? ReadDiscipline()
    {
        if (_disciplineModifiers.Count > 0)
        {
            return Single(_disciplineModifiers, "discipline modifier", static values => string.Join(", ", values)) switch
            {
                "GP" => Discipline.PhysicalTherapy,
                "GO" => Discipline.OccupationalTherapy,
                "GN" => Discipline.SpeechLanguagePathology,
                _ => null,
            };
        }

        if (_performerDisciplines.Count > 1)
        {
            Conflict("performer discipline", string.Join(", ", _performerDisciplines.Order().Select(static d => d.ToString())));
            return null;
        }

        return _performerDisciplines.Count == 1 ? _performerDisciplines.First() : null;
    }

    private string? Single(IEnumerable<string> values, string what, Func<IReadOnlyCollection<string>, string> describe)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 1)
        {
            Conflict(what, describe(distinct));
            return null;
        }

        return distinct.Count == 1 ? distinct[0] : null;
    }

    /// <summary>
    /// A status code, read without the SDK's typed getter (which throws on a code outside the value set, and the parser
    /// keeps such codes): the literal when it is a code of the value set, never other written text (it is input).
    /// </summary>
    private static (T? Value, string Literal) ReadStatus<T>(Code<T>? element)
        where T : struct, Enum
    {
        if (element?.JsonValue is not string text)
        {
            return (null, "missing");
        }

        return EnumUtility.ParseLiteral<T>(text) is { } value ? (value, value.GetLiteral()) : (null, InvalidCode);
    }

    private void Conflict(string what, string values) =>
        _diagnostics.Add(DiagnosticDescriptors.FhirConflict.Create(_path, new DiagnosticArgument("what", what), new DiagnosticArgument("values", values)));

    private void Status(string path, string status, string resource, string counted) =>
        _diagnostics.Add(DiagnosticDescriptors.FhirStatusExcluded.Create(
            path + ".status",
            new DiagnosticArgument("field", path + ".status"),
            new DiagnosticArgument("status", status),
            new DiagnosticArgument("resource", resource),
            new DiagnosticArgument("counted", counted)));

    private void Add(DiagnosticDescriptor descriptor, string path, string text, string name = "problem") =>
        _diagnostics.Add(descriptor.Create(path, new DiagnosticArgument("field", path), new DiagnosticArgument(name, text)));

    private static string Indexed(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
}
