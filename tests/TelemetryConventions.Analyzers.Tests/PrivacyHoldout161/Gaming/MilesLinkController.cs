namespace PrivacyHoldout161.Gaming;

public static partial class MilesLinkLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Player {PlayerId} linked to member {MemberNumber}")]
    public static partial void Linked(ILogger logger, [PrivateData] Guid playerId, [PrivateData] string memberNumber);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Link refused for {Gamertag} and {MemberNumber}")]
    public static partial void LinkRefused(ILogger logger, string gamertag, string memberNumber);
}

[ApiController]
[Route("api/miles/link")]
public sealed class MilesLinkController(ILoyaltyLedger ledger, Pseudonymizer pseudonymizer, ILogger<MilesLinkController> logger) : ControllerBase
{
    private static readonly Meter Meter = new("Game.Miles.Link");
    private static readonly Counter<long> Links = Meter.CreateCounter<long>("miles.links");

    [HttpPost]
    public async Task<ActionResult> Link([FromBody] PlayerLink link, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("player.id", link.PlayerId); // leak TC1001 direct
        activity?.SetTag("player.pseudonym", pseudonymizer.ComputeSkymilesPlayerId(link.PlayerId.ToString())); // clean precision-pseudonym
        activity?.SetTag("miles.member.prefix", link.MemberNumber[..2]); // clean precision-about
        logger.LogInformation("Link requested {@Link}", link); // leak TC1001 logging-objects

        var member = await ledger.FindAsync(link.MemberNumber, cancellationToken);
        if (member is null)
        {
            var ex = new LinkRejectedException(link.MemberNumber);
            MilesLinkLog.LinkRefused(logger, link.Gamertag, link.MemberNumber); // leak TC1001 logging-objects
            activity?.AddException(ex); // leak TC1001 exceptions
            Links.Add(1, new KeyValuePair<string, object?>("miles.result", "rejected")); // clean precision-about
            return BadRequest(ex.GetType().Name);
        }

        MilesLinkLog.Linked(logger, link.PlayerId, link.MemberNumber); // clean logging-objects
        activity?.SetTag("miles.tier", member.Tier); // clean precision-about
        activity?.SetTag("miles.balance", member.Miles); // clean precision-about
        Links.Add(1, new KeyValuePair<string, object?>("miles.tier", member.Tier)); // clean precision-about
        Links.Add(1, new KeyValuePair<string, object?>("miles.gamertag", link.Gamertag)); // leak TC1003 direct
        activity?.SetBaggage("miles.member", pseudonymizer.ComputeSkymilesMemberId(member.MemberNumber)); // clean precision-pseudonym
        activity?.SetTag(SkymilesAttributes.Contact, member.Email); // leak TC1001 generated-api
        return Ok();
    }
}
