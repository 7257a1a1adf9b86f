using System.CommandLine;

namespace TherapyBilling.Rules.Cli;

/// <summary><c>therapy-rules schema</c>: prints the JSON Schema (draft 2020-12) of the input contract.</summary>
internal static class SchemaCommand
{
    public const string ResourceName = "TherapyBilling.Rules.Cli.encounter.schema.json";

    public static Command Build(CliConsole console)
    {
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of the input: a document { \"encounters\": [ ... ] }; $defs/encounter is one NDJSON line.");
        command.SetAction(_ =>
        {
            using var schema = typeof(SchemaCommand).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException("The embedded schema is missing.");
            schema.CopyTo(console.Out);
            return CliApp.ExitOk;
        });
        return command;
    }
}
