namespace TherapyBilling.Rules.Cli;

/// <summary>Finds and reads <c>therapy-rules.json</c> (given with <c>--config</c>, else in the working directory) with the core's reader.</summary>
internal static class ConfigFile
{
    public static ComplianceConfig? Load(string? path)
    {
        string? file = path ?? (File.Exists(ComplianceConfig.FileName) ? ComplianceConfig.FileName : null);
        if (file is null)
        {
            return null;
        }

        if (!File.Exists(file))
        {
            throw new CliInputException($"{file}: the configuration file does not exist.");
        }

        try
        {
            return ComplianceConfigReader.Read(File.ReadAllText(file), Path.GetDirectoryName(Path.GetFullPath(file)));
        }
        catch (ComplianceConfigException e)
        {
            throw new CliInputException($"{file}: {e.Message}");
        }
    }
}
