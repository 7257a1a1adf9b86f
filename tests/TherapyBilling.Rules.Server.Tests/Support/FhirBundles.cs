namespace TherapyBilling.Rules.Server.Tests.Support;

/// <summary>FHIR R4 Bundles for <c>POST /v1/fhir/check</c>.</summary>
public static class FhirBundles
{
    /// <summary>The repository's sample Bundle (samples/data/fhir/bundle.json), whose CLI output is a golden file.</summary>
    public static string Sample => File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "data", "fhir", "bundle.json"));

    /// <summary>The golden file of <c>therapy-rules check samples/data/fhir/bundle.json --input-format fhir --format fhir</c>.</summary>
    public static string CliOutputOfSample => File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "TherapyBilling.Rules.Cli.Tests", "Snapshots", "FhirCheckTests.FhirInput_MatchesGoldenFile_bundle.json_fhir.verified.txt"));

    /// <summary>One visit: 97535 for 23 minutes billed as 3 units (one too many) with GP.</summary>
    public static string OneVisit(string encounterId = "v1", string extraEncounter = "", string extraProcedure = "", string extraClaim = "") => $$$$"""
        {"resourceType":"Bundle","type":"collection","entry":[
          {"resource":{"resourceType":"Encounter","id":"{{{{encounterId}}}}","status":"finished",{{{{extraEncounter}}}}"class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},"period":{"start":"2026-03-10T09:00:00-05:00"}}},
          {"resource":{"resourceType":"Procedure","id":"p1","status":"completed",{{{{extraProcedure}}}}"code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"97535"}]},"subject":{"reference":"Patient/pat-1"},"encounter":{"reference":"Encounter/{{{{encounterId}}}}"},"performedPeriod":{"start":"2026-03-10T09:00:00-05:00","end":"2026-03-10T09:23:00-05:00"}}},
          {"resource":{"resourceType":"Claim","id":"c1","status":"active",{{{{extraClaim}}}}"use":"claim","item":[{"sequence":1,"productOrService":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"97535"}]},"modifier":[{"coding":[{"code":"GP"}]}],"quantity":{"value":3},"encounter":[{"reference":"Encounter/{{{{encounterId}}}}"}]}]}}
        ]}
        """;

    /// <summary>A Bundle of <paramref name="count"/> Encounters with nothing else.</summary>
    public static string Encounters(int count) =>
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" +
        string.Join(',', Enumerable.Range(1, count).Select(i => $"{{\"resource\":{{\"resourceType\":\"Encounter\",\"id\":\"e{i}\",\"status\":\"finished\",\"period\":{{\"start\":\"2026-03-10\"}}}}}}")) +
        "]}";
}
