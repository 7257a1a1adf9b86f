namespace TherapyBilling.Rules.Server.Tests.Support;

/// <summary>Encounters used by the tests. <see cref="Marker"/> stands for patient data that must never come back.</summary>
public static class Samples
{
    /// <summary>Text that stands for PHI in inputs; no response may contain it.</summary>
    public const string Marker = "ZQXPATIENTSECRET";

    /// <summary>97535 as a 10 + 13 minute split and a 97530 segment, billed with one unit short, 97535 without XU and 97530 without GP.</summary>
    public const string Split = """
        {"id":"e1","dateOfService":"2026-03-10","discipline":"PT",
         "segments":[{"code":"97535","start":"09:00","end":"09:10"},{"code":"97535","start":"09:25","end":"09:38"},{"code":"97530","start":"09:10","end":"09:25"}],
         "lines":[{"code":"97535","units":1,"modifiers":["GP"]},{"code":"97530","units":1}]}
        """;

    /// <summary>A clean encounter: 23 minutes of 97535, billed right.</summary>
    public const string Clean = """
        {"id":"e2","dateOfService":"2026-03-10","discipline":"PT","segments":[{"code":"97535","minutes":23}],"lines":[{"code":"97535","units":2,"modifiers":["GP"]}]}
        """;

    /// <summary>An encounter whose free-text and id fields carry the marker.</summary>
    public static string WithPhi => """
        {"id":"e3","dateOfService":"2026-03-10","discipline":"PT","patientName":"MARK",
         "authorization":{"id":"MARK","visits":"MARK"},
         "documentation":{"goals":["MARK"],"signature":{"name":"MARK"}},
         "segments":[{"code":"MARK","minutes":"MARK"}],"lines":[{"code":"97535","units":2,"modifiers":["MARK"]}]}
        """.Replace("MARK", Marker, StringComparison.Ordinal);
}
