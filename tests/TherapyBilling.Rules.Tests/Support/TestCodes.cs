namespace TherapyBilling.Rules.Tests.Support;

/// <summary>The codes the tests use, parsed once; imported everywhere by a global <c>using static</c>.</summary>
internal static class TestCodes
{
    public static readonly CptCode C97010 = CptCode.Parse("97010");
    public static readonly CptCode C97032 = CptCode.Parse("97032");
    public static readonly CptCode C97035 = CptCode.Parse("97035");
    public static readonly CptCode C97110 = CptCode.Parse("97110");
    public static readonly CptCode C97112 = CptCode.Parse("97112");
    public static readonly CptCode C97116 = CptCode.Parse("97116");
    public static readonly CptCode C97140 = CptCode.Parse("97140");
    public static readonly CptCode C97150 = CptCode.Parse("97150");
    public static readonly CptCode C97164 = CptCode.Parse("97164");
    public static readonly CptCode C97530 = CptCode.Parse("97530");
    public static readonly CptCode C97535 = CptCode.Parse("97535");
    public static readonly CptCode C92507 = CptCode.Parse("92507");
    public static readonly CptCode C92521 = CptCode.Parse("92521");
}
