using System;
using System.Collections.Generic;

namespace TelemetryConventions.Conventions.Resolution;

/// <summary>Edit distance for "did you mean" suggestions on misspelt names.</summary>
public static class NameDistance
{
    /// <summary>The closest candidate within a third of the name's length, or null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = Math.Max(1, name.Length / 3) + 1;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - name.Length) >= bestDistance)
            {
                continue;
            }
            var distance = Levenshtein(Normalize(name), Normalize(candidate));
            if (distance < bestDistance || (distance == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>'_', '-' and '.' are interchangeable for matching: <c>patient_id</c> is <c>patient.id</c>.</summary>
    public static string Normalize(string name) =>
        name.ToLowerInvariant().Replace('_', '.').Replace('-', '.');

    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
