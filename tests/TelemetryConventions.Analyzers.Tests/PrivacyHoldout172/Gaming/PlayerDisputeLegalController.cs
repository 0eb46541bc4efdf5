namespace PrivacyHoldout172.Gaming;

/// <summary>
/// Player disputes that escalate to lawyers (chargebacks contested, small claims a player files against the studio):
/// the legal team opens a matter with outside counsel.
/// </summary>
[ApiController]
[Route("api/legal/player-disputes")]
public sealed class PlayerDisputeLegalController(
    IClientStore clients,
    ILogger<PlayerDisputeLegalController> logger,
    Pseudonymizer pseudonymizer) : ControllerBase
{
    private static readonly ActivitySource Source = new("Studio.Legal.Disputes");
    private static readonly Meter Meter = new("Studio.Legal.Disputes");
    private static readonly Counter<long> Escalations = Meter.CreateCounter<long>("studio.legal.dispute_escalations");

    [HttpPost("{disputeId}/escalate")]
    public async Task<ActionResult> EscalateAsync(string disputeId, [FromBody] PlayerDispute dispute, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("EscalateDispute");
        activity?.SetTag("dispute.id", disputeId); // clean direct
        activity?.SetTag("dispute.amount", dispute.AmountClaimed); // clean precision-about
        activity?.SetTag("player.id", dispute.PlayerId); // leak TC1001 direct
        activity?.SetTag("player.gamertag", dispute.Gamertag); // leak TC1001 direct
        activity?.SetTag("player.gamertag.length", dispute.Gamertag.Length); // clean precision-about

        Escalations.Add(1, new KeyValuePair<string, object?>("amount_band", dispute.AmountClaimed >= 500 ? "small_claims" : "goodwill")); // clean precision-about
        Escalations.Add(1, new KeyValuePair<string, object?>("gamertag", dispute.Gamertag)); // leak TC1003 direct

        var bucket = dispute.PlayerId.GetHashCode() & 0x3F;
        activity?.SetTag("dispute.sample_bucket", bucket); // leak TC1002 hashes

        var player = pseudonymizer.PseudonymizeStudiolegalClientId(dispute.PlayerId.ToString());
        activity?.SetTag(StudiolegalAttributes.ClientId, player.Value); // clean precision-pseudonym
        activity?.SetTag(StudiolegalAttributes.Contact, pseudonymizer.Pseudonymize("player_contact", dispute.Gamertag).Value); // leak TC1001 precision-pseudonym

        logger.LogInformation("Escalating dispute {DisputeId} for {Player}", disputeId, player); // clean precision-pseudonym
        logger.LogInformation("Escalating {Dispute}", dispute); // leak TC1001 logging-objects
        logger.LogInformation("Escalating dispute {DisputeId} ({PlayerCount} players affected)", disputeId, 1); // clean precision-names

        var caption = $"Dispute {disputeId}: {dispute.Gamertag} claims {dispute.AmountClaimed:C}";
        activity?.AddEvent(new ActivityEvent(caption)); // leak TC1001 strings
        var profile = new ClientProfile { ClientNumber = dispute.PlayerId.ToString(), FullName = dispute.Gamertag, Email = "", Source = "dispute" };
        logger.LogDebug("Profile {Profile}", profile); // clean logging-objects
        logger.LogDebug("Profile {@Profile}", profile); // leak TC1001 logging-objects

        try
        {
            var client = await clients.FindAsync(dispute.PlayerId.ToString(), cancellationToken) ?? throw new ClientNotFoundException(dispute.PlayerId.ToString());
            return Ok(client.ClientNumber.Length);
        }
        catch (ClientNotFoundException ex)
        {
            logger.LogError(ex, "Dispute {DisputeId} escalation failed", disputeId); // leak TC1001 exceptions
            return NotFound();
        }
        catch (PracticeSystemThrottledException ex)
        {
            logger.LogError(ex, "Dispute {DisputeId} escalation throttled", disputeId); // clean exceptions
            return BadRequest("Try again later.");
        }
    }
}
