using System.Globalization;

namespace TherapyBilling.Rules;

/// <summary>Builds paths into the input in one format: <c>segments[2].end</c>, 0-based indices.</summary>
internal static class Paths
{
    public static string Segment(int index) => Index("segments", index);

    public static string Segment(int index, string member) => Index("segments", index) + "." + member;

    public static string Index(string collection, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{collection}[{index}]");

    public static string Index(string collection, int index, string member) =>
        string.Create(CultureInfo.InvariantCulture, $"{collection}[{index}].{member}");
}
