using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout43.Support;
using PrivacyHoldout43.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout43.Education;

/// <summary>A parent's appeal against a refused school place.</summary>
public sealed record AdmissionAppeal(
    string AppealId,
    string ChildUpn,
    string ChildName,
    string ParentEmail,
    string ParentPhone,
    string SchoolName,
    string Grounds,
    bool InfantClassSize,
    DateOnly RefusalLetterDate);

public sealed record AppealHearing(string AppealId, DateTimeOffset At, string ClerkEmail, string PanelChairName, string Venue);

public sealed class AppealOutOfTimeException(string message) : Exception(message);

public static class AdmissionAppealEndpoints
{
    public static EndpointRoutes MapAdmissionAppeals(this EndpointRoutes routes) =>
        routes.MapPost("/appeals", async (AdmissionAppeal appeal, AdmissionAppealService service, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var deadline = appeal.RefusalLetterDate.AddDays(20);
            if (DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) > deadline)
            {
                throw new AppealOutOfTimeException($"Appeal for {appeal.ChildName} ({appeal.ChildUpn}) lodged after {deadline:d}"); // leak TC1001 exceptions
            }

            return await service.LodgeAsync(appeal, cancellationToken);
        });
}

public sealed class AdmissionAppealService(
    ILogger<AdmissionAppealService> logger,
    ActivitySource source,
    INotificationClient notify,
    ICaseStore<AdmissionAppeal> appeals)
{
    public async Task<string> LodgeAsync(AdmissionAppeal appeal, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("appeal.id", appeal.AppealId); // clean direct
        activity?.SetTag("appeal.school", appeal.SchoolName); // clean direct
        activity?.SetTag("appeal.infant_class_size", appeal.InfantClassSize); // clean precision-about
        activity?.SetTag("appeal.parent.phone_prefix", appeal.ParentPhone[..3]); // clean precision-about

        await appeals.SaveAsync(appeal, cancellationToken);
        return appeal.AppealId;
    }

    public async Task ScheduleAsync(AdmissionAppeal appeal, AppealHearing hearing, CancellationToken cancellationToken)
    {
        using var span = source.StartCaseworkCase("admission-appeal", spanName: "appeal.hearing.schedule");
        span.SetCaseworkCaseId(hearing.AppealId)
            .SetCaseworkStage("hearing")
            .SetCaseworkNote($"hearing {hearing.At:yyyy-MM-dd HH:mm} at {hearing.Venue}"); // clean generated-api

        Activity.Current?.SetTag("appeal.panel.chair", hearing.PanelChairName); // leak TC1001 direct

        var bundleName = $"{appeal.ChildName.Replace(' ', '_')}_{appeal.AppealId}_hearing_bundle.pdf";
        logger.LogInformation("Hearing bundle {BundleName} generated", bundleName); // leak TC1001 strings
        logger.LogInformation("Hearing for appeal {AppealId} clerked by {Clerk}", hearing.AppealId, hearing.ClerkEmail); // leak TC1001 cross-member

        try
        {
            var personalisation = new Dictionary<string, object> { ["child_name"] = appeal.ChildName, ["hearing_at"] = hearing.At.ToString("f") };
            await notify.SendSmsAsync(appeal.ParentPhone, "appeal-hearing-reminder", personalisation, appeal.AppealId, cancellationToken);
        }
        catch (NotificationClientException ex)
        {
            logger.LogWarning(ex, "Hearing reminder for {AppealId} not sent ({Status})", appeal.AppealId, ex.Status); // clean exceptions
        }
    }

    public void Decide(AdmissionAppeal appeal, bool upheld)
    {
        var span = new CaseworkCaseSpan(Activity.Current);
        var outcome = upheld ? "upheld" : "dismissed";
        span.AddCaseworkDecisionRecordedEvent(outcome, caseworkNote: appeal.Grounds.Length > 200 ? appeal.Grounds[..200] : appeal.Grounds); // leak TC1001 generated-api
        Activity.Current?.SetTag("appeal.grounds.length", appeal.Grounds.Length); // clean precision-about
        logger.LogInformation("Appeal {AppealId} for {School} {Outcome}", appeal.AppealId, appeal.SchoolName, outcome); // clean direct
    }
}
