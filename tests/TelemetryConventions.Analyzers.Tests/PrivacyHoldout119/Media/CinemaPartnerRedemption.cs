namespace PrivacyHoldout119.Media;

/// <summary>A household account's request to turn points into cinema tickets.</summary>
public sealed record CinemaTicketOrder(Guid SubscriberId, Guid ProfileId, string CinemaId, string Showing, int Tickets);

/// <summary>Burns fan rewards points at the cinema partner and issues e-vouchers for the tickets.</summary>
[ApiController]
[Route("api/rewards/cinema")]
public sealed class CinemaPartnerRedemption(IPartnerGateway partners, IRewardsEngine rewards, Pseudonymizer pseudonymizer, ILogger<CinemaPartnerRedemption> logger) : ControllerBase
{
    private const string Programme = "fan-rewards";
    private const int PointsPerTicket = 900;
    private static readonly ActivitySource Source = new("Streaming.FanRewards.Cinema");
    private static readonly Meter Meter = new("Streaming.FanRewards.Cinema");

    [HttpPost("order")]
    public async Task<ActionResult> OrderAsync([FromBody] CinemaTicketOrder order, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartFanrwdRedeem(Programme).SetFanrwdRewardId($"cinema-{order.CinemaId}"); // clean generated-api
        span.Activity?.SetTag("cinema.showing", order.Showing); // clean precision-names
        span.Activity?.SetTag("cinema.tickets", order.Tickets); // clean precision-about
        span.Activity?.SetTag("http.request.header.x-subscriber", HttpContext.RequestHeaders["X-Subscriber"]); // leak TC1001 direct
        span.Activity?.SetTag("http.request.header.x-request-id", HttpContext.TraceIdentifier); // clean precision-names
        var points = order.Tickets * PointsPerTicket;
        try
        {
            var burn = await partners.BurnAsync("cinema-chain", order.SubscriberId.ToString(), points, cancellationToken);
            span.Activity?.SetTag("fanrwd.partner.auth", burn.AuthorisationCode); // clean precision-names
            var vouchers = new List<Voucher>();
            for (var i = 0; i < order.Tickets; i++)
            {
                vouchers.Add(await rewards.IssueVoucherAsync(order.SubscriberId.ToString(), $"cinema-{order.CinemaId}", cancellationToken));
            }

            logger.LogInformation("Issued {Count} cinema vouchers expiring {Expiry}", vouchers.Count, vouchers.Min(v => v.ExpiresOn)); // clean precision-about
            logger.LogInformation("Voucher codes {Codes}", string.Join(" ", vouchers.Select(v => v.Code))); // leak TC1001 strings
            logger.LogInformation("Voucher ids {Ids}", string.Join(" ", vouchers.Select(v => v.VoucherId))); // clean precision-names
            span.Activity?.SetTag("fanrwd.voucher.first", vouchers[0].Code[..4] + "****"); // clean precision-about
            span.SetFanrwdPoints(points).SetFanrwdOutcome("issued");
            return Ok(vouchers.Select(v => v.Code));
        }
        catch (UnknownMembershipException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, "partner does not know the member"); // clean exceptions
            logger.LogFanrwdLedgerFailedEvent(Programme, "unknown-member", pseudonymizer.PseudonymizeFanrwdMemberId(order.SubscriberId.ToString()), ex.GetType().Name); // clean exceptions
            span.Activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            return BadRequest();
        }
        finally
        {
            Meter.CreateFanrwdRedeemDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Programme, $"profile:{order.ProfileId}"); // leak TC1003 generated-api
        }
    }
}
