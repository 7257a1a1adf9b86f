using System.Reflection;
using System.Runtime.Versioning;

namespace TherapyBilling.Rules.Tests.Api;

/// <summary>
/// The suite runs against either build of the library (net10.0 by default, netstandard2.0 with
/// <c>-p:RulesTarget=netstandard2.0</c>): this proves which one was loaded, so a run that claims to test the
/// netstandard2.0 build cannot silently test the other.
/// </summary>
public sealed class LibraryBuildTests
{
    [Fact]
    public void LoadedLibrary_IsTheBuildTheRunAskedFor()
    {
        string requested = typeof(LibraryBuildTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RulesTarget").Value ?? string.Empty;
        string loaded = typeof(CptCode).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;

        string expected = requested switch
        {
            "" or "net10.0" => ".NETCoreApp,Version=v10.0",
            "netstandard2.0" => ".NETStandard,Version=v2.0",
            _ => throw new InvalidOperationException($"unknown RulesTarget '{requested}'"),
        };
        Assert.Equal(expected, loaded);
    }

    [Fact]
    public void BothBuilds_GiveTheSameUnits()
    {
        // CPM ch. 5 §20.2 example 3: 97110 33 min + 97140 7 min = 40 min -> 3 units, 97110 x2 and 97140 x1.
        var result = UnitCalculator.Calculate(
        [
            TreatmentSegment.FromMinutes(CptCode.Parse("97110"), 33),
            TreatmentSegment.FromMinutes(CptCode.Parse("97140"), 7),
        ], UnitMethod.Cms);
        Assert.Equal(3, result.TotalUnits);
    }
}
