using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace TelemetryConventions.Conventions.Registry;

/// <summary>
/// Picks the files of a registry that a project's conventions need: every file that defines a name
/// the project's files mention, and then every file that those use, until nothing is added. The
/// project's files are read as text, not parsed: a dotted word that is a registry name counts
/// wherever it stands (a name mentioned in a brief brings its file too), a plain word only as a whole
/// YAML value. Choosing a file too many costs a little compile time; missing one would break a
/// <c>ref</c>, so the reading errs on the side of more.
/// </summary>
public static class RegistrySelection
{
    // A word as convention names are spelt, with '*' for the patterns of an imports entry.
    private static readonly Regex Word = new(@"[A-Za-z0-9_][A-Za-z0-9_.\-*]*", RegexOptions.CultureInvariant);

    /// <summary>The relative paths of the entries of <paramref name="index"/> that <paramref name="projectTexts"/> need, in index order.</summary>
    public static IReadOnlyList<string> Select(RegistryIndex index, IEnumerable<string> projectTexts)
    {
        var definedBy = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < index.Entries.Count; i++)
        {
            foreach (var name in index.Entries[i].Defines)
            {
                if (!definedBy.TryGetValue(name, out var files))
                {
                    definedBy[name] = files = new List<int>(1);
                }
                files.Add(i);
            }
        }

        var selected = new bool[index.Entries.Count];
        var pending = new Queue<int>();
        var seenWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in projectTexts)
        {
            foreach (var line in (text ?? "").Split('\n'))
            {
                var values = WholeValues(line);
                foreach (Match match in Word.Matches(line))
                {
                    var word = match.Value.TrimEnd('.', '-');
                    // A dotted word is a name wherever it stands; a plain one ("service", "host") only as a whole value.
                    if (word.IndexOf('.') > 0 || values.Contains(word))
                    {
                        Use(word);
                    }
                }
            }
        }
        while (pending.Count > 0)
        {
            foreach (var name in index.Entries[pending.Dequeue()].Uses)
            {
                Use(name);
            }
        }
        return index.Entries.Where((_, i) => selected[i]).Select(e => e.RelativePath).ToList();

        void Use(string word)
        {
            if (word.Length == 0 || !seenWords.Add(word))
            {
                return;
            }
            if (word.IndexOf('*') >= 0)
            {
                if (!IsPattern(word))
                {
                    return;
                }
                var pattern = new Regex("^" + string.Join(".*", word.Split('*').Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant);
                foreach (var name in definedBy.Keys.Where(n => pattern.IsMatch(n)).ToList())
                {
                    Add(definedBy[name]);
                }
                return;
            }
            if (definedBy.TryGetValue(word, out var files))
            {
                Add(files);
            }
        }

        void Add(List<int> files)
        {
            foreach (var file in files)
            {
                if (!selected[file])
                {
                    selected[file] = true;
                    pending.Enqueue(file);
                }
            }
        }
    }

    /// <summary>
    /// The values a YAML line holds when each is one word: <c>- service</c>, <c>ref: host</c>,
    /// <c>extends: "os"</c>, and the items of a flow sequence, <c>entities: [host, service]</c>.
    /// Words of prose are never a line's whole value.
    /// </summary>
    private static HashSet<string> WholeValues(string line)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var value = line.Trim();
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        if (hash >= 0)
        {
            value = value.Substring(0, hash).TrimEnd();
        }
        if (value.StartsWith("-", StringComparison.Ordinal))
        {
            value = value.Substring(1).TrimStart();
        }
        var colon = value.IndexOf(": ", StringComparison.Ordinal);
        if (colon >= 0)
        {
            value = value.Substring(colon + 2).TrimStart();
        }
        var items = value.StartsWith("[", StringComparison.Ordinal) && value.EndsWith("]", StringComparison.Ordinal)
            ? value.Substring(1, value.Length - 2).Split(',')
            : new[] { value };
        foreach (var item in items)
        {
            var single = item.Trim().Trim('"', '\'', ' ', '{', '}');
            if (single.Length > 0 && single.IndexOf(' ') < 0)
            {
                values.Add(single);
            }
        }
        return values;
    }

    /// <summary>
    /// A pattern of an <c>imports</c> entry (<c>http.*</c>, <c>db.client.*.duration</c>): a dotted
    /// name with a '*'. A lone '*' or Markdown emphasis in a brief is not one; taken as a pattern, it
    /// would bring in the whole registry.
    /// </summary>
    private static bool IsPattern(string word) =>
        word.IndexOf('.') > 0 && word.Replace("*", "").Replace(".", "").Length > 0 && char.IsLetterOrDigit(word[0]);
}
