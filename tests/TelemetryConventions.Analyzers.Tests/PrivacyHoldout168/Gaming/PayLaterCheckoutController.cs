namespace PrivacyHoldout168.Gaming;

/// <summary>The in-game store's "pay in three" checkout: a soft search, then the order is split into instalments.</summary>
[ApiController]
[Route("api/store/pay-later")]
public sealed class PayLaterCheckoutController(
    ICreditBureau bureau,
    Pseudonymizer pseudonymizer,
    ILogger<PayLaterCheckoutController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Store.PayLater");

    private PlayerWallet? _wallet;

    [HttpPost("{title}")]
    public async Task<ActionResult> Checkout(string title, [FromBody] PayLaterOrder order, CancellationToken ct)
    {
        using var span = Source.StartPlaypayOperation(title);
        span.SetPlaypayPlayerId(pseudonymizer.PseudonymizePlaypayPlayerId(order.PlayerId.ToString())); // clean generated-api
        span.SetPlaypayStore("in-game"); // clean generated-api
        var activity = Activity.Current;
        activity?.SetTag("order.id", order.OrderId); // clean precision-about
        activity?.SetTag("order.sku", order.Sku); // clean precision-about
        activity?.SetTag("order.instalments", order.Instalments); // clean precision-about
        activity?.SetTag("checkout.email_template_id", "tpl-pay-later"); // clean precision-names
        activity?.SetTag("checkout.label", string.Format(CultureInfo.InvariantCulture, "{0}/{1}", title, order.PlayerId)); // leak TC1001 strings
        activity?.SetTag("player.id", order.PlayerId); // leak TC1001 direct
        logger.LogInformation("Pay-later order {@Order}", order); // leak TC1001 logging-objects
        logger.LogInformation("Pay-later order {OrderId} for {Amount} in {Instalments}", order.OrderId, order.Amount, order.Instalments); // clean precision-about

        _wallet = new PlayerWallet(order.PlayerId, HttpContext.User.SubjectId ?? "unknown", HttpContext.User.Email ?? "", "GB");
        DescribeWallet();
        logger.LogInformation("Signed-in player {Email}", HttpContext.User.Email); // leak TC1001 direct
        logger.LogInformation("Player signed in: {Signed}", HttpContext.User.IsAuthenticated); // clean precision-about

        try
        {
            var report = await bureau.SearchAsync(new CreditSearchRequest("(from profile)", DateOnly.MinValue, "", "soft"), ct);
            span.SetPlaypayOutcome(report.Band); // clean generated-api
            return Ok(new { order.OrderId, report.Band });
        }
        catch (BureauUnavailableException ex)
        {
            logger.LogWarning(ex, "Bureau down, order {OrderId} declined", order.OrderId); // clean exceptions
            span.RecordException(ex, "bureau unavailable"); // clean exceptions
            return BadRequest("Pay later is not available right now");
        }
    }

    private void DescribeWallet()
    {
        Activity.Current?.SetTag("player.gamertag", _wallet?.Gamertag); // leak TC1001 cross-member
        Activity.Current?.SetTag("player.country", _wallet?.Country); // clean cross-member
    }
}
