using System.Text;
using System.Text.RegularExpressions;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests.Docs;

/// <summary>
/// Output shown in README.md and docs/ cannot drift: every block of tool output there follows a marker
/// <c>&lt;!-- output of: therapy-rules ARGS --&gt;</c> (ARGS name committed inputs by repository-relative paths), and this
/// test runs the tool with ARGS and compares; a block after <c>&lt;!-- file: PATH --&gt;</c> must equal the committed file. <c>UPDATE_SNAPSHOTS=1</c> rewrites the blocks (review the diff), as for
/// the golden files. A block that looks like tool output (a summary line or a JSON report) without a marker fails.
/// </summary>
public sealed partial class DocsOutputExamplesTests
{
    private const string MarkerStart = "<!-- output of: therapy-rules ";
    private const string FileMarkerStart = "<!-- file: ";

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string> { "README.md" };
        foreach (string file in Directory.GetFiles(Path.Combine(CliRunner.RepoDir, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(CliRunner.RepoDir, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryOutputExample_IsWhatTheToolPrints(string relativePath)
    {
        string path = Path.Combine(CliRunner.RepoDir, relativePath);
        string[] lines = File.ReadAllText(path).Split('\n');
        var problems = new List<string>();
        var rewritten = new List<string>(lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            rewritten.Add(lines[i]);
            if (lines[i].StartsWith("```", StringComparison.Ordinal) && lines[i].Length > 3)
            {
                int end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
                bool marked = i > 0 && (lines[i - 1].StartsWith(MarkerStart, StringComparison.Ordinal) || lines[i - 1].StartsWith(FileMarkerStart, StringComparison.Ordinal));
                string body = string.Join('\n', lines[(i + 1)..end]);
                if (!marked)
                {
                    if (LooksLikeToolOutput(body))
                    {
                        problems.Add($"{relativePath}:{i + 1}: a block of tool output without an '{MarkerStart}… -->' marker");
                    }

                    continue;
                }

                string marker = lines[i - 1];
                string expected = (marker.StartsWith(FileMarkerStart, StringComparison.Ordinal) ? CommittedFile(marker) : Output(ParseArguments(marker))).TrimEnd('\n');
                if (body != expected)
                {
                    problems.Add($"{relativePath}:{i + 1}: the block differs from what {marker} gives");
                }

                rewritten.AddRange(expected.Split('\n'));
                rewritten.Add(lines[end]);
                i = end;
            }
        }

        if (problems.Count > 0 && Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, string.Join('\n', rewritten));
            return;
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems) + "\nRun with UPDATE_SNAPSHOTS=1 to regenerate the blocks, then review the diff.");
    }

    [Fact]
    public void TheCliGuide_ShowsEachOutputFormatAndExplain_FromCommittedInput()
    {
        string guide = File.ReadAllText(Path.Combine(CliRunner.RepoDir, "docs", "cli.md"));
        var markers = MarkerPattern().Matches(guide).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(markers, m => m.Contains("--format json", StringComparison.Ordinal));
        Assert.Contains(markers, m => m.StartsWith("check ", StringComparison.Ordinal) && !m.Contains("--format", StringComparison.Ordinal));
        Assert.Contains(markers, m => m.StartsWith("explain ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("3 encounter(s): 3 passed, 0 failed (fail-on never); 0 error(s)", true)]
    [InlineData("{\n  \"tool\": {\n    \"name\": \"therapy-rules\"", true)]
    [InlineData("\"summary\": { \"encounters\": 4 }", true)]
    [InlineData("dotnet therapy-rules check exports/encounters.ndjson --format junit", false)]
    public void LooksLikeToolOutput_RecognisesReports(string block, bool expected) => Assert.Equal(expected, LooksLikeToolOutput(block));

    private static bool LooksLikeToolOutput(string body) =>
        body.Contains(" encounter(s): ", StringComparison.Ordinal)
        || body.Contains("\"summary\":", StringComparison.Ordinal)
        || body.Contains("\"name\": \"therapy-rules\"", StringComparison.Ordinal);

    private static string[] ParseArguments(string marker)
    {
        var match = MarkerPattern().Match(marker);
        Assert.True(match.Success, $"bad marker: {marker}");
        return match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string CommittedFile(string marker)
    {
        Assert.EndsWith(" -->", marker, StringComparison.Ordinal);
        string relative = marker[FileMarkerStart.Length..^" -->".Length];
        return File.ReadAllText(Path.Combine(CliRunner.RepoDir, relative)).ReplaceLineEndings("\n");
    }

    /// <summary>Runs the tool in-process; repository-relative paths are passed as full paths and shown relative again.</summary>
    private static string Output(string[] arguments)
    {
        string[] resolved = [.. arguments.Select(a => !a.StartsWith('-') && File.Exists(Path.Combine(CliRunner.RepoDir, a)) ? Path.Combine(CliRunner.RepoDir, a) : a)];
        var run = CliRunner.Run(resolved, stdin: null);
        Assert.True(run.ExitCode is 0 or 1, $"therapy-rules {string.Join(' ', arguments)} exited {run.ExitCode}: {run.Stderr}");
        var text = new StringBuilder(run.Stdout);
        text.Replace(CliRunner.RepoDir + Path.DirectorySeparatorChar, string.Empty);
        return text.ToString();
    }

    [GeneratedRegex(@"^<!-- output of: therapy-rules (.+?) -->$", RegexOptions.Multiline)]
    private static partial Regex MarkerPattern();
}
