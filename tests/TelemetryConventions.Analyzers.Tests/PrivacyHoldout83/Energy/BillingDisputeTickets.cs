using System.Globalization;

namespace PrivacyHoldout83.Energy;

/// <summary>
/// Billing disputes: the agent desktop's "find the customer's other tickets" search, the payment-plan
/// macro filled with the account's figures, and the dispute SLA.
/// </summary>
public sealed class BillingDisputeTickets(
    HelpdeskClient helpdesk,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<BillingDisputeTickets> logger)
{
    private static readonly Macro PaymentPlan = new("m-plan-4", "Payment plan offer",
        "Hello {{holder}}, for account {{account}} we can spread {{balance}} over {{months}} months.");

    private readonly Histogram<double> _searchLatency = meter.CreateHistogram<double>("billhelp.search.duration", "ms");

    public async Task<int> FindOtherTicketsAsync(Ticket current, CancellationToken cancellationToken)
    {
        var query = $"type:ticket requester:{current.Requester.Email} status<solved";
        var started = Stopwatch.GetTimestamp();
        var page = await helpdesk.SearchAsync(query, cancellationToken);
        _searchLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("results", page.Count > 0)); // clean precision-about
        logger.LogDebug("Search {Query} returned {Count}", query, page.Count); // leak TC1001 strings
        logger.LogDebug("Other open tickets of the requester: {TicketIds}", page.TicketIds); // clean precision-about
        Activity.Current?.SetTag("billhelp.search.page", page); // clean logging-objects
        return page.Count;
    }

    public async Task OfferPaymentPlanAsync(Ticket ticket, decimal balance, int months, CancellationToken cancellationToken)
    {
        var account = ticket.CustomField("account_number") ?? string.Empty;
        using var span = source.StartBillhelpTicket(ticket.Id.ToString(CultureInfo.InvariantCulture)); // clean precision-about
        span.SetBillhelpQueue(ticket.GroupName ?? "billing").SetBillhelpPriority(ticket.Priority); // clean precision-about

        string reply;
        try
        {
            reply = MacroRenderer.Render(PaymentPlan, new Dictionary<string, string>
            {
                ["holder"] = ticket.Requester.Name,
                ["account"] = account,
                ["balance"] = balance.ToString("C", CultureInfo.GetCultureInfo("en-GB")),
                ["months"] = months.ToString(CultureInfo.InvariantCulture),
            });
        }
        catch (MacroRenderException ex)
        {
            logger.LogError(ex, "Macro {MacroId} could not be filled", ex.MacroId); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return;
        }

        try
        {
            await helpdesk.AddCommentAsync(ticket.Id, reply, isPublic: true, cancellationToken);
        }
        catch (HelpdeskApiException ex)
        {
            // A refused comment is echoed in the error body: the filled-in payment plan offer.
            span.SetBillhelpNote(ex.Message); // leak TC1001 exceptions
            return;
        }
        span.SetBillhelpNote(reply); // leak TC1001 generated-api
        span.SetBillhelpOutcome("plan-offered");
        logger.LogInformation("Payment plan offered on {TicketId}: {Months} months, balance band {Band}", ticket.Id, months, balance > 500 ? "high" : "low"); // clean precision-about
        logger.LogInformation("Payment plan offered to account {Account}", account); // leak TC1001 direct
        Activity.Current?.SetTag("billhelp.account.b64", Convert.ToBase64String(Encoding.UTF8.GetBytes(account))); // leak TC1001 hashes
        Activity.Current?.SetTag("billhelp.account.md5", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(account)))); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.ShardKey);
        Activity.Current?.SetTag("billhelp.account.cohort", hmac.ComputeHash(Encoding.UTF8.GetBytes(account))[0] % 8); // clean hashes
        meter.CreateBillhelpTicketsCounter().Add(1, "billing", "plan-offered", billhelpPriority: ticket.Priority); // clean precision-about
        meter.CreateCounter<long>("billhelp.plans.offered").Add(1, new KeyValuePair<string, object?>("account", pseudonymizer.ComputeBillhelpRequesterId(account))); // leak TC1003 precision-pseudonym
    }

    public void OnDisputeWebhook(TicketWebhook hook)
    {
        logger.LogInformation("Dispute update {Event} on {TicketId}", hook.Event, hook.TicketId); // clean precision-about
        logger.LogInformation("Dispute comment on {TicketId}: {Comment}", hook.TicketId, hook.LatestComment); // leak TC1001 direct
        Activity.Current?.SetTag("billhelp.dispute.requester", hook.RequesterName); // leak TC1001 direct
        Activity.Current?.SetTag("billhelp.dispute.tags", hook.Tags); // clean precision-about
    }
}
