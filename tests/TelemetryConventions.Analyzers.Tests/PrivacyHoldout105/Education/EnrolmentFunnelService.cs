using Segment;
using Segment.Model;

namespace PrivacyHoldout105.Education;

/// <summary>A guardian's account in the parent app, as the directory returns it.</summary>
public sealed record GuardianAccount(string GuardianId, string Email, string DisplayName, string StudentNumber);

public interface IGuardianDirectory
{
    Task<GuardianAccount?> FindAsync(string guardianId, CancellationToken ct);
}

public interface IReminderMailer
{
    Task SendAsync(string email, string template, CancellationToken ct);
}

/// <summary>
/// The parent app's club enrolment funnel (club page, form started, form submitted, paid). Guardians who stall at
/// the form get one reminder, and their traits are refreshed in the analytics warehouse.
/// </summary>
public sealed class EnrolmentFunnelService(
    IFunnelQuery query,
    IGuardianDirectory directory,
    IReminderMailer mailer,
    IAnalyticsClient analytics,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<EnrolmentFunnelService> logger)
{
    private static readonly FunnelDefinition Enrolment = new("club-enrolment", "Club enrolment",
        [new FunnelStep("club_viewed", "club_viewed"), new FunnelStep("form_started", "enrol_form_started"), new FunnelStep("form_submitted", "enrol_form_submitted"), new FunnelStep("paid", "enrol_paid")], TimeSpan.FromDays(14));

    private readonly Counter<int> _reminders = meter.CreateCounter<int>("lms.enrolment.reminders", "{reminder}");

    public async Task RunAsync(string clubCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        using var span = source.StartLrnclickSync("warehouse").SetLrnclickCohort(clubCode); // clean generated-api
        var report = await query.RunAsync(Enrolment with { FunnelId = $"club-enrolment:{clubCode}" }, from, to, ct);
        foreach (var step in report.Steps)
        {
            logger.LogInformation("Club {Club} {Step}: {Conversion:P0} of {Entered}", clubCode, step.Step, step.Conversion, step.Entered); // clean precision-about
        }
        span.SetLrnclickNote(string.Join(",", report.Steps.Select(s => $"{s.Step}={s.Entered}"))); // clean generated-api
        logger.LogInformation("Steps {Steps}", report.Steps); // clean logging-objects

        var stalled = report.DroppedOff.GetValueOrDefault("form_started") ?? [];
        span.SetLrnclickFunnelStep("form_started").SetLrnclickBatchSize(stalled.Count); // clean generated-api
        var reminded = 0;
        foreach (var guardianId in stalled)
        {
            var guardian = await directory.FindAsync(guardianId, ct);
            if (guardian is null)
            {
                logger.LogDebug("Guardian {GuardianId} left the app before the reminder", guardianId); // leak TC1001 direct
                continue;
            }

            await mailer.SendAsync(guardian.Email, "enrol-reminder", ct);
            reminded++;
            logger.LogInformation("Enrolment reminder sent to {GuardianEmail}", guardian.Email); // leak TC1001 direct
            logger.LogInformation("Enrolment reminder sent to a guardian at {Domain}", guardian.Email.Split('@')[^1]); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("reminder.sent", tags: new ActivityTagsCollection { ["club"] = clubCode, ["guardian"] = guardian.GuardianId })); // leak TC1001 direct
            Activity.Current?.SetTag(LrnclickAttributes.StudentContact, pseudonymizer.Compute("guardian", guardian.Email)); // leak TC1001 precision-pseudonym
            _reminders.Add(1, new KeyValuePair<string, object?>("lms.club", clubCode)); // clean precision-about
            _reminders.Add(1, new KeyValuePair<string, object?>("lms.guardian", pseudonymizer.Compute("guardian", guardian.GuardianId))); // leak TC1003 precision-pseudonym

            var traits = new Traits { ["email"] = guardian.Email, ["name"] = guardian.DisplayName, ["club_interest"] = clubCode };
            try
            {
                analytics.Identify(guardian.GuardianId, traits);
            }
            catch (APIException ex)
            {
                logger.LogWarning(ex, "Tracking API refused the identify: {Code}", ex.Code); // clean exceptions
            }
            logger.LogDebug("Identify traits {Traits}", traits); // leak TC1001 logging-objects
            logger.LogDebug("Identify with {TraitCount} traits: {TraitNames}", traits.Count, string.Join(",", traits.Keys)); // clean precision-names
            logger.LogDebug("Identify for {Guardian} of student {Student}", guardian.DisplayName, guardian.StudentNumber); // leak TC1001 cross-member
        }
        span.SetLrnclickNote($"reminders sent: {reminded} of {stalled.Count}"); // clean generated-api
    }
}
