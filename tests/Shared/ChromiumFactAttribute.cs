namespace TherapyBilling.Rules.Testing;

/// <summary>(Shared by the CLI and server test projects, linked into each.) A test that needs Chromium: THERAPY_RULES_CHROMIUM (set by .ci/run), else /usr/bin/chromium; skipped when neither exists.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Executable is null)
        {
            Skip = "Chromium not found (set THERAPY_RULES_CHROMIUM or install the distribution's chromium package).";
        }
    }

    public static string? Executable =>
        new[] { Environment.GetEnvironmentVariable("THERAPY_RULES_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
}
