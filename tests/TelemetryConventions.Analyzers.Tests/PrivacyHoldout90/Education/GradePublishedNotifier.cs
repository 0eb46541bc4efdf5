namespace PrivacyHoldout90.Education;

public sealed record GradePublished(
    string AssessmentId,
    string ClassCode,
    string Subject,
    string StudentNumber,
    string StudentAccountId,
    string StudentFirstName,
    string MarkedByStaffId);

public sealed record Guardian(string GuardianId, string AccountId, string Email, string? Mobile, bool HasApp);

public interface IGuardians
{
    Task<IReadOnlyList<Guardian>> ForStudentAsync(string studentNumber, CancellationToken cancellationToken);
}

/// <summary>
/// Tells a pupil that an assessment has been marked, and their guardians: in the parent app, or by SMS
/// for guardians without it. Several grades on one day collapse into one notification.
/// </summary>
public sealed partial class GradePublishedNotifier(
    IGuardians guardians,
    INotificationStore inbox,
    IPreferenceStore preferences,
    ISmsSender sms,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<GradePublishedNotifier> logger)
{
    private const string Verb = "grade.published";

    private static readonly Meter SchoolMeter = new("School.Notifications");
    private static readonly Counter<long> Collapsed = SchoolMeter.CreateCounter<long>("schoolnotify.collapsed", "{notification}");
    private static readonly Counter<long> SmsSent = SchoolMeter.CreateCounter<long>("schoolnotify.sms.sent", "{sms}");

    public async Task OnGradePublishedAsync(GradePublished grade, CancellationToken cancellationToken)
    {
        using var span = source.StartSchoolnotifyNotify(Verb, "in_app");
        span.SetSchoolnotifyRecipientId(pseudonymizer.PseudonymizeSchoolnotifyRecipientId(grade.StudentAccountId)); // clean precision-pseudonym
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["AssessmentId"] = grade.AssessmentId, ["ClassCode"] = grade.ClassCode }); // clean precision-names

        var collapseKey = $"grades:{grade.StudentAccountId}:{DateTime.UtcNow:yyyyMMdd}";
        var existing = await inbox.FindByCollapseKeyAsync(grade.StudentAccountId, collapseKey, cancellationToken);
        if (existing is not null)
        {
            var count = existing.CollapsedCount + 1;
            await inbox.ReplaceAsync(existing with { Text = $"{count} new grades are ready", CollapsedCount = count, CreatedAt = DateTimeOffset.UtcNow }, cancellationToken);
            Collapsed.Add(1, new KeyValuePair<string, object?>("schoolnotify.verb", Verb)); // clean precision-names
            span.SetSchoolnotifyCollapseKey(collapseKey); // leak TC1001 generated-api
            span.SetSchoolnotifyOutcome("collapsed");
            return;
        }

        var own = new NotificationRecord(NotificationIds.New(), grade.StudentAccountId, grade.MarkedByStaffId, Verb, "assessment", grade.AssessmentId, $"Your {grade.Subject} assessment has been marked", DateTimeOffset.UtcNow)
        {
            CollapseKey = collapseKey,
        };
        await inbox.InsertAsync(own, cancellationToken);
        span.SetSchoolnotifyNotificationId(own.Id); // clean precision-names

        var bySms = 0;
        foreach (var guardian in await guardians.ForStudentAsync(grade.StudentNumber, cancellationToken))
        {
            var text = $"{grade.StudentFirstName}'s {grade.Subject} assessment has been marked";
            if (guardian.HasApp)
            {
                await inbox.InsertAsync(new NotificationRecord(NotificationIds.New(), guardian.AccountId, grade.MarkedByStaffId, Verb, "assessment", grade.AssessmentId, text, DateTimeOffset.UtcNow), cancellationToken);
                continue;
            }
            if (guardian.Mobile is null)
            {
                logger.LogInformation("Guardian {GuardianId} has neither the parent app nor a mobile", guardian.GuardianId); // leak TC1001 direct
                continue;
            }
            if (guardian.Mobile.Length < 10)
            {
                logger.LogWarning("Unusable mobile on file for {Guardian}", Describe(guardian)); // leak TC1001 cross-member
                continue;
            }

            var settings = await preferences.GetAsync(guardian.AccountId, cancellationToken);
            if (settings.QuietHours is { } quiet && quiet.Contains(DateTimeOffset.UtcNow))
            {
                LogHeldForQuietHours(logger, grade.AssessmentId, quiet.TimeZoneId); // clean precision-about
                continue;
            }
            try
            {
                await sms.SendAsync(guardian.Mobile, text + " - open the parent app for details.", cancellationToken);
                bySms++;
                SmsSent.Add(1, new KeyValuePair<string, object?>("schoolnotify.mobile.country", guardian.Mobile[..3])); // clean precision-about
            }
            catch (DeliveryFailedException ex)
            {
                logger.LogSchoolnotifyDeliveryFailedEvent("sms", "failed", own.Id, pseudonymizer.PseudonymizeSchoolnotifyRecipientId(guardian.AccountId), ex.Message); // leak TC1001 exceptions
                span.RecordException(ex); // clean exceptions
            }
        }
        span.SetSchoolnotifyNote($"{bySms} guardians reached by SMS"); // clean precision-about
    }

    private static string Describe(Guardian guardian) => $"{guardian.GuardianId} <{guardian.Email}>";

    [LoggerMessage(EventId = 5301, Level = LogLevel.Debug, Message = "SMS for assessment {AssessmentId} held for quiet hours in {TimeZone}")]
    private static partial void LogHeldForQuietHours(ILogger logger, string assessmentId, string timeZone);
}
