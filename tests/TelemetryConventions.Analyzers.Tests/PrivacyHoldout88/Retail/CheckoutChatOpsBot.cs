namespace PrivacyHoldout88.Retail;

public interface IOrderDesk
{
    Task<decimal> RefundAsync(string orderId, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> OrdersForAsync(string customerEmail, CancellationToken cancellationToken);
}

/// <summary>Thrown when a refund is refused; quotes the order id and the payment provider's decline code.</summary>
public sealed class RefundDeclinedException(string orderId, string declineCode) : Exception($"Refund of {orderId} declined: {declineCode}");

/// <summary>
/// The e-commerce team's bot: <c>/shop refund &lt;order&gt;</c>, <c>/shop orders &lt;customer email&gt;</c>,
/// and the approve and cancel buttons of the fraud hold cards.
/// </summary>
[ApiController]
[Route("chatops/shop")]
public sealed class CheckoutChatOpsBot(IOrderDesk desk, Pseudonymizer pseudonymizer, Meter meter, ILogger<CheckoutChatOpsBot> logger) : ControllerBase
{
    private readonly Counter<long> _refunds = meter.CreateCounter<long>("shoppage.chatops.refunds", "{refund}");

    [HttpPost("command")]
    public async Task<ActionResult> Command([FromBody] SlashCommand command, CancellationToken cancellationToken)
    {
        var parsed = ParsedCommand.Parse(command.Text);
        var span = Activity.Current.EnrichShoppageCommand(parsed.Verb is "refund" or "orders" ? parsed.Verb : "other");
        span.SetShoppageResponderId(pseudonymizer.PseudonymizeShoppageResponderId(command.UserId)); // clean precision-pseudonym
        using var scope = logger.BeginScope(new KeyValuePair<string, object>[] { new("ChatUserId", command.UserId), new("ChatTeam", command.TeamId) }); // leak TC1001 direct

        if (parsed.Verb == "refund")
        {
            var orderId = parsed.Arg(0);
            try
            {
                var amount = await desk.RefundAsync(orderId, cancellationToken);
                logger.LogInformation("Refunded {Order} for {Amount}", orderId, amount); // clean precision-names
                _refunds.Add(1, new KeyValuePair<string, object?>("via", "chatops"), new KeyValuePair<string, object?>("by", command.UserName)); // leak TC1003 direct
            }
            catch (RefundDeclinedException ex)
            {
                logger.LogWarning(ex, "Refund declined"); // clean exceptions
                span.SetShoppageNote(ex.Message); // clean exceptions
                return BadRequest(ex.Message);
            }
        }
        else if (parsed.Verb == "orders")
        {
            var customerEmail = parsed.Arg(0);
            var orders = await desk.OrdersForAsync(customerEmail, cancellationToken);
            logger.LogInformation("{Count} orders for {Email}", orders.Count, customerEmail); // leak TC1001 direct
            Activity.Current?.SetTag("lookup.email_domain", customerEmail[(customerEmail.IndexOf('@') + 1)..]); // clean precision-about
            span.SetShoppageOutcome(orders.Count == 0 ? "none" : "found"); // clean precision-about
        }

        return Ok();
    }

    [HttpPost("interaction")]
    public ActionResult Interaction([FromBody] InteractionPayload click)
    {
        var span = Activity.Current.EnrichShoppageCommand(click.ActionId);
        span.SetShoppageNote($"{click.ActionId} on order {click.Value}"); // clean precision-names
        logger.LogInformation("Fraud decision {Action} on {Order} by {Analyst}", click.ActionId, click.Value, click.UserName); // leak TC1001 direct
        return Ok();
    }
}
