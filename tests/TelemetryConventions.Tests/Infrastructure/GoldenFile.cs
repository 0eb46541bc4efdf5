using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace TelemetryConventions.Tests.Infrastructure;

/// <summary>
/// Compares generated text with a reviewed file under Golden/. On a difference the test fails
/// with a unified-style diff; running the tests with UPDATE_GOLDEN=1 rewrites the golden files,
/// which are then reviewed like any other change.
/// </summary>
public static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(TestPaths.GoldenDirectory, name);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        if (!File.Exists(path))
        {
            throw new XunitException($"Golden file {name} does not exist. Run the tests with UPDATE_GOLDEN=1 to create it, then review it.");
        }
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
        {
            throw new XunitException($"Generated output differs from Golden/{name} (- golden, + generated):\n{Diff(expected, actual)}\nRun with UPDATE_GOLDEN=1 to accept the new output after reviewing it.");
        }
    }

    public static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var builder = new StringBuilder();
        var lines = model.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type == ChangeType.Unchanged && !Near(lines, i))
            {
                continue;
            }
            var prefix = lines[i].Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            builder.Append(lines[i].Position is { } position ? $"{position,5} " : "      ").Append(prefix).AppendLine(lines[i].Text);
        }
        return builder.ToString();
    }

    /// <summary>Unchanged lines are shown only within two lines of a change.</summary>
    private static bool Near(List<DiffPiece> lines, int index)
    {
        for (var i = Math.Max(0, index - 2); i <= Math.Min(lines.Count - 1, index + 2); i++)
        {
            if (lines[i].Type != ChangeType.Unchanged)
            {
                return true;
            }
        }
        return false;
    }
}
