using static TherapyBilling.Rules.Tests.Payers.PayerTestData;

namespace TherapyBilling.Rules.Tests.Payers;

/// <summary>The TBR401 info is built once per payer profile, method and source and shared by the encounters that resolve alike.</summary>
public sealed class MethodResolvedNoticeTests
{
    private static readonly LocalDate Dos = new(2025, 3, 3);

    private static Diagnostic NoticeOf(string payer, UnitMethod? method, ComplianceOptions? options = null) =>
        Single(ComplianceEngine.Check(Encounter(Dos, Therapist(C97110, 20)) with { PayerId = payer, Method = method }, options), DiagnosticIds.PayerMethodResolved);

    [Fact]
    public void Check_SameProfileMethodAndSource_SharesOneNotice()
    {
        Assert.Same(NoticeOf("commercial", UnitMethod.Cms), NoticeOf("commercial", UnitMethod.Cms));
        Assert.Same(NoticeOf("commercial", null), NoticeOf("COMMERCIAL", null));
    }

    [Theory]
    [InlineData(UnitMethod.Cms, "CMS", "encounter (case override)")]
    [InlineData(UnitMethod.Ama, "AMA", "encounter (case override)")]
    [InlineData(null, "AMA", "payer profile")]
    public void Check_EachMethodAndSource_ItsOwnWords(UnitMethod? method, string expectedMethod, string expectedSource)
    {
        var notice = NoticeOf("commercial", method);
        Assert.Equal((expectedMethod, expectedSource, "commercial"), (notice.GetArgument("method"), notice.GetArgument("source"), notice.GetArgument("payer")));
    }

    [Fact]
    public void Check_ProfileWithoutMethod_OptionsDefaultPerDefaultMethod()
    {
        var profiles = PayerProfiles.Create("t", "test", [new PayerProfile("plain", "Plain")]);
        var cms = NoticeOf("plain", null, ComplianceOptions.Default with { PayerProfiles = profiles, DefaultMethod = UnitMethod.Cms });
        var ama = NoticeOf("plain", null, ComplianceOptions.Default with { PayerProfiles = profiles, DefaultMethod = UnitMethod.Ama });
        Assert.Equal(("CMS", "options default"), (cms.GetArgument("method"), cms.GetArgument("source")));
        Assert.Equal(("AMA", "options default"), (ama.GetArgument("method"), ama.GetArgument("source")));
        Assert.NotSame(cms, ama);
    }
}
