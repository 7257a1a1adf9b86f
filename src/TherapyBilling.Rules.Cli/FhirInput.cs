using System.Text;
using Hl7.Fhir.Model;
using TherapyBilling.Rules.Fhir;

namespace TherapyBilling.Rules.Cli;

/// <summary>Reads <c>--input-format fhir</c>: a FHIR Bundle JSON document (or one resource), or FHIR NDJSON (one resource per line).</summary>
/// <remarks>
/// NDJSON is streamed line by line: each line is parsed and dropped; only the resources the mapping needs
/// (Encounter, Procedure, Claim, Coverage, Organization) are kept until the end of the input, because the resources
/// of one encounter may be anywhere in the file. Memory therefore grows with those resources, not with the file
/// (docs/fhir.md has the figures). A line that is not a FHIR resource is a TBR078 finding, and the other lines are
/// still read. A Bundle document is read whole (it is one JSON value).
/// </remarks>
internal static class FhirInput
{
    /// <summary>Reads the input; it is NDJSON when its first non-blank line is a whole resource other than a Bundle (so standard input works too).</summary>
    public static (FhirReadResult Read, bool Ndjson) Read(Stream stream, string name)
    {
        var set = new FhirResourceSet();
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        string? first;
        int lineNumber = 0;
        do
        {
            first = reader.ReadLine();
            lineNumber++;
        }
        while (first is not null && string.IsNullOrWhiteSpace(first));

        bool ndjson = first is not null && FhirJson.TryParseResource(first, out var head, out _) && head is not Bundle;
        if (ndjson)
        {
            string? line = first;
            while (line is not null)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    line = reader.ReadLine();
                    lineNumber++;
                    continue;
                }

                if (FhirJson.TryParseResource(line, out var resource, out string? problem))
                {
                    set.Add(resource);
                }
                else
                {
                    set.AddUnreadable("line " + lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), resource, problem ?? "unreadable");
                }

                line = reader.ReadLine();
                lineNumber++;
            }

            return (set.Read(), true);
        }

        string text = first + "\n" + reader.ReadToEnd();
        if (!FhirJson.TryParseResource(text, out var document, out string? error))
        {
            throw new CliInputException($"{name}: not a FHIR R4 resource ({error}); expected a Bundle (or --input-format fhir with a .ndjson file for one resource per line). Nothing was checked.");
        }

        set.Add(document);
        return (set.Read(), false);
    }
}
