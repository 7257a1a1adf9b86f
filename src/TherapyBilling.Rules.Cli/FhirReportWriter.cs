using System.Text;
using TherapyBilling.Rules.Fhir;

namespace TherapyBilling.Rules.Cli;

/// <summary><c>--format fhir</c>: one OperationOutcome per encounter, in a Bundle (JSON input) or one per line (NDJSON input).</summary>
/// <remarks>Streams: the Bundle is written entry by entry, so memory stays flat whatever the number of encounters.</remarks>
internal sealed class FhirReportWriter(Stream stream, bool lines) : IReportWriter
{
    private readonly StreamWriter _writer = new(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
    private long _entries;

    public void Begin(RunInfo run)
    {
        if (!lines)
        {
            _writer.Write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        }
    }

    public void Write(CheckResult result)
    {
        string outcome = FhirJson.Serialize(FhirOutcomeWriter.ToOperationOutcome(result.Id, result.Diagnostics));
        if (lines)
        {
            _writer.WriteLine(outcome);
            return;
        }

        _writer.Write(_entries == 0 ? "\n" : ",\n");
        _writer.Write("{\"fullUrl\":\"" + FhirOutcomeWriter.EntryUrl(++_entries) + "\",\"resource\":");
        _writer.Write(outcome);
        _writer.Write('}');
    }

    public void End(CheckSummary summary)
    {
        if (!lines)
        {
            _writer.WriteLine("\n]}");
        }

        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();
}
