namespace PrivacyHoldout156.Gaming;

/// <summary>Scores shifts in the salon-tycoon mode and keeps the weekly leaderboard of salon owners.</summary>
public sealed class SalonTycoonShiftService(ILogger<SalonTycoonShiftService> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Game.SalonTycoon");

    private readonly Histogram<int> _tips = meter.CreateHistogram<int>("tycoon.shift.tips");
    private readonly SortedList<int, string> _leaderboard = new();

    public void CompleteShift(SalonShift shift, PlayerProfile owner)
    {
        using var activity = Source.StartActivity("tycoon.shift");
        activity?.SetTag("tycoon.shift.id", shift.ShiftId); // clean direct
        activity?.SetTag("tycoon.level", shift.Level); // clean direct
        activity?.SetTag("tycoon.customers", shift.Customers); // clean precision-names
        _tips.Record(shift.Tips, new KeyValuePair<string, object?>("level", shift.Level)); // clean direct
        _tips.Record(shift.Tips, new KeyValuePair<string, object?>("owner", owner.Gamertag)); // leak TC1003 direct
        logger.LogInformation("Shift {@Shift} done", shift); // clean logging-objects
        logger.LogInformation("Shift done by {Owner}", FormatOwner(owner)); // leak TC1001 strings
        logger.LogInformation("Shift rank {Rank}", RankLabel(shift)); // clean strings
        _leaderboard[shift.Tips] = owner.Gamertag;
    }

    public void PublishLeaderboard()
    {
        using var activity = Source.StartActivity("tycoon.leaderboard");
        activity?.SetTag("tycoon.leaderboard.size", _leaderboard.Count); // clean cross-member
        activity?.SetTag("tycoon.leaderboard.top_tips", _leaderboard.Keys.LastOrDefault()); // clean cross-member
        activity?.SetTag("tycoon.leaderboard.top", _leaderboard.Values.LastOrDefault()); // leak TC1001 cross-member
    }

    private static string FormatOwner(PlayerProfile owner) => $"{owner.Gamertag} ({owner.Country})";

    private static string RankLabel(SalonShift shift) => shift.Tips > 500 ? $"gold-{shift.Level}" : $"silver-{shift.Level}";
}
