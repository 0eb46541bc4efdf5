using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;
using PrivacyHoldout15.Support;
using PrivacyHoldout15.Support.SendGrid;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Education;

public sealed record Guardian(Guid Id, string DisplayName, string Email, string? Mobile, string Relationship);

public sealed record Learner(string StudentNumber, string FirstName, string LastName, string YearGroup, string Form);

public sealed record AbsenceMark(string StudentNumber, DateOnly Day, string Session, string Code);

public interface IGuardianDirectory
{
    Task<IReadOnlyList<Guardian>> GuardiansOfAsync(string studentNumber, CancellationToken cancellationToken);
}

public interface ILearnerDirectory
{
    Task<Learner> GetAsync(string studentNumber, CancellationToken cancellationToken);
}

public sealed class AlertOptions
{
    public string FromAddress { get; set; } = "attendance@school.example";

    public string AbsenceTemplateId { get; set; } = "d-0f3c2b1a9e8d47c6";

    public bool CopyFormTutor { get; set; }
}

/// <summary>Sends the same-day absence email to every guardian with parental responsibility.</summary>
public sealed class AbsenceAlertSender(
    ISendGridClient sendGrid,
    IGuardianDirectory guardians,
    ILearnerDirectory learners,
    IOptions<AlertOptions> options,
    Pseudonymizer pseudonymizer,
    ILogger<AbsenceAlertSender> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("School.Attendance.Alerts");
    private readonly Counter<long> _alerts = meter.CreateCounter<long>("attendance.alerts.sent", "{email}");

    public async Task SendAsync(AbsenceMark mark, CancellationToken cancellationToken)
    {
        var learner = await learners.GetAsync(mark.StudentNumber, cancellationToken);
        var recipients = await guardians.GuardiansOfAsync(mark.StudentNumber, cancellationToken);

        using var send = Source.StartNotifySend(NotifyChannel.Email)
            .SetNotifyTemplateId(options.Value.AbsenceTemplateId) // clean precision-names
            .SetNotifyRecipientId(pseudonymizer.PseudonymizeNotifyRecipientId(mark.StudentNumber)) // clean precision-pseudonym
            .SetNotifyRecipientCount(recipients.Count);

        var message = new SendGridMessage
        {
            From = new EmailAddress(options.Value.FromAddress, "Attendance Office"),
            TemplateId = options.Value.AbsenceTemplateId,
            Subject = $"{learner.FirstName} {learner.LastName} was absent ({mark.Session})",
        };
        foreach (var guardian in recipients)
        {
            message.AddTo(guardian.Email, guardian.DisplayName);
        }
        message.SetTemplateData(new { learner.FirstName, mark.Day, mark.Session, mark.Code });
        message.AddCategory("absence");
        message.AddCustomArg("student_ref", pseudonymizer.ComputeNotifyRecipientId(mark.StudentNumber));

        logger.LogInformation("Sending absence alert '{Subject}' for {Day} {Session}", message.Subject, mark.Day, mark.Session); // leak TC1001 strings
        Activity.Current?.AddEvent(new ActivityEvent("absence.alert.prepared", tags: new ActivityTagsCollection { ["absence.code"] = mark.Code, ["absence.year_group"] = learner.YearGroup })); // clean precision-about

        var response = await sendGrid.SendEmailAsync(message, cancellationToken);
        send.SetNotifyStatus(((int)response.StatusCode).ToString()); // clean precision-names
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var messageId = response.Headers.TryGetValue("X-Message-Id", out var id) ? id : "";
            send.SetNotifyMessageId(messageId); // clean precision-names
            _alerts.Add(recipients.Count, new KeyValuePair<string, object?>("template", options.Value.AbsenceTemplateId), new KeyValuePair<string, object?>("year_group", learner.YearGroup)); // clean precision-names
            logger.LogInformation("Absence alert {MessageId} accepted for {Recipients} guardian(s): {GuardianEmails}", messageId, recipients.Count, string.Join(";", recipients.Select(g => g.Email))); // leak TC1001 cross-member
            return;
        }

        // SendGrid's error body names the failing field, e.g. {"errors":[{"field":"personalizations.0.to.0.email","message":"Does not contain a valid address."}]}.
        var error = await response.Body.ReadAsStringAsync();
        send.SetStatus(ActivityStatusCode.Error, error); // clean exceptions
        logger.LogWarning("SendGrid refused the absence alert with {Status}: {Error}", response.StatusCode, error); // clean exceptions
        foreach (var guardian in recipients.Where(g => !g.Email.Contains('@')))
        {
            logger.LogWarning("Guardian {GuardianId} ({Relationship}) has a malformed address {Email}", guardian.Id, guardian.Relationship, guardian.Email); // leak TC1001 direct
            send.AddNotifyDeliveryFailedEvent(NotifyChannel.Email, $"malformed address {guardian.Email}"); // leak TC1001 generated-api
        }
    }
}
