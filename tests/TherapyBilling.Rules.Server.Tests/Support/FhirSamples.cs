namespace TherapyBilling.Rules.Server.Tests.Support;

/// <summary>A discharge: the Encounter, its Procedures (97535 10 + 13 minutes split around 97530) and its Claim (97535 one unit short, 97530 without GP).</summary>
public static class FhirSamples
{
    public const string Encounter = """
        {"resourceType":"Encounter","id":"enc-1","status":"finished","period":{"start":"2026-03-10T09:00:00-05:00","end":"2026-03-10T09:40:00-05:00"}}
        """;

    public const string Procedures = """
        {"resourceType":"Bundle","type":"searchset","entry":[
          {"resource":{"resourceType":"Procedure","id":"p1","status":"completed","code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"97535"}]},"performedPeriod":{"start":"2026-03-10T09:00:00-05:00","end":"2026-03-10T09:10:00-05:00"}}},
          {"resource":{"resourceType":"Procedure","id":"p2","status":"completed","code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"97530"}]},"performedPeriod":{"start":"2026-03-10T09:10:00-05:00","end":"2026-03-10T09:25:00-05:00"}}},
          {"resource":{"resourceType":"Procedure","id":"p3","status":"completed","code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"97535"}]},"performedPeriod":{"start":"2026-03-10T09:25:00-05:00","end":"2026-03-10T09:38:00-05:00"}}}
        ]}
        """;

    public const string Claim = """
        {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Claim","id":"claim-1","status":"draft","use":"claim",
          "item":[
            {"sequence":1,"productOrService":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"97535"}]},"modifier":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"GP"}]}],"quantity":{"value":1}},
            {"sequence":2,"productOrService":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"97530"}]},"quantity":{"value":1}}
          ]}}]}
        """;

    public static string Request(bool withProcedures = true, bool withClaim = true, string extra = "") =>
        "{\"hook\":\"encounter-discharge\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\"," + extra +
        "\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"1288992\",\"encounterId\":\"enc-1\"}," +
        "\"prefetch\":{\"encounter\":" + Encounter +
        (withProcedures ? ",\"procedures\":" + Procedures : "") +
        (withClaim ? ",\"claim\":" + Claim : "") + "}}";
}
