namespace PrivacyHoldout106.Retail;

/// <summary>A customer as the order service knows them.</summary>
public sealed record Customer(string CustomerNumber, string Email, string FirstName, string Mobile, string LoyaltyCard);

public interface ICustomerLookup
{
    Task<Customer?> ByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<Customer?> ByMobileAsync(string mobile, CancellationToken cancellationToken = default);
}

/// <summary>The order a reply refers to could not be found; the message quotes the customer's email.</summary>
public sealed class ReplyOrderNotFoundException(string orderId, string email) : Exception($"No order {orderId} for {email}")
{
    public string OrderId { get; } = orderId;
}

/// <summary>
/// Customers reply to order emails (sent from <c>order+{orderId}@</c>) and text the promotions short code
/// (JOIN, STOP, HELP, or an MMS photo of a till receipt for cashback). Replies are routed to customer service.
/// </summary>
public sealed partial class OrderReplyRouter(
    ActivitySource source,
    Meter meter,
    ILogger<OrderReplyRouter> logger,
    ICustomerLookup customers,
    IMailDropbox service,
    ISuppressionList suppression,
    Pseudonymizer pseudonymizer)
{
    private readonly RetailmsgMessagesCounter _messages = meter.CreateRetailmsgMessagesCounter();
    private readonly Counter<long> _receipts = meter.CreateCounter<long>("retailmsg.cashback.receipts");

    public async Task RouteReplyAsync(InboundEmail mail, CancellationToken cancellationToken)
    {
        using var span = source.StartRetailmsgInbound("email").SetRetailmsgDirection("inbound").SetRetailmsgStore("web-uk"); // clean precision-names
        var (_, orderId) = SubAddress.Split(mail.To[0].Address);
        Activity.Current?.SetTag("order.id", orderId); // clean precision-names
        Activity.Current?.SetTag("mail.to", mail.To[0].Address); // clean precision-names
        Activity.Current?.SetTag("mail.cc", string.Join(',', mail.Cc.Select(c => c.Address))); // leak TC1001 strings
        Activity.Current?.SetTag("mail.received", mail.Header("Received")); // leak TC1001 strings
        Activity.Current?.SetTag("mail.auto_submitted", mail.Header("Auto-Submitted") ?? "no"); // clean precision-about

        var customer = await customers.ByEmailAsync(mail.From.Address, cancellationToken);
        try
        {
            if (customer is null)
            {
                throw new ReplyOrderNotFoundException(orderId ?? "?", mail.From.Address);
            }

            span.SetRetailmsgCustomerId(pseudonymizer.PseudonymizeRetailmsgCustomerId(customer.CustomerNumber)); // clean precision-pseudonym
            logger.LogInformation("Reply on order {OrderId} from customer {CustomerNumber}", orderId, customer.CustomerNumber); // leak TC1001 direct
            await service.DeliverAsync("order-replies", mail, cancellationToken);
        }
        catch (ReplyOrderNotFoundException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, $"no order {ex.OrderId}"); // clean exceptions
            logger.LogWarning("Unmatched reply: {Error}", ex.Message); // leak TC1001 exceptions
            logger.LogRetailmsgMessageRejectedEvent("email", "unmatched", retailmsgNote: ex.GetType().Name); // clean exceptions
        }

        _messages.Add(1, "email", "inbound", customer is null ? "unmatched" : "routed"); // clean precision-about
    }

    public async Task<string> TextInAsync(InboundSms inbound, CancellationToken cancellationToken)
    {
        using var span = source.StartRetailmsgInbound(inbound.NumMedia > 0 ? "mms" : "sms").SetRetailmsgDirection("inbound");
        var customer = await customers.ByMobileAsync(inbound.From, cancellationToken);
        var keyword = StandardKeywords.Match(inbound.Body) ?? (inbound.Body.Trim().Equals("JOIN", StringComparison.OrdinalIgnoreCase) ? "JOIN" : null);
        span.SetRetailmsgKeyword(keyword ?? "none"); // clean precision-about

        if (keyword == "JOIN" && customer is not null)
        {
            await suppression.RemoveAsync(inbound.From, "sms", cancellationToken);
            span.SetRetailmsgNote($"joined promotions, card {customer.LoyaltyCard}"); // leak TC1001 generated-api
            span.SetRetailmsgNote($"joined promotions, card ending {customer.LoyaltyCard[^4..]}"); // clean precision-about
            Activity.Current?.SetBaggage("retail.customer", pseudonymizer.ComputeRetailmsgCustomerId(customer.CustomerNumber)); // clean precision-pseudonym
            Activity.Current?.SetBaggage("retail.loyalty", customer.LoyaltyCard); // leak TC1001 direct
        }

        if (inbound.NumMedia > 0)
        {
            span.SetRetailmsgAttachmentCount(inbound.NumMedia); // clean precision-about
            logger.LogInformation("Cashback receipt photos {Media}", string.Join(',', inbound.Media.Select(m => m.Sid))); // clean precision-names
            logger.LogInformation("Cashback receipt from {Customer}", customer); // leak TC1001 logging-objects
            _receipts.Add(inbound.NumMedia, new KeyValuePair<string, object?>("matched", customer is not null)); // clean precision-about
            _receipts.Add(inbound.NumMedia, new KeyValuePair<string, object?>("customer", customer?.CustomerNumber)); // leak TC1003 direct
        }

        var hint = customer is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(customer.Mobile));
        logger.LogDebug("Sender hint {Hint}", hint); // leak TC1001 hashes
        LogTextIn(logger, keyword ?? "none", customer?.FirstName ?? ""); // leak TC1001 logging-objects
        return new MessagingResponse().ToString();
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Text-in {Keyword} from {FirstName}")]
    private static partial void LogTextIn(ILogger logger, string keyword, string firstName);
}
