using System.Buffers.Text;
using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// The fast path of <see cref="EncounterJson.Read(ReadOnlySpan{byte}, EncounterReadOptions?)"/>: one pass of a
/// <see cref="Utf8JsonReader"/> over a well-formed record. It gives up (returns <see langword="false"/>) on anything
/// it does not read exactly as the element path does: any property it does not know or that repeats, any value of a
/// wrong type or out of range, escaped or padded codes, dates and times, any diagnostic at all (including those of
/// the note, read by <see cref="Utf8NoteReader"/> with the same rule, and of the authorization, read by the element
/// path's own code), and malformed JSON. The caller
/// then reads the record with the element path, so the result never depends on which path read it.
/// </summary>
/// <remarks>Thread-safe; allocation-free for dates, times, codes and modifiers (codes are interned, a one-modifier list is shared).</remarks>
internal static class Utf8EncounterReader
{
    private const int MaxDepth = 64;
    private static readonly string[] s_twoDigits = CreateTwoDigits();

    // One-modifier lists are shared, one per modifier (two upper-case letters or digits: 36 × 36), made on first use.
    // Two threads may each make the list of the same modifier once; the lists are equal, so either may stay.
    private static readonly ImmutableArray<Modifier>[] s_singleModifiers = new ImmutableArray<Modifier>[36 * 36];

    /// <summary>Tries the fast path.</summary>
    /// <returns><see langword="false"/> when the record needs the element path.</returns>
    public static bool TryRead(ReadOnlySpan<byte> utf8, bool strict, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EncounterReadResult? result)
    {
        result = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        var state = new RecordState();
        try
        {
            if (!ReadRecord(ref reader, ref state))
            {
                return false;
            }

            result = Build(ref state, strict);
            return result is not null;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // Text that is not valid UTF-8 (or an unpaired surrogate escape): the element path decides.
            return false;
        }
        finally
        {
            state.Authorization?.Dispose();
        }
    }

    private struct RecordState
    {
        public string? Id;
        public LocalDate? Date;
        public UnitMethod? Method;
        public Discipline? Discipline;
        public ImmutableArray<TreatmentSegment> Segments; // default: not given
        public ImmutableArray<BilledLine> Lines;
        public TreatmentNote? Note;
        public NoteDates NoteDates;
        public JsonDocument? Authorization;
        public string? Payer;
        public bool Telehealth;
        public string? PlaceOfService;
        public string? BeneficiaryId;
        public decimal? AllowedAmount;
        public decimal? KxYearToDateAllowed;
    }

    private static bool ReadRecord(ref Utf8JsonReader reader, ref RecordState state)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = RootField(ref reader);
            if (field < 0 || (seen & (1 << field)) != 0 || !reader.Read())
            {
                return false;
            }

