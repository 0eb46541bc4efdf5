namespace PrivacyHoldout217.Gaming;

public sealed record FamilyTeam(string TeamId, string ResidentId, IReadOnlyList<string> MemberEmails, string TeamName);

/// <summary>Family quiz teams that play with a resident each week.</summary>
public sealed class FamilyTeamRepository(ActivitySource source, ILogger<FamilyTeamRepository> logger)
{
    private readonly Dictionary<string, FamilyTeam> _teams = new();

    public void Save(FamilyTeam team)
    {
        _teams[team.TeamId] = team;
        using var activity = source.StartActivity("team.save");
        activity?.SetTag("team.id", team.TeamId); // clean precision-names
        activity?.SetTag("team.member_count", team.MemberEmails.Count); // clean precision-about
        activity?.SetTag("team.members", string.Join(",", team.MemberEmails)); // leak TC1001 strings
        logger.LogInformation("Team saved {@Team}", team); // leak TC1001 logging-objects
    }

    public string CaptainOf(string teamId) => _teams[teamId].MemberEmails[0];

    public void Announce(string teamId)
    {
        Activity.Current?.SetTag("team.captain", CaptainOf(teamId)); // leak TC1001 cross-member
        logger.LogInformation("Team {TeamId} resident {ResidentId}", teamId, _teams[teamId].ResidentId); // leak TC1001 cross-member
        logger.LogInformation("Team hash {Hash}", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_teams[teamId].ResidentId)))); // leak TC1002 hashes
    }
}
