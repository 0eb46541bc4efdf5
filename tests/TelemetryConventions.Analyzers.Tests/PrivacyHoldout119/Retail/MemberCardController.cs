namespace PrivacyHoldout119.Retail;

/// <summary>A member reports a lost card or asks to join a household pool.</summary>
public sealed record LostCardReport(string CardNumber, string Postcode, string Channel);

public sealed record PoolJoinRequest(string MemberNumber, string PoolId);

/// <summary>The shop club's member card endpoints: replacement cards and household pooling.</summary>
[ApiController]
[Route("api/club/cards")]
public sealed class MemberCardController(IMemberDirectory members, IHouseholdPools pools, Pseudonymizer pseudonymizer, ILogger<MemberCardController> logger) : ControllerBase
{
    private const string Programme = "shop-club";
    private static readonly ActivitySource Source = new("Retail.ShopClub.Cards");
    private static readonly Meter Meter = new("Retail.ShopClub.Cards");
    private static readonly Counter<long> Replacements = Meter.CreateCounter<long>("clubrwd.card.replacements");
    private static readonly UpDownCounter<int> PoolMembers = Meter.CreateUpDownCounter<int>("clubrwd.pool.members");

    [HttpPost("lost")]
    public async Task<ActionResult> ReportLostAsync([FromBody] LostCardReport report, CancellationToken cancellationToken)
    {
        using var span = Source.StartClubrwdAccrue(Programme).SetClubrwdOutcome("card-replaced");
        span.Activity?.SetTag("clubrwd.channel", report.Channel); // clean precision-names
        span.Activity?.SetTag("clubrwd.postcode_district", report.Postcode.Split(' ')[0]); // clean precision-about
        var member = await members.FindByCardAsync(report.CardNumber, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        var replacement = await members.ReplaceCardAsync(report.CardNumber, cancellationToken);
        span.Activity?.SetTag("clubrwd.card.old", report.CardNumber); // leak TC1001 direct
        span.Activity?.SetTag("clubrwd.card.new_last4", replacement.Last4); // clean precision-about
        span.Activity?.SetTag("clubrwd.card.status", replacement.Status.ToString());
        logger.LogInformation("Replacement card {Card}", replacement); // leak TC1001 logging-objects
        logger.LogInformation("Replacement issued on {IssuedOn} via {Channel}", replacement.IssuedOn, report.Channel); // clean precision-names
        Replacements.Add(1, new KeyValuePair<string, object?>("channel", report.Channel), new KeyValuePair<string, object?>("tier", member.TierCode)); // clean precision-names
        Replacements.Add(0, new KeyValuePair<string, object?>("member", pseudonymizer.PseudonymizeClubrwdMemberId(member.MemberNumber).Value)); // leak TC1003 precision-pseudonym
        return Ok(new { replacement.Last4 });
    }

    [HttpPost("pool")]
    public async Task<ActionResult> JoinPoolAsync([FromBody] PoolJoinRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartClubrwdAccrue(Programme).SetClubrwdMemberId(pseudonymizer.PseudonymizeClubrwdMemberId(request.MemberNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("clubrwd.pool", request.PoolId); // leak TC1001 direct
        try
        {
            var pool = await pools.AddAsync(request.PoolId, request.MemberNumber, cancellationToken);
            PoolMembers.Add(1); // clean precision-about
            span.SetClubrwdEntryCount(pool.MemberNumbers.Count).SetClubrwdPoints(pool.SharedBalance); // clean precision-about
            logger.LogInformation("Pool owner {Owner} now pools with {Count} members", pool.OwnerMemberNumber, pool.MemberNumbers.Count); // leak TC1001 direct
            var others = pool.MemberNumbers.Where(m => m != request.MemberNumber).Select(m => pseudonymizer.ComputeClubrwdMemberId(m)).ToArray();
            logger.LogInformation("Pooled with {Others}", others); // clean precision-pseudonym
            return Ok(new { pool.SharedBalance });
        }
        catch (PoolFullException ex)
        {
            logger.LogWarning(ex, "Join refused"); // clean exceptions
            return BadRequest(ex.Message);
        }
        catch (MemberNotFoundException ex)
        {
            span.RecordException(ex, "member not found", includeMessage: true); // leak TC1001 exceptions
            return NotFound();
        }
    }
}
