namespace PrivacyHoldout154.Gaming;

/// <summary>Players who finish the brand's championship get a code for a real test drive at a dealer; they redeem it here.</summary>
[ApiController]
[Route("api/promo/test-drives")]
public sealed partial class TestDriveRedemptionController(
    IDealerBookingApi dealers,
    ILogger<TestDriveRedemptionController> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter) : ControllerBase
{
    private static readonly Counter<long> Redemptions = new Meter("RacePromo.Redemptions").CreateCounter<long>("promo.redemptions");

    [HttpPost("")]
    public async Task<ActionResult> RedeemAsync([FromBody] TestDriveRedemption redemption, Player player, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartRacepromoOperation(player.Platform)
            .SetRacepromoPlayerId(pseudonymizer.PseudonymizeRacepromoPlayerId(player.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("promo.dealer_code", redemption.DealerCode); // clean precision-names
        Activity.Current?.SetTag("promo.model", redemption.Model); // clean precision-about
        Activity.Current?.SetTag("promo.code", redemption.Code); // leak TC1001 direct
        Activity.Current?.SetTag("promo.code_length", redemption.Code.Length); // clean precision-about
        Activity.Current?.SetTag("player.gamertag", player.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("player.region", player.Region); // clean precision-about
        Activity.Current?.SetBaggage("player.id", player.PlayerId.ToString()); // leak TC1001 direct
        logger.LogInformation("Redeeming {Redemption}", redemption); // leak TC1001 logging-objects
        LogRedeeming(logger, redemption.DealerCode, player.Gamertag); // leak TC1001 logging-objects
        Redemptions.Add(1, new KeyValuePair<string, object?>("player.platform", player.Platform)); // clean precision-about
        Redemptions.Add(1, new KeyValuePair<string, object?>("player.gamertag", player.Gamertag)); // leak TC1003 direct
        try
        {
            var bookingReference = await dealers.BookTestDriveAsync(redemption, player.Email, cancellationToken);
            Activity.Current?.SetTag("promo.booking_reference", bookingReference); // clean precision-names
            meter.CreateRacepromoRedemptionDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, player.Platform); // clean generated-api
            meter.CreateRacepromoRedemptionsCounter().Add(1, player.Platform, "booked"); // clean generated-api
            return Ok(bookingReference);
        }
        catch (CodeAlreadyRedeemedException ex)
        {
            logger.LogWarning(ex, "Redemption refused for player {Player}", pseudonymizer.ComputeRacepromoPlayerId(player.PlayerId.ToString())); // leak TC1001 exceptions
            span.SetRacepromoOutcome("already-redeemed"); // clean generated-api
            return BadRequest("redeemed");
        }
        catch (DealerNotParticipatingException ex)
        {
            logger.LogWarning(ex, "Redemption refused at dealer {Dealer}", redemption.DealerCode); // clean exceptions
            span.SetRacepromoNote(ex.Message); // clean generated-api
            return BadRequest("dealer");
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Test drive at {DealerCode} for {Gamertag}")]
    private static partial void LogRedeeming(ILogger logger, string dealerCode, string gamertag);
}
