using System.Security.Cryptography;
using System.Text;

namespace TherapyBilling.Rules.Cli;

/// <summary>The report's style sheet and script (embedded resources) and the Content-Security-Policy that allows only them.</summary>
internal static class HtmlReportAssets
{
    /// <summary>Gets the style sheet.</summary>
    public static string Css { get; } = Load("TherapyBilling.Rules.Cli.HtmlReport.report.css");

    /// <summary>Gets the script.</summary>
    public static string Script { get; } = Load("TherapyBilling.Rules.Cli.HtmlReport.report.js");

    /// <summary>
    /// Gets the policy: nothing may be fetched, and only this style sheet and this script (by hash) run, so a value
    /// that escaped its context still could neither load nor run anything.
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        "default-src 'none'; style-src '" + Hash(Css) + "'; script-src '" + Hash(Script) + "'; base-uri 'none'; form-action 'none'";

    private static string Load(string name)
    {
        using var stream = typeof(HtmlReportAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("The embedded resource " + name + " is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
