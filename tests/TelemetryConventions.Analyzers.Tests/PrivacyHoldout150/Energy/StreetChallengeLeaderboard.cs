namespace PrivacyHoldout150.Energy;

public interface IChallengeStore
{
    Task<IReadOnlyList<ChallengeEntry>> WeekAsync(string streetTeamId, CancellationToken cancellationToken = default);
}

/// <summary>
/// A street energy-saving challenge: neighbours join under a nickname, see who saved most this week and can invite
/// the household next door. The leaderboard is public inside the street team.
/// </summary>
public sealed partial class StreetChallengeLeaderboard(IChallengeStore store, Meter meter, Pseudonymizer pseudonymizer, ILogger<StreetChallengeLeaderboard> logger)
{
    private static readonly ActivitySource Source = new("ChargeShare.Challenge");
    private readonly Gauge<double> _topSaving = meter.CreateGauge<double>("chargeshare.challenge.top_kwh");
    private string? _leaderNickname;
    private double _leaderKwh;

    public async Task<IReadOnlyList<ChallengeEntry>> PublishAsync(string streetTeamId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("challenge.publish");
        var entries = await store.WeekAsync(streetTeamId, cancellationToken);
        activity?.SetTag("challenge.team", streetTeamId); // clean precision-names
        activity?.SetTag("challenge.entries", entries.Count); // clean precision-about
        if (entries.Count == 0)
        {
            return entries;
        }

        var leader = entries.OrderBy(e => e.Rank).First();
        _leaderNickname = leader.HouseholdNickname;
        _leaderKwh = leader.KwhSaved;
        _topSaving.Record(leader.KwhSaved, new KeyValuePair<string, object?>("challenge.team", streetTeamId)); // clean precision-about
        activity?.SetTag("challenge.leader", leader.HouseholdNickname); // leak TC1001 direct
        activity?.SetTag("challenge.leader.nickname_length", leader.HouseholdNickname.Length); // clean precision-about
        LogLeader(logger, streetTeamId, leader.HouseholdNickname, leader.KwhSaved); // clean logging-objects
        logger.LogInformation("Weekly board {Entries}", string.Join(" | ", entries.Select(e => $"{e.Rank}. {e.HouseholdNickname} {e.KwhSaved:0.0}"))); // leak TC1001 strings
        logger.LogInformation("Weekly board for {Team}: {Total:0.0} kWh saved", streetTeamId, entries.Sum(e => e.KwhSaved)); // clean precision-about
        return entries;
    }

    public void Invite(string streetTeamId, string neighbourEmail, string inviterNickname)
    {
        using var activity = Source.StartActivity("challenge.invite");
        activity?.SetTag("challenge.invite.domain", neighbourEmail.Split('@')[^1]); // clean precision-about
        activity?.SetTag("challenge.invite.email", neighbourEmail); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("challenge.invited", tags: new ActivityTagsCollection { ["challenge.inviter"] = inviterNickname })); // leak TC1001 direct
        logger.LogInformation("Invitation template {InviteEmailTemplateId} for {Team}", "tpl-street-invite", streetTeamId); // clean precision-names
        logger.LogChargeshareOperationFailedEvent("south-east", "invite_pending", chargeshareHostId: pseudonymizer.PseudonymizeChargeshareHostId(inviterNickname), chargeshareNote: streetTeamId); // clean precision-pseudonym
    }

    /// <summary>Read by the street's weekly digest.</summary>
    public string Digest()
    {
        Activity.Current?.SetTag("challenge.digest.top_kwh", _leaderKwh); // clean cross-member
        Activity.Current?.SetTag("challenge.digest.leader", _leaderNickname); // leak TC1001 cross-member
        return $"Top saver this week: {_leaderKwh:0.0} kWh";
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Team {Team} leader {Nickname} saved {Kwh} kWh")]
    private static partial void LogLeader(ILogger logger, string team, [PrivateData] string nickname, double kwh);
}
