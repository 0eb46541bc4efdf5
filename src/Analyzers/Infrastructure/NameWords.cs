using System.Collections.Generic;
using System.Text;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// Splits C# and convention names into lower-case words: <c>PatientID</c>, <c>patient_id</c>,
/// <c>patient.id</c> and <c>_patientId</c> all read as <c>patient id</c>.
/// </summary>
internal static class NameWords
{
    public static List<string> Split(string? name)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(name))
        {
            return words;
        }
        var current = new StringBuilder();
        for (var i = 0; i < name!.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(current, words);
                continue;
            }
            if (current.Length > 0)
            {
                var previous = name[i - 1];
                var startsWord =
                    (char.IsUpper(c) && char.IsLower(previous))
                    // The last capital of a run starts the next word: MRNNumber is MRN Number.
                    || (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]))
                    || (char.IsDigit(c) != char.IsDigit(previous));
                if (startsWord)
                {
                    Flush(current, words);
                }
            }
            current.Append(char.ToLowerInvariant(c));
        }
        Flush(current, words);
        // The field prefix m_ carries no meaning.
        if (words.Count > 1 && words[0] == "m")
        {
            words.RemoveAt(0);
        }
        return words;
    }

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
