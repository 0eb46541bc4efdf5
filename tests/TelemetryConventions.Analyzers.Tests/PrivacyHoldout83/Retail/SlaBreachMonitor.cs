using System.Globalization;

namespace PrivacyHoldout83.Retail;

/// <summary>
/// Every minute: reads the open tickets' SLA timers, raises breach alerts to the team channel,
/// escalates VIP customers' breaches to the duty manager and counts breaches per policy.
/// </summary>
public sealed class SlaBreachMonitor(
    HelpdeskClient helpdesk,
    SupportOptions options,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<SlaBreachMonitor> logger) : BackgroundService
{
    private readonly Counter<long> _breaches = meter.CreateCounter<long>("shophelp.sla.breaches", "{breach}");
    private readonly List<Ticket> _escalated = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var page = await helpdesk.SearchAsync("status<solved sla:breached", stoppingToken);
            logger.LogInformation("{Count} breached tickets this round", page.Count);
            foreach (var id in page.TicketIds)
            {
                var ticket = await helpdesk.GetTicketAsync(id, stoppingToken);
                Raise(ticket, DateTimeOffset.UtcNow);
            }
            logger.LogInformation("VIP escalations so far: {Escalated}", string.Join(", ", _escalated.Select(t => t.Requester.Email))); // leak TC1001 cross-member
            logger.LogInformation("VIP escalations so far: {Escalated}", string.Join(", ", _escalated.Select(t => t.Id))); // clean precision-about
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        }
    }

    private void Raise(Ticket ticket, DateTimeOffset now)
    {
        var policy = ticket.CustomField("sla_policy") ?? "standard-8h";
        var overdue = now - ticket.CreatedAt - options.FirstReplyTarget;
        var breach = new SlaBreach(ticket.Id, policy, "first_reply", overdue, ticket.Priority, ticket.GroupName ?? options.DefaultQueue);
        var ticketId = ticket.Id.ToString(CultureInfo.InvariantCulture);

        logger.LogShophelpSlaBreachedEvent(ticketId, policy, shophelpPriority: ticket.Priority, shophelpRequesterId: pseudonymizer.PseudonymizeShophelpRequesterId(ticket.Requester.Id)); // clean precision-pseudonym
        logger.LogShophelpSlaBreachedEvent(ticketId, policy, shophelpNote: $"{breach.Metric} overdue by {overdue.TotalMinutes:F0} min in {breach.Queue}"); // clean generated-api
        logger.LogShophelpSlaBreachedEvent(ticketId, policy, shophelpNote: ticket.Subject + " / " + ticket.Requester.Name); // leak TC1001 generated-api
        logger.LogWarning("Breach {Breach}", breach); // clean logging-objects
        _breaches.Add(1, new KeyValuePair<string, object?>("policy", policy), new KeyValuePair<string, object?>("priority", ticket.Priority)); // clean precision-about
        _breaches.Add(0, new KeyValuePair<string, object?>("assignee", ticket.AssigneeId)); // leak TC1003 cross-member
        meter.CreateShophelpFirstReplyDurationHistogram().Record((now - ticket.CreatedAt).TotalSeconds, breach.Queue, shophelpSlaPolicy: policy); // clean precision-about

        if (options.VipRequesterEmails.Contains(ticket.Requester.Email, StringComparer.OrdinalIgnoreCase))
        {
            _escalated.Add(ticket);
            using var span = source.StartShophelpTicket(ticketId); // clean precision-about
            span.SetShophelpSlaPolicy("vip-1h").SetShophelpOutcome("escalated");
            Activity.Current?.SetTag("shophelp.vip", true);
            Activity.Current?.SetTag("shophelp.vip.count", options.VipRequesterEmails.Count); // clean precision-about
            logger.LogWarning("VIP {Email} breached {Policy}; paging {DutyManager}", ticket.Requester.Email, policy, options.EscalationEmail); // leak TC1001 direct
            logger.LogDebug("VIP list {VipList}", options.VipRequesterEmails); // leak TC1001 cross-member
        }
    }
}
