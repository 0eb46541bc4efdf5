namespace PrivacyHoldout38.Gaming;

/// <summary>The game services team's helpers, as C# 14 extension blocks.</summary>
public static class MatchTelemetry
{
    extension(Activity? activity)
    {
        /// <summary>Sets several tags in one call.</summary>
        public Activity? Tag(params ReadOnlySpan<(string Key, object? Value)> tags)
        {
            foreach (var (key, value) in tags)
            {
                activity?.SetTag(key, value);
            }

            return activity;
        }
    }

    extension(IReadOnlyList<Standing> standings)
    {
        public int TopScore => standings.Count == 0 ? 0 : standings.Max(s => s.Score);

        public IEnumerable<string> Podium => standings.OrderByDescending(s => s.Score).Take(3).Select(s => s.Gamertag);
    }
}