            seen |= 1 << field;
            if (!ReadRootValue(ref reader, field, ref state))
            {
                return false;
            }
        }

        // The object must end here and nothing but white space may follow it.
        return reader.TokenType == JsonTokenType.EndObject && !reader.Read();
    }

    private static int RootField(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return -1;
        }

        var name = reader.ValueSpan;
        return name.Length switch
        {
            2 when name.SequenceEqual("id"u8) => 0,
            13 when name.SequenceEqual("dateOfService"u8) => 1,
            6 when name.SequenceEqual("method"u8) => 2,
            10 when name.SequenceEqual("discipline"u8) => 3,
            8 when name.SequenceEqual("segments"u8) => 4,
            5 when name.SequenceEqual("lines"u8) => 5,
            13 when name.SequenceEqual("documentation"u8) => 6,
            5 when name.SequenceEqual("payer"u8) => 7,
            10 when name.SequenceEqual("telehealth"u8) => 8,
            14 when name.SequenceEqual("placeOfService"u8) => 9,
            13 when name.SequenceEqual("beneficiaryId"u8) => 10,
            13 when name.SequenceEqual("allowedAmount"u8) => 11,
            19 when name.SequenceEqual("kxYearToDateAllowed"u8) => 12,
            13 when name.SequenceEqual("authorization"u8) => 13,
            _ => -1,
        };
    }

    private static bool ReadRootValue(ref Utf8JsonReader reader, int field, ref RecordState state)
    {
        bool isNull = reader.TokenType == JsonTokenType.Null;
        switch (field)
        {
            case 0:
                state.Id = NonEmptyString(ref reader);
                return state.Id is not null;
            case 1:
                state.Date = ReadDate(ref reader);
                return state.Date is not null;
            case 2:
                return isNull || TryReadMethod(ref reader, out state.Method);
            case 3:
                return isNull || TryReadDiscipline(ref reader, out state.Discipline);
            case 4:
                return isNull || ReadSegments(ref reader, out state.Segments);
            case 5:
                return isNull || ReadLines(ref reader, out state.Lines);
            case 6:
                // A null note is the element path's to judge.
                state.Note = Utf8NoteReader.Read(ref reader, ref state.NoteDates);
                return state.Note is not null;
            case 7:
                return isNull || (state.Payer = NonEmptyString(ref reader)) is not null;
            case 8:
                if (isNull)
                {
                    return true;
                }

                state.Telehealth = reader.TokenType == JsonTokenType.True;
                return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
            case 9:
                return isNull || (state.PlaceOfService = PlaceOfService(ref reader)) is not null;
            case 10:
                return isNull || (state.BeneficiaryId = NonEmptyString(ref reader)) is not null;
            case 11:
                return isNull || (state.AllowedAmount = Amount(ref reader)) is not null;
            case 12:
                return isNull || (state.KxYearToDateAllowed = Amount(ref reader)) is not null;
            case 13:
                if (isNull)
                {
                    return true;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return false;
                }

                state.Authorization = JsonDocument.ParseValue(ref reader);
                return true;
            default:
                return false;
        }
    }

    private static EncounterReadResult? Build(ref RecordState state, bool strict)
    {
        if (state.Id is not { } id || state.Date is not { } date)
        {
            return null;
        }

        if (state.Note is not null && !state.NoteDates.AreWithin(EncounterJson.DateWindow(date)))
        {
            return null; // a note date out of the window is the element path's finding
        }

        var segments = state.Segments.IsDefault ? [] : state.Segments;
        var lines = state.Lines.IsDefault ? [] : state.Lines;
        var encounter = new Encounter(id, date, [])
        {
            Segments = segments,
            Method = state.Method,
            Discipline = state.Discipline,
            BilledLines = lines,
            PayerId = state.Payer,
            IsTelehealth = state.Telehealth,
            PlaceOfService = state.PlaceOfService,
            BeneficiaryId = state.BeneficiaryId,
            AllowedAmount = state.AllowedAmount,
            KxYearToDateAllowed = state.KxYearToDateAllowed,
            Documentation = state.Note,
        };

        if (state.Authorization is { } authorization)
        {
            var diagnostics = new List<Diagnostic>();
            var root = authorization.RootElement;
            ContractShape.Walk(ContractShape.Encounter.Child("authorization")!, root, "authorization", strict, diagnostics);
            encounter = PayerJson.ReadAuthorization(root, encounter, diagnostics);
            if (diagnostics.Count != 0)
            {
                return null;
            }
        }

        // Nothing to check (TBR019) is the element path's to report.
        return encounter is { Segments.IsEmpty: true, BilledLines.IsEmpty: true, Documentation: null }
            ? null
            : new EncounterReadResult(id, encounter, []);
    }

    private static bool ReadSegments(ref Utf8JsonReader reader, out ImmutableArray<TreatmentSegment> segments)
    {
        segments = default;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = Scratch<TreatmentSegment>.List;
        list.Clear();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || ReadSegment(ref reader) is not { } segment)
            {
                list.Clear();
                return false;
            }

            list.Add(segment);
        }

        segments = Scratch<TreatmentSegment>.ToImmutableAndClear();
        return true;
    }

    private static TreatmentSegment? ReadSegment(ref Utf8JsonReader reader)
    {
        CptCode code = default;
        int? minutes = null;
        LocalTime? start = null, end = null;
        ImmutableArray<Modifier> modifiers = [];
        string? region = null;
        ProviderRole? furnishedBy = null;
        int? assistantMinutes = null;
        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = SegmentField(ref reader);
            if (field < 0 || (seen & (1 << field)) != 0 || !reader.Read())
            {
                return null;
            }

            seen |= 1 << field;
            if (reader.TokenType == JsonTokenType.Null)
            {
                // Null is an absent field; a required one is then missing, which the element path reports.
                if (field is 0)
                {
                    return null;
                }

                continue;
            }

            bool ok = field switch
            {
                0 => TryReadCode(ref reader, out code),
                1 => TryReadWholeNumber(ref reader, EncounterJson.MaxSegmentMinutes, out minutes),
                2 => (start = ReadTime(ref reader)) is not null,
                3 => (end = ReadTime(ref reader)) is not null,
                4 => TryReadModifiers(ref reader, out modifiers),
                5 => TryReadRole(ref reader, out furnishedBy),
                6 => TryReadWholeNumber(ref reader, int.MaxValue, out assistantMinutes), // checked against the segment's own minutes below
                7 => TryReadString(ref reader, out region),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        bool hasMinutes = minutes is not null, hasTimes = start is not null && end is not null;
        if (reader.TokenType != JsonTokenType.EndObject || code.IsDefault || hasMinutes == hasTimes || (hasMinutes && (start is not null || end is not null)))
        {
            return null;
        }

        // One object with every field (not a copy per field).
        var segment = TreatmentSegment.Create(code, minutes, start, end, modifiers, region, furnishedBy, assistantMinutes);
        if (assistantMinutes is int value)
        {
            int? limit = segment.Minutes ?? (segment.GetDuration() is { } d ? (int)(d.BclCompatibleTicks / NodaConstants.TicksPerMinute) : null);
            if (limit is int max && value > max)
            {
                return null;
            }
        }

        return segment;
    }

    private static int SegmentField(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return -1;
        }

        var name = reader.ValueSpan;
        return name.Length switch
        {
            4 when name.SequenceEqual("code"u8) => 0,
            7 when name.SequenceEqual("minutes"u8) => 1,
            5 when name.SequenceEqual("start"u8) => 2,
            3 when name.SequenceEqual("end"u8) => 3,
            9 when name.SequenceEqual("modifiers"u8) => 4,
            11 when name.SequenceEqual("furnishedBy"u8) => 5,
            16 when name.SequenceEqual("assistantMinutes"u8) => 6,
            6 when name.SequenceEqual("region"u8) => 7,
            _ => -1,
        };
    }

    private static bool ReadLines(ref Utf8JsonReader reader, out ImmutableArray<BilledLine> lines)
    {
        lines = default;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = Scratch<BilledLine>.List;
        list.Clear();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || ReadLine(ref reader) is not { } line)
            {
                list.Clear();
                return false;
            }

            list.Add(line);
        }

        lines = Scratch<BilledLine>.ToImmutableAndClear();
        return true;
    }

    /// <summary>
    /// One list per thread and item type, reused from record to record: the items are collected there and copied
    /// once into an array of the exact size (no list and no growing arrays per record). Reading never nests a list of
    /// the same type, and the list is cleared after use so it holds no record.
    /// </summary>
    private static class Scratch<T>
    {
        [ThreadStatic]
        private static List<T>? t_list;

        public static List<T> List => t_list ??= new List<T>(16);

        public static ImmutableArray<T> ToImmutableAndClear()
        {
            var list = List;
            var array = list.ToArray();
            list.Clear();
            if (list.Capacity > 1024)
            {
                list.Capacity = 16; // one huge record does not keep its buffer for the rest of the run
            }

            return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(array);
        }
    }

    private static BilledLine? ReadLine(ref Utf8JsonReader reader)
    {
        CptCode code = default;
        int? units = null;
        ImmutableArray<Modifier> modifiers = [];
        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return null;
            }

            var name = reader.ValueSpan;
            int field = name.SequenceEqual("code"u8) ? 0 : name.SequenceEqual("units"u8) ? 1 : name.SequenceEqual("modifiers"u8) ? 2 : -1;
            if (field < 0 || (seen & (1 << field)) != 0 || !reader.Read())
            {
                return null;
            }

            seen |= 1 << field;
            bool ok = field switch
            {
                0 => TryReadCode(ref reader, out code),
                1 => TryReadWholeNumber(ref reader, EncounterJson.MaxBilledUnits, out units),
                _ => reader.TokenType == JsonTokenType.Null || TryReadModifiers(ref reader, out modifiers),
            };
            if (!ok)
            {
                return null;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && !code.IsDefault && units is int u
            ? new BilledLine(code, u) { Modifiers = modifiers }
            : null;
    }

    /// <summary>A code of exactly five unescaped ASCII bytes (the element path also trims and unescapes; those records take it).</summary>
    internal static bool TryReadCode(ref Utf8JsonReader reader, out CptCode code)
    {
        code = default;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.ValueSpan.Length != 5)
        {
            return false;
        }

        var bytes = reader.ValueSpan;
        Span<char> chars = stackalloc char[5];
        for (int i = 0; i < 5; i++)
        {
            chars[i] = (char)bytes[i];
        }

        return bytes[0] < 0x80 && CptCode.TryParse(chars, out code);
    }

    private static bool TryReadModifiers(ref Utf8JsonReader reader, out ImmutableArray<Modifier> modifiers)
    {
        modifiers = [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        // Count first on a copy of the reader (a struct), so the list is made once at its exact size.
        var ahead = reader;
        int count = 0;
        while (ahead.Read() && ahead.TokenType == JsonTokenType.String)
        {
            count++;
        }

        if (ahead.TokenType != JsonTokenType.EndArray)
        {
            return false; // not a list of strings: the element path says why
        }

        if (count == 0)
        {
            reader = ahead;
            return true;
        }

        if (count == 1)
        {
            if (!reader.Read() || !TryReadModifier(ref reader, out var only))
            {
                return false;
            }

            reader.Read(); // the end of the array
            modifiers = SingleModifier(only);
            return true;
        }

        var read = new Modifier[count];
        for (int i = 0; i < count; i++)
        {
            if (!reader.Read() || !TryReadModifier(ref reader, out read[i]))
            {
                return false;
            }
        }

        reader.Read(); // the end of the array
        modifiers = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(read);
        return true;
    }

    private static ImmutableArray<Modifier> SingleModifier(Modifier modifier)
    {
        int slot = (SlotOf(modifier.Value[0]) * 36) + SlotOf(modifier.Value[1]);
        var list = s_singleModifiers[slot];
        if (list.IsDefault)
        {
            list = [modifier];
            s_singleModifiers[slot] = list;
        }

        return list;

        static int SlotOf(char c) => c <= '9' ? c - '0' : c - 'A' + 10;
    }

    private static bool TryReadModifier(ref Utf8JsonReader reader, out Modifier modifier)
    {
        modifier = default;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.ValueSpan.Length != 2)
        {
            return false;
        }

        var bytes = reader.ValueSpan;
        if (bytes[0] >= 0x80 || bytes[1] >= 0x80)
        {
            return false;
        }

        Span<char> chars = [(char)bytes[0], (char)bytes[1]];
        return Modifier.TryParse(chars, out modifier);
    }

    /// <summary>A whole number in range written as an integer (<c>20.0</c>, <c>2e1</c> and the like take the element path).</summary>
    internal static bool TryReadWholeNumber(ref Utf8JsonReader reader, int max, out int? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int number) || number < 0 || number > max)
        {
            return false;
        }

        value = number;
        return true;
    }

    private static bool TryReadRole(ref Utf8JsonReader reader, out ProviderRole? role)
    {
        role = null;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }

        var text = reader.ValueSpan;
        role = AsciiEqualsIgnoreCase(text, "therapist"u8) ? ProviderRole.Therapist
            : AsciiEqualsIgnoreCase(text, "assistant"u8) ? ProviderRole.Assistant
            : null;
        return role is not null;
    }

    private static bool TryReadString(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        text = reader.GetString();
        return true;
    }

    private static string? NonEmptyString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text ? text : null;

    /// <summary><c>yyyy-MM-dd</c> of ten unescaped ASCII digits and dashes, a real date within the contract's range.</summary>
    private static LocalDate? ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return null;
        }

        var b = reader.ValueSpan;
        if (b.Length != 10 || b[4] != (byte)'-' || b[7] != (byte)'-'
            || !TryDigits(b.Slice(0, 4), out int year) || !TryDigits(b.Slice(5, 2), out int month) || !TryDigits(b.Slice(8, 2), out int day)
            || year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return null;
        }

        var date = new LocalDate(year, month, day);
        return date >= EncounterJson.EarliestDateOfService && date <= EncounterJson.LatestDateOfService ? date : null;
    }

    /// <summary><c>HH:mm</c> or <c>HH:mm:ss</c>, unescaped, a real time of day.</summary>
    internal static LocalTime? ReadTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return null;
        }

        var b = reader.ValueSpan;
        int second = 0;
        if ((b.Length != 5 && b.Length != 8) || b[2] != (byte)':'
            || !TryDigits(b.Slice(0, 2), out int hour) || !TryDigits(b.Slice(3, 2), out int minute)
            || (b.Length == 8 && (b[5] != (byte)':' || !TryDigits(b.Slice(6, 2), out second)))
            || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        return new LocalTime(hour, minute, second);
    }

    private static bool TryDigits(ReadOnlySpan<byte> bytes, out int value)
    {
        value = 0;
        foreach (byte b in bytes)
        {
            if (b < (byte)'0' || b > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static bool TryReadMethod(ref Utf8JsonReader reader, out UnitMethod? method)
    {
        method = null;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }

        var text = reader.ValueSpan;
        method = AsciiEqualsIgnoreCase(text, "cms"u8) ? UnitMethod.Cms : AsciiEqualsIgnoreCase(text, "ama"u8) ? UnitMethod.Ama : null;
        return method is not null;
    }

    private static bool TryReadDiscipline(ref Utf8JsonReader reader, out Discipline? discipline)
    {
        discipline = null;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }

        var text = reader.ValueSpan;
        discipline = AsciiEqualsIgnoreCase(text, "pt"u8) ? Rules.Discipline.PhysicalTherapy
            : AsciiEqualsIgnoreCase(text, "ot"u8) ? Rules.Discipline.OccupationalTherapy
            : AsciiEqualsIgnoreCase(text, "slp"u8) ? Rules.Discipline.SpeechLanguagePathology
            : null;
        return discipline is not null;
    }

    /// <summary>Two unescaped ASCII digits, as the shared string of those digits.</summary>
    private static string? PlaceOfService(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.ValueSpan.Length != 2
            || !TryDigits(reader.ValueSpan, out int value))
        {
            return null;
        }

        return s_twoDigits[value];
    }

    /// <summary>A dollar amount written as plain digits with an optional fraction (no sign, no exponent), in range; zero of any scale is 0.</summary>
    private static decimal? Amount(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || reader.ValueSpan.Length > 20)
        {
            return null;
        }

        var b = reader.ValueSpan;
        int dots = 0;
        foreach (byte c in b)
        {
            if (c == (byte)'.')
            {
                dots++;
            }
            else if (c < (byte)'0' || c > (byte)'9')
            {
                return null;
            }
        }

        if (dots > 1 || !Utf8Parser.TryParse(b, out decimal d, out int consumed) || consumed != b.Length || d < 0 || d > Encounter.MaxDollarAmount)
        {
            return null;
        }

        return d == 0m ? 0m : d;
    }

    /// <summary>Compares ASCII bytes with a lower-case ASCII word, ignoring case (non-ASCII bytes never match).</summary>
    private static bool AsciiEqualsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerWord)
    {
        if (text.Length != lowerWord.Length)
        {
            return false;
        }

        for (int i = 0; i < text.Length; i++)
        {
            byte c = text[i];
            if ((c >= (byte)'A' && c <= (byte)'Z' ? (byte)(c | 0x20) : c) != lowerWord[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string[] CreateTwoDigits()
    {
        var digits = new string[100];
        for (int i = 0; i < 100; i++)
        {
            digits[i] = i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        }

        return digits;
    }
}
