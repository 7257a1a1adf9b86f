using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>Only ids are ever echoed: notes and bad values can hold patient data.</summary>
public sealed class NoEchoTests
{
    private const string Secret = "JaneDoe1961";

    public static TheoryData<string> Inputs() => new()
    {
        // unknown fields, documentation notes, bad values of every field
        "{\"encounters\":[{\"id\":\"e1\",\"dateOfService\":\"2026-01-05\",\"patient\":\"" + Secret + "\",\"documentation\":{\"note\":\"" + Secret + "\"},\"segments\":[{\"code\":\"97535\",\"minutes\":23,\"comment\":\"" + Secret + "\"}]}]}",
        "{\"encounters\":[{\"id\":\"e2\",\"dateOfService\":\"" + Secret + "\",\"method\":\"" + Secret + "\",\"discipline\":\"" + Secret + "\"}]}",
        "{\"encounters\":[{\"id\":\"e3\",\"dateOfService\":\"2026-01-05\",\"segments\":[{\"code\":\"" + Secret + "\",\"start\":\"" + Secret + "\",\"end\":\"09:00\",\"modifiers\":[\"" + Secret + "\"]}],\"lines\":[{\"code\":\"" + Secret + "\",\"units\":\"" + Secret + "\"}]}]}",
        "{\"encounters\":[\"" + Secret + "\",{\"id\":\"e4\",\"dateOfService\":\"2026-01-05\",\"segments\":\"" + Secret + "\"}]}",
        "{\"encounters\":[{\"id\":\"e5\",\"" + Secret + "\": tru" + Secret + "}]}",
        // the documentation note's free text and the payer fields that are not ids of the encounter
        "{\"encounters\":[{\"id\":\"e6\",\"dateOfService\":\"2026-01-05\",\"discipline\":\"OT\",\"beneficiaryId\":\"" + Secret + "\",\"allowedAmount\":99,\"kxYearToDateAllowed\":2470,\"payer\":\"medicare\","
            + "\"segments\":[{\"code\":\"97535\",\"minutes\":30,\"modifiers\":[\"GO\"]}],"
            + "\"documentation\":{\"interventions\":[{\"code\":\"97535\",\"minutes\":30,\"task\":\"" + Secret + "\",\"narrative\":\"" + Secret + " " + Secret + "\",\"patientResponse\":\"" + Secret + "\"}],"
            + "\"signature\":{\"signed\":true,\"credentials\":\"" + Secret + "\",\"role\":\"" + Secret + "\"},\"episode\":{\"previousNarrative\":\"" + Secret + " " + Secret + "\"}}}]}",
        "{\"encounters\":[{\"id\":\"e7\",\"dateOfService\":\"2026-01-05\",\"payer\":{\"name\":\"" + Secret + "\"},\"placeOfService\":\"" + Secret + "\",\"authorization\":{\"id\":7,\"codes\":[\"" + Secret + "\"]},"
            + "\"segments\":[{\"code\":\"97535\",\"minutes\":30,\"furnishedBy\":\"" + Secret + "\"}],\"documentation\":{\"dateOfService\":\"" + Secret + "\",\"interventions\":[{\"code\":\"" + Secret + "\",\"start\":\"" + Secret + "\"}]}}]}",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Check_AnyFormat_NeverEchoesInputOtherThanIds(string input)
    {
        foreach (string format in new[] { "text", "json", "ndjson", "junit", "html" })
        {
            var run = CliRunner.Run(["check", "-", "--format", format], input);
            Assert.InRange(run.ExitCode, 0, 2);
            Assert.DoesNotContain(Secret, run.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, run.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_Ids_AreEchoed()
    {
        var run = CliRunner.Run(["check", "-", "--format", "junit"], "{\"encounters\":[{\"id\":\"visit-<&>\",\"dateOfService\":\"2026-01-05\"}]}");
        Assert.Contains("name=\"visit-&lt;&amp;&gt;\"", run.Stdout, StringComparison.Ordinal);
    }
}
