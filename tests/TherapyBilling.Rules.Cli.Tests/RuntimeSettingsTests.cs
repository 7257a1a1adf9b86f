using System.Text.Json;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>
/// Issue 17, warm start: the tool's runtime settings (benchmarks/README.md, "Warm start") are in the runtimeconfig.json
/// that ships with it, so `dotnet tool install` users run with them too.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void ToolRuntimeConfig_TiersUpWithoutDelay_AndWithoutInstrumentedTier()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TherapyBilling.Rules.Cli.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(0, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
