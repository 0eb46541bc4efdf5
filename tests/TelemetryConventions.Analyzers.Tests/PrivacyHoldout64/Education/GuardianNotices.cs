namespace PrivacyHoldout64.Education;

public enum NoticeKind
{
    Absence,
    Grade,
    Enrolment,
}

public sealed record GuardianNotice(string StudentNumber, string PreferredName, string GuardianEmail, string CourseCode, NoticeKind Kind);

public sealed record NoticeSent(string MessageId, int Recipients);

/// <summary>A notice not sent; the reason comes from the notifier's own list.</summary>
public sealed record NoticeSkipped(string Reason);

public interface ISchoolMailer
{
    /// <summary>Sends a message. Throws <see cref="MailboxUnavailableException"/> when the relay refuses a recipient.</summary>
    Task<string> SendAsync(IReadOnlyList<string> to, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>The relay's 550 reply, which quotes the mailbox it refused.</summary>
public sealed class MailboxUnavailableException(string mailbox)
    : Exception($"550 5.1.1 <{mailbox}>: mailbox unavailable")
{
    public string StatusCode { get; } = "5.1.1";
}

/// <summary>Emails guardians about absences, grades and enrolments.</summary>
public sealed class GuardianNotifier(
    ISchoolMailer mailer,
    Pseudonymizer pseudonymizer,
    ILogger<GuardianNotifier> logger)
{
    private static readonly Func<string, string> Normalise = static email => email.Trim().ToLowerInvariant();
    private static readonly Func<string, string> DomainOf = static email => email[(email.IndexOf('@') + 1)..];
    private static readonly Func<string, string> MailDomain = Normalise.Then(DomainOf);

    public async Task<OneOf<NoticeSent, NoticeSkipped>> NotifyAsync(GuardianNotice notice, IReadOnlyList<string> copyTo, CancellationToken cancellationToken)
    {
        if (notice is { Kind: NoticeKind.Grade, CourseCode: ['A', 'P', 'P', ..] })
        {
            logger.LogDebug("Apprenticeship grades go through the employer portal, {Course}", notice.CourseCode); // clean direct
            return new NoticeSkipped("employer-portal");
        }

        string[] recipients = [Normalise(notice.GuardianEmail), .. copyTo.Select(Normalise)];
        TagRecipients(Activity.Current, [.. recipients.Select(MailDomain)]); // clean cross-member
        TagRecipients(Activity.Current, recipients); // leak TC1001 cross-member
        logger.LogInformation("Notice {Kind} for {Course} to {Count} recipients", notice.Kind, notice.CourseCode, recipients.Length); // clean precision-about

        var subject = notice.Kind switch
        {
            NoticeKind.Absence => $"{notice.PreferredName} was absent today",
            NoticeKind.Grade => $"New grade on {notice.CourseCode}",
            _ => "Enrolment update",
        };
        Activity.Current?.SetTag("notice.subject", subject); // leak TC1001 strings
        Activity.Current?.SetTag("notice.subject_length", subject.Length); // clean precision-about

        var sent = await Result.TryAsync(() => mailer.SendAsync(recipients, subject, Body(notice), cancellationToken));
        sent.Switch(
            messageId => logger.LogInformation("Notice sent as {MessageId}", messageId), // clean direct
            error => logger.LogWarning("Notice for {StudentRef} failed: {Error}", pseudonymizer.ComputeEnrolmentStudentId(notice.StudentNumber), error)); // leak TC1001 exceptions

        OneOf<NoticeSent, NoticeSkipped> outcome = sent.Match<OneOf<NoticeSent, NoticeSkipped>>(
            messageId => new NoticeSent(messageId, recipients.Length),
            error => new NoticeSkipped(error.Code == nameof(MailboxUnavailableException) ? "mailbox-unavailable" : "relay-error"));
        logger.LogInformation("Notice outcome {Outcome}", outcome); // clean logging-objects
        return outcome;
    }

    /// <summary>Puts the recipients on the span, joined.</summary>
    private static void TagRecipients(Activity? activity, params ReadOnlySpan<string> recipients)
    {
        activity?.SetTag("notice.recipients", string.Join(",", recipients.ToArray()));
    }

    private static string Body(GuardianNotice notice) =>
        $"Dear parent or guardian of {notice.PreferredName}, please sign in to the portal to read this notice.";
}

/// <summary>Daily digest of the notices that could not be sent.</summary>
public sealed class NoticeDigest(ILogger<NoticeDigest> logger)
{
    public void Report(IReadOnlyList<(GuardianNotice Notice, OneOf<NoticeSent, NoticeSkipped> Outcome)> day)
    {
        var skipped = day.Where(d => !d.Outcome.IsT0).ToList();
        logger.LogInformation("Skipped by reason {Reasons}", skipped.GroupBy(s => s.Outcome.AsT1.Reason).Select(g => (g.Key, g.Count()))); // clean precision-about
        logger.LogInformation("Skipped notices: {Skipped}", skipped.Select(s => s.Notice)); // leak TC1001 logging-objects
        logger.LogInformation("Skipped guardians' mail domains: {Domains}", skipped.Select(s => s.Notice.GuardianEmail.Split('@')[^1]).Distinct()); // clean precision-about
    }
}
