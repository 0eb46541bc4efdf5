namespace PrivacyHoldout91.Retail;

/// <summary>A loyalty member's own monthly statement subscription.</summary>
public sealed record StatementSubscription(string CustomerNumber, string Email, string LoyaltyCard, string PreferredStore);

public interface IStatementSubscriptions
{
    IAsyncEnumerable<StatementSubscription> DueAsync(DateOnly month, CancellationToken cancellationToken = default);
}

/// <summary>
/// Sends the loyalty members' monthly points statements (a PDF per member, rendered by the report
/// server with the member's card as its parameter) and the area managers' weekly sales pack (whose
/// subscription's parameters are the area's store ids).
/// </summary>
public sealed class ReportSubscriptionDispatcher(
    IStatementSubscriptions statements,
    ISubscriptionStore store,
    IReportExecutionService reports,
    IReportMailer mailer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ReportSubscriptionDispatcher> logger)
{
    private readonly Counter<long> _statements = meter.CreateCounter<long>("salesrpt.statements", "{statement}");
    private readonly List<string> _failedCards = new();

    public async Task SendStatementsAsync(DateOnly month, CancellationToken cancellationToken)
    {
        await foreach (var member in statements.DueAsync(month, cancellationToken))
        {
            using var span = source.StartSalesrptRender("rpt-points-statement", "pdf");
            span.SetSalesrptCustomerId(pseudonymizer.PseudonymizeSalesrptCustomerId(member.CustomerNumber)).SetSalesrptStore(member.PreferredStore); // clean precision-pseudonym
            var parameters = new[] { new ReportParameter("LoyaltyCard", member.LoyaltyCard), new ReportParameter("Month", month.ToString("yyyy-MM", CultureInfo.InvariantCulture)) };
            Activity.Current?.SetTag("report.parameters", string.Join("&", parameters.Select(p => $"{p.Name}={p.Values[0]}"))); // leak TC1001 strings
            try
            {
                var pdf = await reports.RenderAsync("/Loyalty/PointsStatement", parameters, RenderFormat.Pdf, cancellationToken);
                var fileName = $"statement-{member.LoyaltyCard}-{month:yyyyMM}.pdf";
                await mailer.SendAsync(new Subscriber(member.Email, "Loyalty member"), "Your points statement", fileName, pdf, cancellationToken);
                span.SetSalesrptNote(fileName); // leak TC1001 generated-api
                _statements.Add(1, new KeyValuePair<string, object?>("store", member.PreferredStore), new KeyValuePair<string, object?>("outcome", "sent"));
            }
            catch (MailRejectedException ex)
            {
                _failedCards.Add(member.LoyaltyCard);
                logger.LogSalesrptReportFailedEvent("rpt-points-statement", "mail-rejected", pseudonymizer.PseudonymizeSalesrptCustomerId(member.CustomerNumber), ex.Message); // leak TC1001 generated-api
                span.SetStatus(ActivityStatusCode.Error, $"mail rejected ({ex.Code})"); // clean exceptions
            }
            catch (ReportServerException ex) when (ex.ErrorCode == "rsInvalidReportParameter")
            {
                _failedCards.Add(member.LoyaltyCard);
                logger.LogWarning("Statement for card {Card} not rendered: {Error}", member.LoyaltyCard, ex.Message); // leak TC1001 direct
            }
        }

        logger.LogWarning("Statements failed for {Count} cards: {Cards}", _failedCards.Count, _failedCards); // leak TC1001 logging-objects
        Activity.Current?.SetTag("statements.failed", _failedCards.Count);
        Activity.Current?.SetTag("statements.failed.last4", string.Join(",", _failedCards.Select(c => c[^4..]))); // clean precision-about
    }

    public async Task SendWeeklyPackAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var subscription = await store.GetAsync(subscriptionId, cancellationToken);
        using var span = source.StartSalesrptEmbed(subscription.ReportId, spanName: "salesrpt.weekly_pack");
        logger.LogInformation("Weekly pack for {Managers}", subscription.Subscribers); // leak TC1001 logging-objects
        var pack = await reports.RenderAsync("/Sales/WeeklyPack", subscription.Parameters.Select(p => new ReportParameter(p.Key, p.Value)), RenderFormat.Excel, cancellationToken);
        foreach (var manager in subscription.Subscribers)
        {
            await mailer.SendAsync(manager, "Weekly sales pack", $"weekly-pack-{DateTime.UtcNow:yyyyMMdd}.xlsx", pack, cancellationToken);
            Activity.Current?.AddEvent(new ActivityEvent("pack.sent", tags: new ActivityTagsCollection { ["to"] = manager.Email })); // leak TC1001 direct
        }

        span.SetSalesrptNote($"sent to {subscription.Subscribers.Count} managers, stores {string.Join(",", subscription.Parameters.Values)}"); // clean precision-about
    }
}
