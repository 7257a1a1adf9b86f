using System.CommandLine;

namespace TherapyBilling.Rules.Cli;

/// <summary><c>therapy-rules schema</c>: prints the JSON Schema (draft 2020-12) of the input contract.</summary>
internal static class SchemaCommand
{
    public const string ResourceName = "TherapyBilling.Rules.Cli.encounter.schema.json";

    /// <summary>The strict variant: <c>additionalProperties: false</c> at every object level (what the reader's strict mode accepts).</summary>
    public const string StrictResourceName = "TherapyBilling.Rules.Cli.encounter.strict.schema.json";

    public static Command Build(CliConsole console)
    {
        var strict = new Option<bool>("--strict") { Description = "Print the strict variant: no property outside the contract at any level (additionalProperties: false)." };
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of the input: a document { \"encounters\": [ ... ] }; $defs/encounter is one NDJSON line.") { strict };
        command.SetAction(parsed =>
        {
            using var schema = typeof(SchemaCommand).Assembly.GetManifestResourceStream(parsed.GetValue(strict) ? StrictResourceName : ResourceName)
                ?? throw new InvalidOperationException("The embedded schema is missing.");
            schema.CopyTo(console.Out);
            return CliApp.ExitOk;
        });
        return command;
    }
}
