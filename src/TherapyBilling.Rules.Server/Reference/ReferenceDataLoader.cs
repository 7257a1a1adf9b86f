using System.Text;
using Microsoft.Extensions.Options;
using TherapyBilling.Rules.Server.Configuration;

namespace TherapyBilling.Rules.Server.Reference;

/// <summary>Loads the configured reference files in the background at start, so <c>/healthz</c> answers while it runs and <c>/readyz</c> after.</summary>
internal sealed partial class ReferenceDataLoader(ReferenceData data, IOptions<RulesServerOptions> options, ILogger<ReferenceDataLoader> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        () =>
        {
            try
            {
                var loaded = Load(options.Value);
                data.Loaded(loaded);
                int tables = loaded.DescribeReferenceData().Count;
                LogLoaded(logger, tables);
            }
            catch (Exception e) when (e is ReferenceDataException or IOException or UnauthorizedAccessException)
            {
                // The loaders' messages name the file and line of reference data (never patient data).
                string reason = e is ReferenceDataException ? e.Message.ReplaceLineEndings(" ") : e.GetType().Name;
                data.Failed(reason);
                LogFailed(logger, reason);
            }
        },
        stoppingToken);

    /// <summary>Builds the options from the configured files (shipped data where none is named).</summary>
    public static ComplianceOptions Load(RulesServerOptions settings)
    {
        var options = ComplianceOptions.Default;
        if (settings.CatalogFile is { Length: > 0 } catalog)
        {
            using var reader = new StreamReader(catalog);
            options = options with { Catalog = CodeCatalog.Load(reader, catalog) };
        }

        if (settings.PairTableFile is { Length: > 0 } ptp)
        {
            using var reader = new StreamReader(ptp, Encoding.Latin1, detectEncodingFromByteOrderMarks: true);
            options = options with { PairTable = PtpEditTable.LoadCms(reader, ptp, version: Path.GetFileNameWithoutExtension(ptp)) };
        }

        if (settings.PayerProfilesFile is { Length: > 0 } payers)
        {
            using var stream = File.OpenRead(payers);
            var loaded = PayerProfileJson.Load(stream, payers);
            options = options with { PayerProfiles = PayerProfiles.Create(loaded.Version, loaded.Source, PayerProfileJson.Default.Profiles.Concat(loaded.Profiles)) };
        }

        return options;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference data loaded: {Tables} tables")]
    private static partial void LogLoaded(ILogger logger, int tables);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reference data failed to load: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
