using System.CommandLine;

namespace TherapyBilling.Rules.Cli;

/// <summary><c>therapy-rules schema</c>: prints the JSON Schema (draft 2020-12) of the input contract, or with <c>--config</c> of <c>therapy-rules.json</c>.</summary>
internal static class SchemaCommand
{
    public const string ResourceName = "TherapyBilling.Rules.Cli.encounter.schema.json";

    /// <summary>The strict variant: <c>additionalProperties: false</c> at every object level (what the reader's strict mode accepts).</summary>
    public const string StrictResourceName = "TherapyBilling.Rules.Cli.encounter.strict.schema.json";

    /// <summary>The schema of the configuration file <c>therapy-rules.json</c>.</summary>
    public const string ConfigResourceName = "TherapyBilling.Rules.Cli.therapy-rules.schema.json";

    public static Command Build(CliConsole console)
    {
        var strict = new Option<bool>("--strict") { Description = "Print the strict variant: no property outside the contract at any level (additionalProperties: false)." };
        var config = new Option<bool>("--config") { Description = "Print the schema of the configuration file therapy-rules.json instead of the input's." };
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of the input: a document { \"encounters\": [ ... ] }; $defs/encounter is one NDJSON line. --config: the schema of therapy-rules.json.") { strict, config };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(config) && parsed.GetValue(strict))
            {
                throw new CliInputException("--config and --strict cannot be combined: the configuration schema has one variant.");
            }

            string name = parsed.GetValue(config) ? ConfigResourceName : parsed.GetValue(strict) ? StrictResourceName : ResourceName;
            using var schema = typeof(SchemaCommand).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException("The embedded schema is missing.");
            schema.CopyTo(console.Out);
            return CliApp.ExitOk;
        });
        return command;
    }
}
