using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// The settings of <c>therapy-rules.json</c>, one model for every door (CLI, server): threshold, severity overrides,
/// suppressions with reasons, default payer and method, today, reference files and the help base URL.
/// </summary>
/// <remarks>Read it with <see cref="ComplianceConfigReader.Read(string, string?)"/>; the policy parts go into <see cref="ApplyTo"/>. Immutable.</remarks>
public sealed record ComplianceConfig
{
    /// <summary>Gets the file name looked for in the working directory.</summary>
    public const string FileName = "therapy-rules.json";

    /// <summary>Gets the <c>failOn</c> threshold, or <see langword="null"/> when the file names none; <c>never</c> is <see cref="FailOnNever"/>.</summary>
    public Severity? FailOn { get; init; }

    /// <summary>Gets a value indicating whether the file says <c>"failOn": "never"</c>.</summary>
    public bool FailOnNever { get; init; }

    /// <summary>Gets the severity overrides by id.</summary>
    public ImmutableDictionary<string, Severity> SeverityOverrides { get; init; } = ImmutableDictionary.Create<string, Severity>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the suppressions.</summary>
    public ImmutableArray<Suppression> Suppressions { get; init; } = [];

    /// <summary>Gets the default payer id, or <see langword="null"/>.</summary>
    public string? DefaultPayer { get; init; }

    /// <summary>Gets the default unit method, or <see langword="null"/>.</summary>
    public UnitMethod? DefaultMethod { get; init; }

    /// <summary>Gets "today", or <see langword="null"/>.</summary>
    public LocalDate? Today { get; init; }

    /// <summary>Gets the code catalog file, resolved against the config file's folder, or <see langword="null"/>.</summary>
    public string? Catalog { get; init; }

    /// <summary>Gets the PTP edit files, resolved against the config file's folder.</summary>
    public ImmutableArray<string> PtpFiles { get; init; } = [];

    /// <summary>Gets the MUE file, resolved against the config file's folder, or <see langword="null"/>.</summary>
    public string? MueFile { get; init; }

    /// <summary>Gets the payer-profile file, resolved against the config file's folder, or <see langword="null"/>.</summary>
    public string? PayerProfiles { get; init; }

    /// <summary>Gets the help base URL, or <see langword="null"/>.</summary>
    public string? HelpBaseUrl { get; init; }

    /// <summary>Applies the policy parts (overrides, suppressions, default payer and method, today, help URL) to options.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The options with the file's settings where it has them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public ComplianceOptions ApplyTo(ComplianceOptions options)
    {
        Guard.NotNull(options);
        return options with
        {
            SeverityOverrides = SeverityOverrides.IsEmpty ? options.SeverityOverrides : SeverityOverrides,
            Suppressions = Suppressions.IsDefaultOrEmpty ? options.Suppressions : Suppressions,
            DefaultPayerId = DefaultPayer ?? options.DefaultPayerId,
            DefaultMethod = DefaultMethod ?? options.DefaultMethod,
            Today = Today ?? options.Today,
            HelpBaseUrl = HelpBaseUrl ?? options.HelpBaseUrl,
        };
    }
}
