using System.Globalization;

namespace PrivacyHoldout83.Education;

/// <summary>
/// Escalations from the front desk to the wellbeing team, and the SLA timer that pages the duty
/// adviser when an escalated enquiry has had no reply.
/// </summary>
public sealed class WellbeingEscalations(
    HelpdeskClient helpdesk,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<WellbeingEscalations> logger)
{
    private static readonly SlaPolicy Wellbeing = new("wellbeing-2h", TimeSpan.FromHours(2), TimeSpan.FromDays(2));

    public async Task EscalateAsync(Escalation escalation, string studentNumber, CancellationToken cancellationToken)
    {
        using var span = source.StartDeskhelpTicket(escalation.TicketId.ToString(CultureInfo.InvariantCulture)); // clean precision-about
        span.SetDeskhelpAgentTeam(escalation.ToTeam).SetDeskhelpSlaPolicy(Wellbeing.Name);
        logger.LogInformation("Escalating {TicketId} from {From} to {To}: {ReasonCode}", escalation.TicketId, escalation.FromTeam, escalation.ToTeam, escalation.ReasonCode); // clean precision-about
        logger.LogInformation("Escalation {Escalation}", escalation); // leak TC1001 logging-objects
        Activity.Current?.SetTag("deskhelp.escalated_by", escalation.RaisedBy); // leak TC1001 direct

        await helpdesk.AddCommentAsync(escalation.TicketId, escalation.Note, isPublic: false, cancellationToken);
        await helpdesk.SetTagsAsync(escalation.TicketId, ["escalated", "wellbeing"], cancellationToken);
        span.SetDeskhelpNote(escalation.ReasonCode + " via " + escalation.FromTeam); // clean generated-api

        using (logger.BeginScope(new Dictionary<string, object?> { ["StudentNumber"] = studentNumber, ["TicketId"] = escalation.TicketId })) // leak TC1001 direct
        {
            logger.LogInformation("Wellbeing escalation created");
        }

        using (logger.BeginScope(new Dictionary<string, object?> { ["Student"] = pseudonymizer.ComputeDeskhelpRequesterId(studentNumber) })) // clean precision-pseudonym
        {
            logger.LogInformation("Wellbeing escalation acknowledged");
        }
    }

    public void OnTimer(long ticketId, string studentNumber, DateTimeOffset escalatedAt, DateTimeOffset now)
    {
        var waited = now - escalatedAt;
        if (waited < Wellbeing.FirstReply)
        {
            return;
        }
        var ticket = ticketId.ToString(CultureInfo.InvariantCulture);
        logger.LogDeskhelpSlaBreachedEvent(ticket, Wellbeing.Name, deskhelpPriority: "urgent", deskhelpRequesterId: pseudonymizer.PseudonymizeDeskhelpRequesterId(studentNumber), deskhelpNote: $"no reply after {waited.TotalMinutes:F0} min"); // clean precision-pseudonym
        Activity.Current?.AddEvent(new ActivityEvent("deskhelp.sla.breach", tags: new ActivityTagsCollection { ["ticket"] = ticketId, ["overdue_minutes"] = (waited - Wellbeing.FirstReply).TotalMinutes })); // clean precision-about
        meter.CreateDeskhelpFirstReplyDurationHistogram().Record(waited.TotalSeconds, "wellbeing", deskhelpPriority: "urgent", deskhelpSlaPolicy: Wellbeing.Name); // clean precision-about
        logger.LogWarning("Duty adviser paged for student {Student}", studentNumber); // leak TC1001 direct
    }
}
