namespace PrivacyHoldout130.Gaming;

public sealed record TeamHouseMoveIn(Guid PlayerId, string Gamertag, string LegalName, string PersonalEmail, string Roster, string RoomRef, DateOnly ArrivalDate, decimal DepositAmount, decimal ElectricityReading);

/// <summary>
/// The esports organisation's team house: signings move in under a licence agreement, their deposit is protected
/// with the scheme and the utility readings are taken on arrival so that bills can be split.
/// </summary>
public sealed partial class TeamHouseTenancyService(
    ILettingsClient lettings,
    IDepositSchemeClient deposits,
    Pseudonymizer pseudonymizer,
    ILogger<TeamHouseTenancyService> logger)
{
    private static readonly ActivitySource Source = new("Esports.TeamHouse");
    private static readonly Meter Meter = new("Esports.TeamHouse");

    public async Task MoveInAsync(TeamHouseMoveIn moveIn, CancellationToken ct)
    {
        var player = pseudonymizer.PseudonymizePlotsTenantId(moveIn.PlayerId.ToString());
        using var span = Source.StartPlotsTenancy(moveIn.RoomRef).SetPlotsTenantId(player).SetPlotsRegion(moveIn.Roster); // clean precision-pseudonym
        span.Activity?.SetTag("teamhouse.arrival", moveIn.ArrivalDate.ToString("O")); // clean precision-about
        span.Activity?.SetTag("teamhouse.reading.kwh", moveIn.ElectricityReading); // clean precision-about
        span.Activity?.SetTag("teamhouse.signing", moveIn.Gamertag); // leak TC1001 direct
        span.Activity?.SetBaggage("teamhouse.player", moveIn.PlayerId.ToString()); // leak TC1001 direct
        span.Activity?.SetBaggage("teamhouse.player.pseudonym", player.Value); // clean precision-pseudonym
        logger.LogInformation("{Gamertag} moving into {RoomRef} on {Arrival}", moveIn.Gamertag, moveIn.RoomRef, moveIn.ArrivalDate); // leak TC1001 direct
        PlayerArrived(logger, moveIn.RoomRef, moveIn.LegalName); // clean logging-objects

        var occupant = new Occupant(moveIn.PlayerId.ToString(), moveIn.LegalName, moveIn.PersonalEmail, string.Empty, true);
        var tenancy = await lettings.CreateTenancyAsync(moveIn.RoomRef, new[] { occupant }, moveIn.ArrivalDate, ct);
        span.SetPlotsTenancyRef(tenancy.TenancyRef); // clean precision-names
        logger.LogInformation("Licence agreement {TenancyRef} ({Status}) for room {RoomRef}", tenancy.TenancyRef, tenancy.Status, tenancy.PropertyRef); // clean precision-names
        logger.LogDebug("Agreement {Tenancy}", tenancy); // leak TC1001 logging-objects

        try
        {
            var registration = await deposits.ProtectAsync(tenancy.TenancyRef, moveIn.DepositAmount, moveIn.PersonalEmail, moveIn.LegalName, ct);
            span.SetPlotsAmount((double)registration.Amount).SetPlotsOutcome("protected");
            logger.LogInformation("Deposit {DepositId} protected with {Scheme}, certificate {Certificate}", registration.DepositId, registration.Scheme, registration.CertificateNumber); // clean precision-names
            logger.LogDebug("Deposit registration {Registration}", registration); // leak TC1001 logging-objects
        }
        catch (DepositProtectionException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Reason); // clean exceptions
            logger.LogError("Deposit not protected: {Error}", ex.Message); // leak TC1001 exceptions
            span.SetPlotsNote("Deposit protection failed: " + ex.Message); // leak TC1001 generated-api
        }
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Arrival at {RoomRef} for {LegalName}")]
    private static partial void PlayerArrived(ILogger logger, string roomRef, [PrivateData] string legalName);
}
