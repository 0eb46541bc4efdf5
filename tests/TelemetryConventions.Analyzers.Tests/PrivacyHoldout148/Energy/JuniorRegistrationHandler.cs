namespace PrivacyHoldout148.Energy;

/// <summary>Registers junior players in the energy firm's sponsored community league and asks parents for consent.</summary>
public sealed class JuniorRegistrationHandler(
    IParentMessenger messenger,
    Pseudonymizer pseudonymizer,
    Meter meter,
    LeagueOptions options,
    ILogger<JuniorRegistrationHandler> logger)
{
    private static readonly ActivitySource Source = new("PowerCo.CommunityLeague.Juniors");
    private readonly UpDownCounter<int> _pendingConsent = meter.CreateUpDownCounter<int>("league.juniors.pending_consent");
    private JuniorPlayer? _lastRegistered;

    public async Task HandleAsync(JuniorPlayer player, string region, CancellationToken cancellationToken)
    {
        using var span = Source.StartCommunityleagueOperation(region);
        span.SetCommunityleagueMemberId(pseudonymizer.PseudonymizeCommunityleagueMemberId(player.PlayerRef)); // clean generated-api
        span.SetCommunityleagueNote($"Age group {player.AgeGroup}, team {player.TeamId}"); // clean generated-api
        Activity.Current?.SetTag("league.age_group", player.AgeGroup); // clean precision-about
        Activity.Current?.SetTag("league.team", player.TeamId); // clean precision-names
        Activity.Current?.SetTag("league.player.dob", player.DateOfBirth.ToString("O", CultureInfo.InvariantCulture)); // leak TC1001 direct
        Activity.Current?.SetTag("league.player.birth_year", player.DateOfBirth.Year); // clean precision-about
        Activity.Current?.SetTag("league.parent.phone", player.ParentPhone); // leak TC1001 direct
        Activity.Current?.SetTag("league.parent.has_phone", !string.IsNullOrEmpty(player.ParentPhone)); // clean precision-about

        _lastRegistered = player;
        await messenger.SendConsentRequestAsync(player.ParentEmail, player.FirstName, cancellationToken);
        _pendingConsent.Add(1, new KeyValuePair<string, object?>("template", options.ParentConsentTemplateId)); // clean precision-names
        _pendingConsent.Add(1, new KeyValuePair<string, object?>("parent", player.ParentEmail)); // leak TC1003 direct
        logger.LogInformation("Consent requested from {ParentEmail} for {Child}", player.ParentEmail, player.FirstName); // leak TC1001 direct
        logger.LogInformation("Consent requested for {AgeGroup} player, parent's domain {Domain}", player.AgeGroup, player.ParentEmail[(player.ParentEmail.IndexOf('@') + 1)..]); // clean precision-about
        logger.LogInformation("Junior registered: {Label}", Label(player)); // leak TC1001 strings
        logger.LogInformation("Junior registered in {Slot}", Slot(player)); // clean strings
    }

    public void OnConsentTimedOut()
    {
        if (_lastRegistered is { } player)
        {
            logger.LogWarning("Consent timed out for {Player}", player); // leak TC1001 cross-member
            logger.LogWarning("Consent timed out for a player in {AgeGroup}", player.AgeGroup); // clean cross-member
            logger.LogCommunityleagueOperationFailedEvent("north-east", "consent-timeout", communityleagueMemberId: pseudonymizer.PseudonymizeCommunityleagueMemberId(player.PlayerRef)); // clean generated-api
            logger.LogCommunityleagueOperationFailedEvent("north-east", "consent-timeout", communityleagueNote: $"No reply from {player.ParentEmail}"); // leak TC1001 generated-api
        }
    }

    private static string Label(JuniorPlayer player) => $"{player.FirstName} {player.LastName} ({player.AgeGroup})";

    private static string Slot(JuniorPlayer player) => $"{player.TeamId}/{player.AgeGroup}";
}
